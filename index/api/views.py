"""`/api/v1/index/…`: editions in the file format, assessments, answers, the workflow and results.

State conflicts of the services become 409 in `core.api.errors.exception_handler`. Anonymous callers get 403 for
every assessment they may not see, whether or not it exists, so that they cannot probe which ids exist.
"""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiTypes, extend_schema
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from cities import rules
from core.text import clean_data

from .. import selectors, services
from ..filters import AssessmentFilterSet
from ..models import Assessment
from .serializers import (
    AnswerSerializer,
    AssessmentCreateSerializer,
    AssessmentSerializer,
    CommentSerializer,
    ReturnCommentSerializer,
)


class EditionViewSet(viewsets.GenericViewSet):
    """Index editions in the contract's edition file format. The secretariat posts new ones."""

    queryset = selectors.editions()
    lookup_field = "code"
    lookup_value_regex = "[^/]+"
    serializer_class = serializers.Serializer

    @extend_schema(operation_id="v1_index_editions_list", responses=OpenApiTypes.OBJECT)
    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([selectors.edition_as_file(edition) for edition in page])

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def retrieve(self, request, code=None):
        return Response(selectors.edition_as_file(self.get_object()))

    @extend_schema(request=OpenApiTypes.OBJECT, responses={201: OpenApiTypes.OBJECT})
    def create(self, request):
        _require_login(request)
        if not rules.is_secretariat(request.user):
            raise exceptions.PermissionDenied()
        edition = services.edition_import(data=clean_data(request.data))
        return Response(selectors.edition_as_file(edition), status=status.HTTP_201_CREATED)


class AssessmentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Index assessments: a city's answers to an edition in one year (a wave), and their workflow."""

    serializer_class = AssessmentSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = AssessmentFilterSet

    def get_queryset(self):
        visible = selectors.assessment_visible_to(user=self.request.user)
        return visible.prefetch_related("optional_areas").order_by("-year", "pk")

    def get_object(self) -> Assessment:
        return self._find(self.get_queryset(), self.kwargs["pk"])

    def filter_queryset(self, queryset):
        # The filters are the list's; an assessment's own URL answers whatever the query string says.
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    @extend_schema(request=AssessmentCreateSerializer, responses={201: AssessmentSerializer})
    def create(self, request):
        _require_login(request)
        data = AssessmentCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        assessment = services.assessment_create(**data.validated_data, by=request.user)
        return Response(AssessmentSerializer(assessment).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=OpenApiTypes.OBJECT, responses=OpenApiTypes.OBJECT)
    @action(detail=True, methods=["put"])
    def answers(self, request, pk=None):
        assessment = self._workable(pk)
        data = clean_data(request.data)
        items = data.get("answers", data) if isinstance(data, dict) else data
        saved = services.answers_save(assessment=assessment, items=items, by=request.user)
        return Response({"saved": len(saved), "answers": AnswerSerializer(saved, many=True).data})

    @extend_schema(request=None, responses=AssessmentSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._done(services.assessment_submit(assessment=self._workable(pk), by=request.user))

    @extend_schema(request=CommentSerializer, responses=AssessmentSerializer)
    @action(detail=True, methods=["post"])
    def validate(self, request, pk=None):
        assessment = self._workable(pk)
        return self._done(
            services.assessment_validate(assessment=assessment, by=request.user, comment=_comment(request))
        )

    @extend_schema(request=ReturnCommentSerializer, responses=AssessmentSerializer)
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_to_city(self, request, pk=None):
        assessment = self._workable(pk)
        comment = _comment(request, ReturnCommentSerializer)
        return self._done(services.assessment_return(assessment=assessment, by=request.user, comment=comment))

    @extend_schema(request=None, responses=AssessmentSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        return self._done(services.assessment_publish(assessment=self._workable(pk), by=request.user))

    @extend_schema(responses=OpenApiTypes.OBJECT)
    @action(detail=True, methods=["get"])
    def results(self, request, pk=None):
        return Response(selectors.assessment_results(self.get_object()))

    def _workable(self, pk) -> Assessment:
        return self._find(selectors.assessment_workable_by(user=self.request.user), pk)

    def _find(self, queryset, pk) -> Assessment:
        """The assessment with this id in the queryset. One answer for every id the caller may not see, whether it
        exists or not: 403 for anonymous callers (log in first, as for any protected endpoint), 404 for others."""
        found = selectors.assessment_in(queryset, pk)
        if found is None:
            _require_login(self.request)
            raise exceptions.NotFound()
        return found

    def _done(self, assessment: Assessment) -> Response:
        return Response(AssessmentSerializer(assessment).data)


def _comment(request, serializer_class=CommentSerializer) -> str:
    comment = serializer_class(data=request.data if isinstance(request.data, dict) else {})
    comment.is_valid(raise_exception=True)  # a comment that is not text (or holds a NUL) is a 400
    return comment.validated_data["comment"]


def _require_login(request) -> None:
    if not request.user.is_authenticated:
        raise exceptions.NotAuthenticated()
