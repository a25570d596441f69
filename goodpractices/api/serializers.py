from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .. import template
from ..models import FieldOfAction, GoodPractice
from ..privacy import may_see_contact_email
from ..template import LIST_KINDS, Kind, TemplateField


class FieldOfActionSerializer(serializers.ModelSerializer):
    parent = serializers.CharField(source="parent.code", default=None, read_only=True, allow_null=True)

    class Meta:
        model = FieldOfAction
        fields = ["code", "name", "parent", "description"]


class BaseGoodPracticeSerializer(serializers.ModelSerializer):
    """The fields outside the template, and the contact e-mail (private); `practice_serializer_class` adds the rest."""

    url = serializers.HyperlinkedIdentityField(view_name="api:goodpractice-detail")
    city = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    # Private: the city's team and the secretariat see it (goodpractices.privacy), others read null.
    contact_email = serializers.SerializerMethodField(
        help_text=(
            "The contact person's e-mail: for the practice's city team and the secretariat; null for others, and "
            "when there is none."
        )
    )

    @extend_schema_field({"type": "string", "format": "email", "nullable": True})
    def get_contact_email(self, practice) -> str | None:
        request = self.context.get("request")
        if not may_see_contact_email(getattr(request, "user", None), practice):
            return None
        return practice.contact_email or None  # a blank address is no address


def _read_field(field: TemplateField) -> serializers.Field | None:
    """The field when the model's own would not do (codes for fields of action, a contract name that differs);
    None lets the ModelSerializer build it from the model."""
    source = {"source": field.name} if field.api_name != field.name else {}
    if field.kind in (Kind.FIELD_OF_ACTION, Kind.FIELDS_OF_ACTION):
        many = field.kind == Kind.FIELDS_OF_ACTION
        null = {} if many else {"allow_null": True}  # a draft may have no main field yet
        return serializers.SlugRelatedField(slug_field="code", many=many, read_only=True, **null, **source)
    if source and field.kind in LIST_KINDS:
        return serializers.ListField(child=serializers.CharField(), read_only=True, **source)
    if source:
        return serializers.ReadOnlyField(**source)
    return None


DOC = "Every field of the reporting template, under the contract's names."


def practice_serializer_class(fields=template.TEMPLATE) -> type[BaseGoodPracticeSerializer]:
    """The read serializer of a template declaration (the real one, or a test's copy with a field more)."""
    declared = BaseGoodPracticeSerializer._declared_fields
    attrs = {
        field.api_name: built
        for field in fields
        if field.api_name not in declared and (built := _read_field(field)) is not None
    }
    names = ["id", "slug", "url", "status", "city", *(field.api_name for field in fields), "published_at", "year"]
    names.append("version")
    meta = type("Meta", (), {"model": GoodPractice, "fields": names, "read_only_fields": names})
    return type(
        "GoodPracticeSerializer",
        (BaseGoodPracticeSerializer,),
        {"__module__": __name__, "__doc__": DOC, "Meta": meta, **attrs},
    )


GoodPracticeSerializer = practice_serializer_class()
