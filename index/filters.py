"""The FilterSets of Index assessments.

`AssessmentFilterSet`: `GET /api/v1/index/assessments/`, the desk's list and the secretariat's overview of a wave
filter through it, so a filter added here works in all three. `PublishedResultFilterSet`: the public Index page's
peer groups (rule 7's population and foreign-born bands and country, and the national network).
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from cities.choices import DiversityBand, PopulationBand
from cities.models import City, Country, NationalNetwork

from .choices import AssessmentStatus
from .models import Assessment, IndexEdition

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


def _published_city_ids():
    return Assessment.objects.filter(status=AssessmentStatus.PUBLISHED).values("city_id")


class PublishedResultFilterSet(django_filters.FilterSet):
    """The public Index page: published assessments narrowed to a peer group of cities, or to one edition.
    Every filter but `edition` is a trait of the city, so it does not matter whether it applies before or after
    picking each city's latest result; `edition` applies before (the latest result on that edition)."""

    edition = django_filters.ModelChoiceFilter(
        queryset=IndexEdition.objects.filter(
            pk__in=Assessment.objects.filter(status=AssessmentStatus.PUBLISHED).values("edition_id")
        ),
        to_field_name="code",
        label=_("Edition"),
        empty_label=_("All editions"),
    )
    population_band = django_filters.ChoiceFilter(
        choices=PopulationBand.choices,
        method="filter_population_band",
        label=_("Population"),
        empty_label=_("Any size"),
    )
    diversity_band = django_filters.ChoiceFilter(
        choices=DiversityBand.choices,
        method="filter_diversity_band",
        label=_("Foreign-born"),
        empty_label=_("Any share"),
    )
    country = django_filters.ModelChoiceFilter(
        field_name="city__country",
        queryset=Country.objects.filter(pk__in=City.objects.filter(pk__in=_published_city_ids()).values("country_id")),
        to_field_name="code",
        label=_("Country"),
        empty_label=_("All countries"),
    )
    network = django_filters.ModelChoiceFilter(
        field_name="city__national_network",
        queryset=NationalNetwork.objects.filter(
            pk__in=City.objects.filter(pk__in=_published_city_ids()).values("national_network_id")
        ),
        to_field_name="slug",
        label=_("National network"),
        empty_label=_("All networks"),
    )

    class Meta:
        model = Assessment
        fields = ["edition", "population_band", "diversity_band", "country", "network"]

    def filter_population_band(self, queryset, name, value):
        return queryset.filter(city__in=City.objects.in_population_band(value))

    def filter_diversity_band(self, queryset, name, value):
        return queryset.filter(city__in=City.objects.in_diversity_band(value))
