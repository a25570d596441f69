"""What a client may write to a good practice: the template's fields under the contract's names."""

from rest_framework import serializers

from cities.models import City

from ..choices import PracticeArea, PracticeLanguage, PracticeType, TargetGroup
from ..models import MAX_VERSION, MONTH, FieldOfAction


def _text(max_length=None):
    return serializers.CharField(required=False, allow_blank=True, max_length=max_length, trim_whitespace=False)


def _choices(choices, **kwargs):
    return serializers.ListField(child=serializers.ChoiceField(choices=choices), required=False, **kwargs)


class GoodPracticeInputSerializer(serializers.Serializer):
    """Every field is optional: a draft may be saved incomplete; `submit/` checks completeness."""

    city = serializers.SlugRelatedField(slug_field="slug", queryset=City.objects.all(), required=False)
    department = _text(200)
    form_date = serializers.DateField(required=False, allow_null=True)
    contact_person = _text(200)
    contact_email = serializers.EmailField(required=False, allow_blank=True)
    title = _text(255)
    main_field = serializers.SlugRelatedField(
        slug_field="code", queryset=FieldOfAction.objects.all(), required=False, allow_null=True
    )
    secondary_fields = serializers.SlugRelatedField(
        slug_field="code", queryset=FieldOfAction.objects.all(), many=True, required=False
    )
    main_purpose = _text()
    period_start = serializers.CharField(required=False, allow_blank=True, validators=[MONTH])
    period_end = serializers.CharField(required=False, allow_blank=True, validators=[MONTH])
    period_text = _text(200)
    purpose = _text()
    stimulus = _text()
    process = _text()
    impact = _text()
    references = _text()
    reference_links = serializers.ListField(child=serializers.URLField(max_length=500), required=False)
    target_groups = _choices(TargetGroup.choices)
    practice_type = _choices(PracticeType.choices, source="practice_types")
    area = _choices(PracticeArea.choices, source="areas")
    language = serializers.ChoiceField(choices=PracticeLanguage.choices, required=False)
    available_languages = _choices(PracticeLanguage.choices)
    version = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_VERSION,
        help_text="The version the client started from; a PATCH from an older version is refused with 409.",
    )


class PracticeCommentSerializer(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, default="")
