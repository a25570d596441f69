from rest_framework import serializers

from ..models import FieldOfAction, GoodPractice


class FieldOfActionSerializer(serializers.ModelSerializer):
    parent = serializers.CharField(source="parent.code", default=None, read_only=True)

    class Meta:
        model = FieldOfAction
        fields = ["code", "name", "parent", "description"]


class GoodPracticeSerializer(serializers.ModelSerializer):
    """Every field of the reporting template, under the contract's names."""

    url = serializers.HyperlinkedIdentityField(view_name="api:goodpractice-detail")
    city = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    main_field = serializers.SlugRelatedField(slug_field="code", read_only=True)
    secondary_fields = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    practice_type = serializers.ListField(source="practice_types", child=serializers.CharField(), read_only=True)
    area = serializers.ListField(source="areas", child=serializers.CharField(), read_only=True)

    class Meta:
        model = GoodPractice
        fields = [
            "id",
            "slug",
            "url",
            "status",
            "city",
            "department",
            "form_date",
            "contact_person",
            "contact_email",
            "title",
            "main_field",
            "secondary_fields",
            "main_purpose",
            "period_start",
            "period_end",
            "period_text",
            "purpose",
            "stimulus",
            "process",
            "impact",
            "references",
            "reference_links",
            "target_groups",
            "practice_type",
            "area",
            "language",
            "available_languages",
            "published_at",
            "year",
            "version",
        ]
        read_only_fields = fields
