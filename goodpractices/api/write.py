"""The write side of `good-practices/`: the same services and permissions as the coordinator's pages."""

from contextlib import contextmanager

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, permissions, status
from rest_framework.decorators import action
from rest_framework.response import Response

from cities import rules
from core.api.errors import Conflict

from .. import services
from .serializers import GoodPracticeSerializer
from .write_serializers import GoodPracticeInputSerializer, PracticeCommentSerializer, RequiredCommentSerializer

WRITE_ACTIONS = {
    "create",
    "partial_update",
    "destroy",
    "submit",
    "request_changes",
    "publish",
    "reject",
    "unpublish",
    "revise",
}


@contextmanager
def _service_errors():
    """Workflow refusals as the contract's statuses: a state conflict is 409."""
    try:
        yield
    except services.PracticeEditConflict as error:
        raise Conflict(
            _("Someone else saved this practice since version %(mine)s; it is now version %(now)s. Your text was kept.")
            % {"mine": error.refused.version, "now": error.practice.version}
        ) from error
    except services.StateConflict as error:
        raise Conflict(str(error)) from error


class GoodPracticeWriteMixin:
    """`POST good-practices/`, `PATCH good-practices/<id>/`, `DELETE good-practices/<id>/` (a draft) and the workflow
    actions."""

    def get_permissions(self):
        if self.action in WRITE_ACTIONS:
            return [permissions.IsAuthenticated()]
        return super().get_permissions()

    def _own_practice(self):
        """The practice when the user may act for its city; another city's practice is 404, as if absent."""
        practice = self.get_object()
        if not rules.can_coordinate(self.request.user, practice.city):
            raise exceptions.NotFound()
        return practice

    def _answer(self, practice, code=status.HTTP_200_OK):
        practice.refresh_from_db()
        return Response(GoodPracticeSerializer(practice, context=self.get_serializer_context()).data, status=code)

    def _comment(self, serializer_class=PracticeCommentSerializer) -> str:
        serializer = serializer_class(data=self.request.data if isinstance(self.request.data, dict) else {})
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data["comment"]

    @extend_schema(request=GoodPracticeInputSerializer, responses={201: GoodPracticeSerializer})
    def create(self, request, *args, **kwargs):
        serializer = GoodPracticeInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        data.pop("version", None)
        city = data.pop("city", None) or self._default_city()
        with _service_errors():
            practice = services.practice_create(city=city, by=request.user, data=data)
        return self._answer(practice, status.HTTP_201_CREATED)

    def _default_city(self):
        from cities.models import City

        cities = rules.coordinated_city_ids(self.request.user)
        if len(cities) == 1:
            return City.objects.get(pk=next(iter(cities)))
        raise exceptions.ValidationError({"city": [_("Name the city (its slug): you may act for several or none.")]})

    @extend_schema(request=GoodPracticeInputSerializer, responses={200: GoodPracticeSerializer})
    def partial_update(self, request, *args, **kwargs):
        practice = self._own_practice()
        serializer = GoodPracticeInputSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        if "city" in data and data.pop("city") != practice.city:
            raise exceptions.ValidationError({"city": [_("A practice cannot move to another city.")]})
        expected = data.pop("version", None)
        with _service_errors():
            practice = services.practice_update(
                practice=practice, by=request.user, data=data, expected_version=expected
            )
        return self._answer(practice)

    @extend_schema(request=None, responses={204: None})
    def destroy(self, request, *args, **kwargs):
        """Deletes a draft that was never submitted (a new version too: the published practice stays as it is);
        409 in any other state."""
        practice = self._own_practice()
        with _service_errors():
            services.practice_delete(practice=practice, by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=None, responses={200: GoodPracticeSerializer})
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Draft or changes requested → submitted; 400 with `missing` (the empty required fields)."""
        practice = self._own_practice()
        try:
            with _service_errors():
                practice = services.practice_submit(practice=practice, by=request.user)
        except services.PracticeIncomplete as error:
            return Response(
                {"detail": _("Fill in the required fields before submitting."), "missing": error.missing},
                status=status.HTTP_400_BAD_REQUEST,
            )
        return self._answer(practice)

    def _review(self, service, comment=PracticeCommentSerializer):
        practice = self.get_object()
        with _service_errors():
            practice = service(practice=practice, by=self.request.user, comment=self._comment(comment))
        return self._answer(practice)

    @extend_schema(request=RequiredCommentSerializer, responses={200: GoodPracticeSerializer})
    @action(detail=True, methods=["post"], url_path="request-changes", url_name="request-changes")
    def request_changes(self, request, pk=None):
        """Secretariat: submitted → changes requested, with a comment saying what to change."""
        return self._review(services.practice_request_changes, RequiredCommentSerializer)

    @extend_schema(request=PracticeCommentSerializer, responses={200: GoodPracticeSerializer})
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        """Secretariat: submitted (or unpublished) → published. A new version answers with the original."""
        return self._review(services.practice_publish)

    @extend_schema(request=RequiredCommentSerializer, responses={200: GoodPracticeSerializer})
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        """Secretariat: submitted → rejected, with a comment saying why."""
        return self._review(services.practice_reject, RequiredCommentSerializer)

    @extend_schema(request=PracticeCommentSerializer, responses={200: GoodPracticeSerializer})
    @action(detail=True, methods=["post"])
    def unpublish(self, request, pk=None):
        """Secretariat: published → unpublished."""
        return self._review(services.practice_unpublish)

    @extend_schema(request=None, responses={201: GoodPracticeSerializer})
    @action(detail=True, methods=["post"], url_path="new-version", url_name="new-version")
    def revise(self, request, pk=None):
        """A new version of a published practice, as a draft that goes through review (or the one already open)."""
        practice = self._own_practice()
        with _service_errors():
            new_version = services.practice_revise(practice=practice, by=request.user)
        return self._answer(new_version, status.HTTP_201_CREATED)
