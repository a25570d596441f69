"""The one FilterSet of the good-practice database: the public page, `/api/v1/good-practices/` and the CSV/JSON
exports all filter through it, so a filter added here works everywhere and is tested once (docs/search.md)."""

import django_filters
from django import forms
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Func, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from . import search
from .choices import PracticeLanguage, PracticeType, TargetGroup
from .taxonomy import FIELDS_OF_ACTION

YEAR_MIN, YEAR_MAX = 1950, 2100


class Ordering:
    RELEVANCE = "relevance"
    NEWEST = "-published_at"
    TITLE = "title"
    CHOICES = [(RELEVANCE, _("Relevance")), (NEWEST, _("Newest")), (TITLE, _("Title"))]


def field_choices():
    """The fields of action as (code, "3a. Name") in the current language, without a database query."""
    french = (get_language() or "en").startswith("fr")
    return [
        (code, f"{code}. {(name_fr if french and name_fr else name_en)}")
        for code, _p, name_en, name_fr, *_ in FIELDS_OF_ACTION
    ]


def sub_field_codes(code: str) -> list[str]:
    return [code] + [row[0] for row in FIELDS_OF_ACTION if row[1] == code]


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", YEAR_MIN)
        kwargs.setdefault("max_value", YEAR_MAX)
        super().__init__(*args, **kwargs)


class GoodPracticeFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_nothing", max_length=search.MAX_QUERY_LENGTH, label=_("Search"))
    field = django_filters.ChoiceFilter(choices=field_choices, method="filter_field", label=_("Field of action"))
    main_field = django_filters.ChoiceFilter(
        choices=field_choices, method="filter_main_field", label=_("Main field of action")
    )
    # A slug (the API's contract) or a city's name as typed in the page's box: "?city=Lisbon" finds Lisbon's practices.
    city = django_filters.CharFilter(method="filter_city", max_length=100, label=_("City"))
    country = django_filters.CharFilter(method="filter_country", max_length=2, label=_("Country"))
    network = django_filters.CharFilter(
        field_name="city__national_network__slug", max_length=100, label=_("National network")
    )
    year = YearFilter(field_name="year", label=_("Year"))
    year_min = YearFilter(field_name="year", lookup_expr="gte", label=_("From year"))
    year_max = YearFilter(field_name="year", lookup_expr="lte", label=_("To year"))
    target_group = django_filters.ChoiceFilter(
        choices=TargetGroup.choices,
        field_name="target_groups",
        lookup_expr="contains",
        method="filter_array",
        label=_("Target group"),
    )
    practice_type = django_filters.ChoiceFilter(
        choices=PracticeType.choices, field_name="practice_types", method="filter_array", label=_("Type of practice")
    )
    language = django_filters.ChoiceFilter(choices=PracticeLanguage.choices, label=_("Language"))
    ordering = django_filters.ChoiceFilter(
        choices=Ordering.CHOICES, method="filter_nothing", label=_("Sort by"), empty_label=None
    )

    # Facet filters: what the page shows counts for (their names are also the PracticeFacetCount facets).
    FACETS = ["field", "country", "network", "year", "target_group", "practice_type", "language", "city"]

    def filter_nothing(self, queryset, name, value: str):
        return queryset  # q and ordering are applied together in filter_queryset: ranking needs both

    def filter_field(self, queryset, name, value: str):
        data = self.form.cleaned_data
        if (data.get("city") or data.get("network")) and not data.get("country"):
            # With a city or network, the few practices of its cities are best read through the city index;
            # PostgreSQL otherwise repeats a GIN scan of every practice of the field once per city. `|| '{}'` hides
            # the GIN. (With a country, gp_country_published is walked newest first with the field as its filter.)
            codes = Func(F("field_codes"), template="(%(expressions)s || '{}')", output_field=self._codes_field)
            return queryset.alias(place_field_codes=codes).filter(place_field_codes__contains=[value])
        return queryset.filter(field_codes__contains=[value])

    _codes_field = ArrayField(models.CharField(max_length=4))

    def filter_main_field(self, queryset, name, value: str):
        return queryset.filter(Q(main_field__code__in=sub_field_codes(value)))

    def filter_city(self, queryset, name, value: str):
        value = value.strip()
        return queryset.filter(Q(city__slug=value.lower()) | Q(city__name__iexact=value))

    def filter_country(self, queryset, name, value: str):
        return queryset.filter(country_code=value.upper())  # the city's country, kept on the practice by a trigger

    def filter_array(self, queryset, name, value: str):
        return queryset.filter(**{f"{name}__contains": [value]})

    @property
    def query_text(self) -> str:
        data = getattr(self.form, "cleaned_data", None) or {}
        return (data.get("q") or "").strip()

    @property
    def ordering_value(self) -> str:
        data = getattr(self.form, "cleaned_data", None) or {}
        return data.get("ordering") or (Ordering.RELEVANCE if self.query_text else Ordering.NEWEST)

    @property
    def active_filters(self) -> dict:
        data = getattr(self.form, "cleaned_data", None) or {}
        return {name: value for name, value in data.items() if value not in (None, "") and name != "ordering"}

    def filter_queryset(self, queryset):
        """The matches in the requested order; by relevance, only a bounded candidate set is ranked."""
        queryset = super().filter_queryset(queryset)
        if self.ranks:
            return search.ranked(queryset, self.query_text)  # a lazy sequence: ids ranked, rows read per page
        return self._plain_order(self.matches(queryset, filtered=True))

    def filtered(self, queryset):
        """The valid filters applied, without the search words (the ranked window adds them itself)."""
        self.is_valid()  # the values of the valid filters; invalid ones are reported by the caller
        return super().filter_queryset(queryset)

    @property
    def ranks(self) -> bool:
        """Whether the results are the ranked window of a search (see search.candidate_ctes)."""
        return bool(self.query_text) and self.ordering_value == Ordering.RELEVANCE

    def matches(self, queryset, *, filtered: bool = False):
        """Every match, unranked (exports and facet counts)."""
        if not filtered:
            queryset = self.filtered(queryset)
        return search.matching(queryset, self.query_text) if self.query_text else queryset

    def every_match(self, queryset):
        """Every match, newest first or by title: what the exports stream (relevance ranks only a bounded set)."""
        return self._plain_order(self.matches(queryset))

    def _plain_order(self, queryset):
        if self.ordering_value == Ordering.TITLE:
            return queryset.order_by("title", "id")
        return queryset.order_by("-published_at", "-id")
