"""`events/`, `events/<slug>/registrations/` and `registrations/`: the same services and rules as the pages.
Errors as everywhere in the API: 400 naming what is wrong, 403, 404 for what the caller may not see, 409 for a state
that does not allow the operation (a closed registration, a full event without waiting list)."""

from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from cities import rules
from cities.models import City
from core.errors import StateConflict

from .. import selectors, services
from ..choices import EventStatus, RegistrationStatus
from ..filters import EventFilterSet
from .serializers import (
    EventInputSerializer,
    EventSerializer,
    ReasonSerializer,
    RegistrationInputSerializer,
    RegistrationSerializer,
)

# A PATCH of `status` is a move of the workflow: from → to gives the service.
STATUS_MOVES = {
    (EventStatus.DRAFT, EventStatus.PUBLISHED): services.event_publish,
    (EventStatus.PUBLISHED, EventStatus.CLOSED): services.event_close,
    (EventStatus.CLOSED, EventStatus.PUBLISHED): services.event_reopen,
}


class SecretariatWrites(permissions.BasePermission):
    message = _("Only the secretariat may do this.")

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS or rules.is_secretariat(request.user)


class EventViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Published events for everyone (drafts for the secretariat); the secretariat creates and edits them."""

    serializer_class = EventSerializer
    filterset_class = EventFilterSet
    lookup_field = "slug"
    permission_classes = [SecretariatWrites]

    def get_queryset(self):
        queryset = selectors.events_visible_to(self.request.user).select_related("network")
        queryset = queryset.prefetch_related("fields_of_action", "practices")
        return queryset.order_by("starts_at", "id")

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset) if self.action == "list" else queryset

    def _answer(self, event, code=status.HTTP_200_OK):
        event = self.get_queryset().get(pk=event.pk)
        return Response(EventSerializer(event, context=self.get_serializer_context()).data, status=code)

    @extend_schema(request=EventInputSerializer, responses={201: EventSerializer})
    def create(self, request, *args, **kwargs):
        serializer = EventInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        event = services.event_create(data=serializer.service_data(), by=request.user)
        target = serializer.validated_data.get("status")
        if target and target != EventStatus.DRAFT:
            event = self._change_status(event, target, serializer.validated_data.get("cancel_reason", ""))
        return self._answer(event, status.HTTP_201_CREATED)

    @extend_schema(request=EventInputSerializer, responses={200: EventSerializer})
    def partial_update(self, request, *args, **kwargs):
        event = self.get_object()
        serializer = EventInputSerializer(data=request.data, partial=True, context={"event": event})
        serializer.is_valid(raise_exception=True)
        data = serializer.service_data()
        if data:
            event = services.event_update(event=event, data=data, by=request.user)
        target = serializer.validated_data.get("status")
        if target and target != event.status:
            event = self._change_status(event, target, serializer.validated_data.get("cancel_reason", ""))
        return self._answer(event)

    def _change_status(self, event, target, reason):
        if target == EventStatus.CANCELLED:
            return services.event_cancel(event=event, by=self.request.user, reason=reason)
        move = STATUS_MOVES.get((event.status, target))
        if move is None:
            raise StateConflict(_("An event cannot go from %(from)s to %(to)s.") % {"from": event.status, "to": target})
        return move(event=event, by=self.request.user)

    @extend_schema(methods=["GET"], responses={200: RegistrationSerializer(many=True)})
    @extend_schema(methods=["POST"], request=RegistrationInputSerializer, responses={201: RegistrationSerializer})
    @action(
        detail=True,
        methods=["get", "post"],
        url_path="registrations",
        url_name="registrations",
        permission_classes=[permissions.IsAuthenticated],
    )
    def registrations(self, request, slug=None):
        """GET: the registrations the caller may see (the secretariat all, coordinators their cities'). POST: a
        coordinator registers a person of their city → `status` confirmed or waitlisted, with `position`."""
        # The event alone (not the list's prefetches): a registration storm should not pay for them.
        event = get_object_or_404(selectors.events_visible_to(request.user), slug=slug)
        if request.method == "GET":
            rows = selectors.registrations_visible_to(request.user).filter(event=event).order_by("registered_at", "id")
            page = self.paginate_queryset(rows)
            return self.get_paginated_response(RegistrationSerializer(page, many=True).data)
        serializer = RegistrationInputSerializer(data=request.data if isinstance(request.data, dict) else {})
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        city = data.pop("city", None) or self._default_city()
        [registration] = services.registrations_create(
            event=event, city=city, people=[data], by=request.user, language=get_language() or "en"
        )
        return Response(RegistrationSerializer(registration).data, status=status.HTTP_201_CREATED)

    def _default_city(self) -> City:
        cities = rules.coordinated_city_ids(self.request.user)
        if len(cities) == 1:
            return City.objects.get(pk=next(iter(cities)))
        if not cities and not rules.is_secretariat(self.request.user):
            raise exceptions.PermissionDenied(_("Only the coordinators of a city may register people."))
        raise exceptions.ValidationError({"city": [_("Name the city (its slug): you may act for several.")]})


class RegistrationFilterSet(filters.FilterSet):
    event = filters.CharFilter(field_name="event__slug", max_length=255)
    city = filters.CharFilter(field_name="city__slug", max_length=100)
    status = filters.ChoiceFilter(choices=RegistrationStatus.choices)


class RegistrationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The registrations of the caller's cities (the secretariat: all). DELETE cancels one; its place goes at once
    to the first waiting registration the city limits allow."""

    serializer_class = RegistrationSerializer
    filterset_class = RegistrationFilterSet
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return selectors.registrations_visible_to(self.request.user).order_by("-event__starts_at", "registered_at")

    @extend_schema(request=ReasonSerializer, responses={204: None})
    def destroy(self, request, *args, **kwargs):
        registration = self.get_object()
        body = request.data if isinstance(request.data, dict) else {}
        reason = ReasonSerializer(data=body)
        reason.is_valid(raise_exception=True)
        services.registration_cancel(
            registration=registration, by=request.user, reason=reason.validated_data.get("reason", "")
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
