import django_filters
from django.utils.translation import gettext_lazy as _

from .choices import CityStatus, PopulationBand
from .models import City, Country, NationalNetwork


class CityFilterSet(django_filters.FilterSet):
    """Filters of the city directory: the public page and `/api/v1/cities/` share this one FilterSet."""

    country = django_filters.ModelChoiceFilter(
        queryset=Country.objects.filter(cities__isnull=False).distinct(), to_field_name="code", label=_("Country")
    )
    network = django_filters.ModelChoiceFilter(
        field_name="national_network",
        queryset=NationalNetwork.objects.all(),
        to_field_name="slug",
        label=_("National network"),
    )
    status = django_filters.ChoiceFilter(choices=CityStatus.choices, label=_("Status"))
    population_band = django_filters.ChoiceFilter(
        choices=PopulationBand.choices, method="filter_population_band", label=_("Population")
    )
    q = django_filters.CharFilter(field_name="name", lookup_expr="icontains", label=_("Name"), max_length=100)

    class Meta:
        model = City
        fields = ["q", "country", "network", "status", "population_band"]

    def filter_population_band(self, queryset, name, value):
        return queryset.in_population_band(value)
