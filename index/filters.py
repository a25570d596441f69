"""The one FilterSet of Index assessments: `GET /api/v1/index/assessments/`, the desk's list and the secretariat's
overview of a wave filter through it, so a filter added here works in all three."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import AssessmentStatus
from .models import Assessment

YEAR_MIN, YEAR_MAX = 2000, 2100


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", YEAR_MIN)
        kwargs.setdefault("max_value", YEAR_MAX)
        super().__init__(*args, **kwargs)


class AssessmentFilterSet(django_filters.FilterSet):
    city = django_filters.CharFilter(field_name="city__slug", max_length=100, label=_("City"))
    edition = django_filters.CharFilter(field_name="edition__code", max_length=40, label=_("Edition"))
    year = YearFilter(field_name="year", label=_("Wave"))
    status = django_filters.ChoiceFilter(choices=AssessmentStatus.choices, label=_("Status"))

    class Meta:
        model = Assessment
        fields = ["city", "edition", "year", "status"]
