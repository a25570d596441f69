from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import TEMPLATE_FIELDS, FieldOfAction, GoodPractice
from ..privacy import may_see_contact_email


class FieldOfActionSerializer(serializers.ModelSerializer):
    parent = serializers.CharField(source="parent.code", default=None, read_only=True)

    class Meta:
        model = FieldOfAction
        fields = ["code", "name", "parent", "description"]


# Model field → the contract's name for it.
CONTRACT_NAMES = {"practice_types": "practice_type", "areas": "area"}


class GoodPracticeSerializer(serializers.ModelSerializer):
    """Every field of the reporting template, under the contract's names."""

    url = serializers.HyperlinkedIdentityField(view_name="api:goodpractice-detail")
    city = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    main_field = serializers.SlugRelatedField(slug_field="code", read_only=True)
    secondary_fields = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    practice_type = serializers.ListField(source="practice_types", child=serializers.CharField(), read_only=True)
    area = serializers.ListField(source="areas", child=serializers.CharField(), read_only=True)
    contact_email = serializers.SerializerMethodField(
        help_text="The contact person's e-mail: for the practice's city team and the secretariat; null for others."
    )

    class Meta:
        model = GoodPractice
        fields = [
            "id", "slug", "url", "status", "city",
            *(CONTRACT_NAMES.get(name, name) for name in TEMPLATE_FIELDS),
            "published_at", "year", "version",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field({"type": "string", "format": "email", "nullable": True})
    def get_contact_email(self, practice) -> str | None:
        request = self.context.get("request")
        return practice.contact_email if may_see_contact_email(getattr(request, "user", None), practice) else None
