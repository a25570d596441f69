"""The one FilterSet of the newsroom: the public page `/news/`, `GET /api/v1/news/` and the digests of saved searches
filter news through it (city, country, field, year), as the good-practice database does with its own."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from goodpractices.filters import YearFilter, field_choices, sub_field_codes

from .models import News


class NewsFilterSet(django_filters.FilterSet):
    city = django_filters.CharFilter(field_name="city__slug", max_length=100, label=_("City"))
    country = django_filters.CharFilter(method="filter_country", max_length=2, label=_("Country"))
    field = django_filters.ChoiceFilter(
        choices=field_choices, method="filter_field", label=_("Field of action"), empty_label=_("All")
    )
    year = YearFilter(field_name="date__year", label=_("Year"))

    class Meta:
        model = News
        fields = ["city", "country", "field", "year"]

    def filter_country(self, queryset, name, value: str):
        return queryset.filter(city__country_id=value.upper())

    def filter_field(self, queryset, name, value: str):
        # A parent field also finds its sub-fields; EXISTS keeps one row per news item (no DISTINCT over the list).
        through = News.fields_of_action.through.objects.filter(
            news_id=OuterRef("pk"), fieldofaction__code__in=sub_field_codes(value)
        )
        return queryset.filter(Exists(through))
