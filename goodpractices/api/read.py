from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import mixins

from core.api.pagination import PageNumberPagination

from .. import browse
from ..browse import CappedPaginator
from ..filters import GoodPracticeFilterSet
from ..selectors import practice_visible_to
from .serializers import GoodPracticeSerializer


class GoodPracticePagination(PageNumberPagination):
    """The contract's pages over the first MAX_RESULTS matches: `count` stops there (`count_is_capped` says so);
    every match is in the CSV/JSON exports."""

    django_paginator_class = CappedPaginator

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data["count_is_capped"] = self.page.paginator.count >= browse.MAX_RESULTS
        return response

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"]["count_is_capped"] = {
            "type": "boolean",
            "description": f"true when there are {browse.MAX_RESULTS} matches or more and `count` stops there",
        }
        return schema


class GoodPracticeReadMixin(mixins.ListModelMixin, mixins.RetrieveModelMixin):
    """`GET good-practices/` (published only, the FilterSet of the public page) and `GET good-practices/<id>/`
    (by visibility)."""

    serializer_class = GoodPracticeSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = GoodPracticeFilterSet
    pagination_class = GoodPracticePagination

    def get_queryset(self):
        queryset = (
            practice_visible_to(user=self.request.user)
            .prefetch_related("secondary_fields")
            .without_vectors()  # never serialised; kilobytes a row
        )
        if self.action == "list":
            queryset = queryset.published()
        return queryset

    def filter_queryset(self, queryset):
        # The filters are the list's; a practice's own URL answers whatever the query string says.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)
