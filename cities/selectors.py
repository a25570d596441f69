from django.db.models import QuerySet

from . import rules
from .models import City


def city_list(*, user=None) -> QuerySet[City]:
    """Cities in the directory; the secretariat also sees former members."""
    queryset = City.objects.select_related("country", "national_network")
    return queryset if rules.is_secretariat(user) else queryset.public()
