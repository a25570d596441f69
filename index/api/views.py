"""`/api/v1/index/…`: editions in the file format, assessments, answers, the workflow and results."""

from contextlib import contextmanager

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiTypes, extend_schema
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from cities import rules
from cities.models import City
from core.api.errors import Conflict

from .. import services
from ..models import Assessment, IndexEdition
from ..selectors import assessment_results, assessment_visible_to, assessment_workable_by, edition_as_file


class EditionViewSet(viewsets.GenericViewSet):
    """Index editions in the contract's edition file format. The secretariat posts new ones."""

    queryset = IndexEdition.objects.all()
    lookup_field = "code"
    lookup_value_regex = "[^/]+"
    serializer_class = serializers.Serializer

    @extend_schema(operation_id="v1_index_editions_list", responses=OpenApiTypes.OBJECT)
    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([edition_as_file(edition) for edition in page])

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def retrieve(self, request, code=None):
        return Response(edition_as_file(self.get_object()))

    @extend_schema(request=OpenApiTypes.OBJECT, responses={201: OpenApiTypes.OBJECT})
    def create(self, request):
        _require(request, rules.is_secretariat(request.user))
        edition = services.edition_import(data=request.data)
        return Response(edition_as_file(edition), status=status.HTTP_201_CREATED)


class AssessmentSerializer(serializers.ModelSerializer):
    city = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    edition = serializers.SlugRelatedField(slug_field="code", read_only=True)
    optional_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Assessment
        fields = [
            "id",
            "city",
            "edition",
            "year",
            "status",
            "optional_areas",
            "created_at",
            "submitted_at",
            "validated_at",
            "published_at",
        ]


class AssessmentCreateSerializer(serializers.Serializer):
    city = serializers.SlugField()
    edition = serializers.CharField()
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    optional_areas = serializers.ListField(child=serializers.CharField(), required=False, default=list)


class CommentSerializer(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class AssessmentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Index assessments: a city's answers to an edition in one year (a wave), and their workflow."""

    serializer_class = AssessmentSerializer

    def get_queryset(self):
        return assessment_visible_to(user=self.request.user).prefetch_related("optional_areas").order_by("-year", "pk")

    @extend_schema(request=AssessmentCreateSerializer, responses={201: AssessmentSerializer})
    def create(self, request):
        if not request.user.is_authenticated:
            raise exceptions.NotAuthenticated()
        data = AssessmentCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        city = City.objects.filter(slug=data.validated_data["city"]).first()
        edition = IndexEdition.objects.filter(code=data.validated_data["edition"]).first()
        problems = {}
        if city is None:
            problems["city"] = [f"Unknown city '{data.validated_data['city']}'."]
        if edition is None:
            problems["edition"] = [f"Unknown edition '{data.validated_data['edition']}'."]
        if problems:
            raise exceptions.ValidationError(problems)
        assessment = services.assessment_create(
            city=city,
            edition=edition,
            year=data.validated_data["year"],
            optional_areas=data.validated_data["optional_areas"],
            by=request.user,
        )
        return Response(AssessmentSerializer(assessment).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=OpenApiTypes.OBJECT, responses=OpenApiTypes.OBJECT)
    @action(detail=True, methods=["put"])
    def answers(self, request, pk=None):
        assessment = self._workable(pk)
        items = request.data.get("answers", request.data) if isinstance(request.data, dict) else request.data
        with _conflicts():
            saved = services.answers_save(assessment=assessment, items=items, by=request.user)
        return Response({"saved": len(saved), "answers": [_answer(a) for a in saved]})

    @extend_schema(request=None, responses=AssessmentSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        with _conflicts():
            return self._done(services.assessment_submit(assessment=self._workable(pk), by=request.user))

    @extend_schema(request=CommentSerializer, responses=AssessmentSerializer)
    @action(detail=True, methods=["post"])
    def validate(self, request, pk=None):
        assessment = self._workable(pk)
        with _conflicts():
            return self._done(
                services.assessment_validate(assessment=assessment, by=request.user, comment=_comment(request))
            )

    @extend_schema(request=CommentSerializer, responses=AssessmentSerializer)
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_to_city(self, request, pk=None):
        assessment = self._workable(pk)
        with _conflicts():
            return self._done(
                services.assessment_return(assessment=assessment, by=request.user, comment=_comment(request))
            )

    @extend_schema(request=None, responses=AssessmentSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        assessment = self._workable(pk)
        with _conflicts():
            return self._done(services.assessment_publish(assessment=assessment, by=request.user))

    @extend_schema(responses=OpenApiTypes.OBJECT)
    @action(detail=True, methods=["get"])
    def results(self, request, pk=None):
        return Response(assessment_results(self._find(assessment_visible_to(user=request.user), pk)))

    def _workable(self, pk) -> Assessment:
        return self._find(assessment_workable_by(user=self.request.user), pk)

    def _find(self, queryset, pk) -> Assessment:
        """The assessment with this id in the queryset; an id that is not a number names no assessment (404)."""
        if not (str(pk).isascii() and str(pk).isdigit()):
            raise exceptions.NotFound()
        assessment = queryset.filter(pk=pk).first()
        if assessment is None:
            self._missing(pk)
        return assessment

    def _missing(self, pk):
        """Anonymous callers are asked to log in where the object exists; others learn nothing (404)."""
        if not self.request.user.is_authenticated and Assessment.objects.filter(pk=pk).exists():
            raise exceptions.NotAuthenticated()
        get_object_or_404(Assessment.objects.none(), pk=pk)

    def _done(self, assessment):
        return Response(AssessmentSerializer(assessment).data)


def _comment(request) -> str:
    comment = CommentSerializer(data=request.data if isinstance(request.data, dict) else {})
    comment.is_valid(raise_exception=True)  # a comment that is not text (or holds a NUL) is a 400
    return comment.validated_data["comment"]


def _answer(answer) -> dict:
    return {
        "question": answer.question.code,
        "choices": answer.choices,
        "value": answer.value,
        "text": answer.text,
        "comment": answer.comment,
        "evidence_url": answer.evidence_url,
        "answered_by": answer.answered_by.email if answer.answered_by else None,
        "answered_at": answer.answered_at,
    }


def _require(request, allowed: bool) -> None:
    if not request.user.is_authenticated:
        raise exceptions.NotAuthenticated()
    if not allowed:
        raise exceptions.PermissionDenied()


@contextmanager
def _conflicts():
    """State conflicts of the services become 409 responses."""
    try:
        yield
    except services.StateConflict as error:
        raise Conflict(str(error)) from error
