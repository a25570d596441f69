"""`GET news/` (published news, the newsroom's FilterSet) and `GET news/<id>/`; a practice's adoptions and
follow-ups (`GET good-practices/<id>/adoptions/`, `…/follow-ups/`)."""

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import mixins, viewsets

from ..filters import NewsFilterSet
from ..selectors.news import news_visible_to
from .serializers import NewsSerializer


class NewsViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """News from the member cities, published by the secretariat."""

    serializer_class = NewsSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = NewsFilterSet

    def get_queryset(self):
        queryset = news_visible_to(user=self.request.user).order_by("-published_at", "-id")
        if self.action == "list":
            queryset = queryset.filter(status="published")
        return queryset

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)
