"""The Index API's serializers: assessments as the contract lists them, the bodies of `POST assessments/` and of
the workflow's comments, and a saved answer."""

from datetime import UTC

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from cities.models import City
from core.api.serializers import CleanTextSerializer

from ..models import Answer, Assessment, IndexEdition


class AssessmentSerializer(serializers.ModelSerializer):
    city = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    edition = serializers.SlugRelatedField(slug_field="code", read_only=True)
    optional_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Assessment
        fields = [
            "id",
            "city",
            "edition",
            "year",
            "status",
            "optional_areas",
            "created_at",
            "submitted_at",
            "validated_at",
            "published_at",
        ]


class AssessmentCreateSerializer(CleanTextSerializer):
    """`{"city", "edition", "year", "optional_areas"}`: the city and edition are looked up here, so that both
    unknown names are reported at once; who may start it is the service's to say."""

    city = serializers.SlugField()
    edition = serializers.CharField()
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    optional_areas = serializers.ListField(child=serializers.CharField(), required=False, default=list)

    def validate_city(self, slug: str) -> City:
        city = City.objects.filter(slug=slug).first()
        if city is None:
            raise serializers.ValidationError(f"Unknown city '{slug}'.")
        return city

    def validate_edition(self, code: str) -> IndexEdition:
        edition = IndexEdition.objects.filter(code=code).first()
        if edition is None:
            raise serializers.ValidationError(f"Unknown edition '{code}'.")
        return edition


class CommentSerializer(CleanTextSerializer):
    comment = serializers.CharField(required=False, allow_blank=True, default="")


RETURN_COMMENT = _("Say what the city should change: a comment is required.")


class ReturnCommentSerializer(CleanTextSerializer):
    """Returning an assessment says what the city should change."""

    comment = serializers.CharField(min_length=1, error_messages={"required": RETURN_COMMENT, "blank": RETURN_COMMENT})


class AnswerSerializer(serializers.ModelSerializer):
    """A saved answer in the reply of `PUT …/answers/`."""

    question = serializers.SlugRelatedField(slug_field="code", read_only=True)
    answered_by = serializers.SlugRelatedField(slug_field="email", read_only=True)
    answered_at = serializers.DateTimeField(read_only=True, default_timezone=UTC)  # in UTC ("…Z"), as it always was

    class Meta:
        model = Answer
        fields = ["question", "choices", "value", "text", "comment", "evidence_url", "answered_by", "answered_at"]
