"""The base of the API's input serializers: what clients send is cleaned before any field sees it."""

from django.core.validators import ProhibitNullCharactersValidator
from rest_framework import serializers

from ..text import clean_data


def _holds_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_holds_nul(item) for item in value.values())
    if isinstance(value, list | tuple):
        return any(_holds_nul(item) for item in value)
    return False


# Drops C0 control characters from every string of the input (see `core.text`), as the forms do, and refuses a NUL
# in any field with a 400 naming it: no text holds one, PostgreSQL cannot store one, and a lookup by a value holding
# one (a city's slug, a field of action's code) was a 500. (A comment, not a docstring: the API schema would show a
# docstring as the description of every input that has none of its own.)
class CleanTextSerializerMixin:
    def to_internal_value(self, data):
        data = clean_data(data)
        if hasattr(data, "items"):
            pairs = data.lists() if hasattr(data, "lists") else data.items()  # a form-encoded body keeps every value
            message = ProhibitNullCharactersValidator.message
            refused = {key: [message] for key, value in pairs if key in self.fields and _holds_nul(value)}
            if refused:
                raise serializers.ValidationError(refused)
        return super().to_internal_value(data)


class CleanTextSerializer(CleanTextSerializerMixin, serializers.Serializer):
    pass
