from rest_framework import mixins

from ..selectors import practice_visible_to
from .serializers import GoodPracticeSerializer


class GoodPracticeReadMixin(mixins.ListModelMixin, mixins.RetrieveModelMixin):
    """`GET good-practices/` (published only) and `GET good-practices/<id>/` (by visibility)."""

    serializer_class = GoodPracticeSerializer

    def get_queryset(self):
        queryset = practice_visible_to(user=self.request.user).prefetch_related("secondary_fields")
        if self.action == "list":
            queryset = queryset.published()
        return queryset
