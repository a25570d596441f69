"""The OpenAPI schema says what the API does: the errors each operation can answer and the bounds its filters keep.

Every API error is `{"detail": "…"}` (with `errors` naming the fields of a 400, or `missing` for an incomplete
submission), from `core.api.errors.exception_handler`. Which statuses an operation documents follows from what it
is, so a new operation is documented without a decorator:

* 400 — it takes a body (any POST, PUT, PATCH: a malformed body is bad input) or query parameters;
* 401 — a token that is wrong, expired or revoked (operations that authenticate);
* 403 — not allowed: anonymous calls to a protected operation, another city's object, a bad token;
* 404 — it names an object in its path;
* 409 — it changes a named object whose state may not allow it (a workflow step, an edit of a submitted text);
* 411 — it takes a body, sent with chunked transfer encoding instead of a Content-Length (`core.middleware`);
* 429 — too many requests (the throttle covers every operation).
"""

from django import forms
from django.core.validators import RegexValidator
from drf_spectacular import openapi
from drf_spectacular.utils import OpenApiResponse, extend_schema_field
from rest_framework import serializers
from rest_framework.settings import api_settings

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
EMPTY = {"type": "string", "maxLength": 0}
NO_NUL = "^[^\\u0000]*$"
# Text that may not be blank: after control characters are dropped and spaces trimmed, something is left.
VISIBLE = "^[^\\u0000]*[^\\s\\u0000-\\u001f][^\\u0000]*$"


@extend_schema_field(
    {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
)
class DetailField(serializers.CharField):
    """One message, or several (a file with several problems names each)."""


class ErrorSerializer(serializers.Serializer):
    detail = DetailField(help_text="What is wrong, in words a person can read.")
    errors = serializers.DictField(
        required=False,
        help_text="For a 400: the problems of each field, by field name (by position inside a list).",
    )
    missing = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="For an incomplete submission: the empty fields."
    )


ERRORS = {
    "400": "Bad input: `errors` names each field and its problem.",
    "401": "The token is wrong, expired or revoked.",
    "403": "Not allowed: log in, or this object is not yours to see or change.",
    "404": "Nothing by that name (or nothing the caller may see).",
    "409": "The object's state does not allow this (`detail` says why).",
    "411": "Send the body with a Content-Length header: chunked transfer encoding is not accepted.",
    "429": "Too many requests: wait and try again.",
}


class AutoSchema(openapi.AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in self._error_statuses():
            if code not in responses:
                error = OpenApiResponse(response=ErrorSerializer, description=ERRORS[code])
                responses[code] = self._get_response_for_code(error, code, direction=direction)
        return dict(sorted(responses.items()))

    def _error_statuses(self) -> list[str]:
        names_an_object = "{" in self.path
        authenticates = bool(getattr(self.view, "authentication_classes", api_settings.DEFAULT_AUTHENTICATION_CLASSES))
        statuses = ["429"]
        if self.method in UNSAFE or any(parameter["in"] == "query" for parameter in self._get_parameters()):
            statuses.append("400")
        if self.method in UNSAFE:
            statuses.append("411")
        if authenticates:
            statuses += ["401", "403"]
        if names_an_object:
            statuses.append("404")
        if names_an_object and self.method in UNSAFE:
            statuses.append("409")
        return statuses

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        """Input text says what the serializer refuses: an empty string where blank is not allowed (a related
        object's slug or code, a required comment), and a NUL anywhere (`core.api.serializers`)."""
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if direction != "request" or field.read_only or schema.get("type") != "string" or "enum" in schema:
            return schema
        if isinstance(field, serializers.RelatedField) or not getattr(field, "allow_blank", True):
            schema.setdefault("minLength", 1)
        if not any(isinstance(validator, RegexValidator) for validator in field.validators):
            # A field's own pattern (a month, a URL) already excludes NUL.
            visible = not getattr(field, "allow_blank", True) and getattr(field, "trim_whitespace", False)
            schema.setdefault("pattern", VISIBLE if visible else NO_NUL)
        return schema

    def _get_filter_parameters(self):
        """django-filter's parameters, with the bounds their form fields enforce (a year from 1950, a search of at
        most 200 characters), and an empty value allowed: the public pages' forms send one for "any"."""
        parameters = super()._get_filter_parameters()
        filterset_class = getattr(self.view, "filterset_class", None)
        if filterset_class is None:
            return parameters
        for parameter in parameters:
            filter_ = filterset_class.base_filters.get(parameter["name"])
            if filter_ is not None:
                parameter["schema"] = _bounded(parameter["schema"], filter_.field)
        return parameters


def _bounded(schema: dict, field: forms.Field) -> dict:
    schema = dict(schema)
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField) and "enum" not in schema:
        schema["enum"] = [value for value, _label in field.choices if value != ""]  # choices given as a callable
    if getattr(field, "min_value", None) is not None:
        schema["minimum"] = field.min_value
    if getattr(field, "max_value", None) is not None:
        schema["maximum"] = field.max_value
    if getattr(field, "max_length", None) is not None and schema.get("type") == "string":
        schema["maxLength"] = field.max_length
    if schema.get("type") == "string" and "enum" not in schema:
        return schema  # the empty string is already one
    return {"oneOf": [schema, EMPTY], "description": "Empty: any."}
