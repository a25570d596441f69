from rest_framework import viewsets

from ..filters import CityFilterSet
from ..selectors import city_list
from .serializers import CitySerializer


class CityViewSet(viewsets.ReadOnlyModelViewSet):
    """Member and candidate cities of the network."""

    serializer_class = CitySerializer
    filterset_class = CityFilterSet
    lookup_field = "slug"

    def get_queryset(self):
        return city_list(user=self.request.user)
