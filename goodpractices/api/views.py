from rest_framework import viewsets

from ..models import FieldOfAction
from .read import GoodPracticeReadMixin
from .serializers import FieldOfActionSerializer
from .write import GoodPracticeWriteMixin


class GoodPracticeViewSet(GoodPracticeWriteMixin, GoodPracticeReadMixin, viewsets.GenericViewSet):
    """Good practices: the public database (read) and the reporting workflow (write)."""


class FieldOfActionViewSet(viewsets.ReadOnlyModelViewSet):
    """The 16 fields of action of the ICC guide and their sub-fields."""

    queryset = FieldOfAction.objects.select_related("parent")
    serializer_class = FieldOfActionSerializer
    lookup_field = "code"
    pagination_class = None
