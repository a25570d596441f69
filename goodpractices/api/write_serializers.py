"""What a client may write to a good practice: the template's fields under the contract's names."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cities.models import City
from core.api.serializers import CleanTextSerializer

from .. import template
from ..models import MAX_VERSION, MONTH, FieldOfAction
from ..taxonomy import FIELD_CODES
from ..template import Kind, TemplateField


@extend_schema_field({"type": "string", "enum": FIELD_CODES})
class FieldOfActionCode(serializers.SlugRelatedField):
    """A field of action by its code; the schema lists the codes (the taxonomy is fixed by the ICC guide)."""


def _text(field: TemplateField, **kwargs):
    return serializers.CharField(
        allow_blank=True, max_length=template.max_length(field), trim_whitespace=False, **kwargs
    )


def _links(field: TemplateField, **kwargs):
    column = template.column(field)
    max_length = column.base_field.max_length if column is not None else None
    return serializers.ListField(child=serializers.URLField(max_length=max_length), **kwargs)


def _choices(field: TemplateField, **kwargs):
    return serializers.ListField(child=serializers.ChoiceField(choices=field.choices.choices), **kwargs)


def _field_of_action(field: TemplateField, **kwargs):
    return FieldOfActionCode(slug_field="code", queryset=FieldOfAction.objects.all(), allow_null=True, **kwargs)


def _fields_of_action(field: TemplateField, **kwargs):
    return FieldOfActionCode(slug_field="code", queryset=FieldOfAction.objects.all(), many=True, **kwargs)


# An input field for each kind of template field; `kwargs` make it optional (a draft may be saved incomplete)
# and name its source when the contract's name differs.
INPUT_FIELDS = {
    Kind.LINE: _text,
    Kind.SUMMARY: _text,
    Kind.PROSE: _text,
    Kind.EMAIL: lambda field, **kwargs: serializers.EmailField(
        allow_blank=True, max_length=template.max_length(field), **kwargs
    ),
    Kind.MONTH: lambda field, **kwargs: serializers.CharField(allow_blank=True, validators=[MONTH], **kwargs),
    Kind.DATE: lambda field, **kwargs: serializers.DateField(allow_null=True, **kwargs),
    Kind.FIELD_OF_ACTION: _field_of_action,
    Kind.FIELDS_OF_ACTION: _fields_of_action,
    Kind.LINKS: _links,
    Kind.CHOICE: lambda field, **kwargs: serializers.ChoiceField(choices=field.choices.choices, **kwargs),
    Kind.CHOICES: _choices,
}


def _input_field(field: TemplateField) -> serializers.Field:
    source = {"source": field.name} if field.api_name != field.name else {}
    return INPUT_FIELDS[field.kind](field, required=False, **source)


class BaseGoodPracticeInputSerializer(CleanTextSerializer):
    city = serializers.SlugRelatedField(slug_field="slug", queryset=City.objects.all(), required=False)


def input_serializer_class(fields=template.TEMPLATE) -> type[BaseGoodPracticeInputSerializer]:
    """The write serializer of a template declaration (the real one, or a test's copy with a field more)."""
    attrs = {field.api_name: _input_field(field) for field in fields}
    attrs["version"] = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_VERSION,
        help_text="The version the client started from; a PATCH from an older version is refused with 409.",
    )
    doc = "Every field is optional: a draft may be saved incomplete; `submit/` checks completeness."
    return type(
        "GoodPracticeInputSerializer",
        (BaseGoodPracticeInputSerializer,),
        {"__module__": __name__, "__doc__": doc, **attrs},
    )


GoodPracticeInputSerializer = input_serializer_class()


class PracticeCommentSerializer(CleanTextSerializer):
    comment = serializers.CharField(required=False, allow_blank=True, default="")


COMMENT_REQUIRED = _("Write a comment to the coordinator: it says what to change or why.")


class RequiredCommentSerializer(CleanTextSerializer):
    """Requesting changes and rejecting say what to change, or why."""

    comment = serializers.CharField(
        min_length=1, error_messages={"required": COMMENT_REQUIRED, "blank": COMMENT_REQUIRED}
    )
