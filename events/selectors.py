"""Permission-aware and cross-model reads of events and registrations."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cities import rules
from cities.models import City

from . import statistics
from .choices import EventKind, EventStatus, RegistrationStatus
from .models import Event, Registration
from .services.eligibility import city_may_register, registration_refusal

LIST_FIELDS = (
    "id", "slug", "title", "title_en", "title_fr", "kind", "status", "starts_at", "ends_at", "time_zone", "place",
    "online_url", "capacity", "city_limit", "waiting_list", "confirmed_count", "waitlisted_count",
    "registration_opens", "registration_closes", "host_city__name", "host_city__slug",
)  # fmt: skip


def events_visible_to(user) -> QuerySet[Event]:
    """Published (and since closed or cancelled) events for everyone; drafts for the secretariat too."""
    queryset = Event.objects.select_related("host_city")
    return queryset if rules.is_secretariat(user) else queryset.public()


def public_events() -> QuerySet[Event]:
    """Every public event with all its columns (the iCalendar feed)."""
    return Event.objects.public().select_related("host_city")


def calendar_events() -> QuerySet[Event]:
    """The public calendar's rows, with only what a line of it shows."""
    return Event.objects.public().select_related("host_city").only(*LIST_FIELDS)


def upcoming_events(*, limit: int = 3) -> list[Event]:
    """The next events, for the home page."""
    now = timezone.now()
    rows = calendar_events().filter(status__in=[EventStatus.PUBLISHED, EventStatus.CLOSED]).upcoming(now)
    return list(rows.order_by("starts_at", "id")[:limit])


def hosted_events(city: City, *, limit: int = 10) -> list[Event]:
    return list(calendar_events().filter(host_city=city).order_by("-starts_at")[:limit])


def attended_events(city: City, *, limit: int = 10) -> list[Event]:
    """Events the city's people took part in (a confirmed registration), the latest first."""
    took_part = Registration.objects.filter(event=OuterRef("pk"), city=city, status=RegistrationStatus.CONFIRMED)
    return list(
        calendar_events().exclude(status=EventStatus.CANCELLED).filter(Exists(took_part)).order_by("-starts_at")[:limit]
    )


# Registrations


def registrations_visible_to(user) -> QuerySet[Registration]:
    """Every registration for the secretariat; those of the cities they coordinate for coordinators; none else."""
    queryset = Registration.objects.select_related("event", "city")
    if rules.is_secretariat(user):
        return queryset
    return queryset.filter(city_id__in=rules.coordinated_city_ids(user))


def city_registrations(user, *, event: Event | None = None) -> QuerySet[Registration]:
    """The registrations of the user's cities (their desk), upcoming events first."""
    queryset = Registration.objects.filter(city_id__in=rules.coordinated_city_ids(user)).select_related("event", "city")
    if event is not None:
        queryset = queryset.filter(event=event)
    return queryset.order_by("-event__starts_at", "status", "position", "registered_at")


def registering_cities(user, event: Event) -> list[City]:
    """The cities the user may register people of for the event now (coordinated, and in its audience)."""
    if rules.is_secretariat(user):
        cities = City.objects.exclude(status="former")
    else:
        cities = City.objects.filter(pk__in=rules.coordinated_city_ids(user))
    now = timezone.now()
    return [city for city in cities.order_by("name") if city_may_register(event, city, now)]


def event_registrations(event: Event) -> tuple[list[Registration], list[Registration]]:
    """The secretariat's two columns: confirmed participants (by city), the waiting list (in its order)."""
    rows = list(event.registrations.active().select_related("city").order_by("city__name", "registered_at"))
    confirmed = [r for r in rows if r.status == RegistrationStatus.CONFIRMED]
    waiting = sorted((r for r in rows if r.status == RegistrationStatus.WAITLISTED), key=lambda r: r.position)
    return confirmed, waiting


def event_participants(event: Event) -> QuerySet[Registration]:
    """The confirmed participants (for the CSV export and the secretariat's message)."""
    return event.registrations.confirmed().select_related("city__country").order_by("city__name", "registered_at")


# What the reader of an event's page needs to know


@dataclass
class ReaderState:
    """The event's state in words for its page: places left, the waiting list, when registration closes."""

    open: bool
    message: str
    places: str
    waiting: str
    closes: str
    may_register: bool


def reader_state(event: Event, user, now=None) -> ReaderState:
    now = now or timezone.now()
    refusal = registration_refusal(event, now)
    left = event.places_left
    places = (
        ngettext("%(count)s place left", "%(count)s places left", left) % {"count": left}
        if left
        else _("Full") + (" – " + _("new registrations join the waiting list") if event.waiting_list else "")
    )
    waiting = _("Waiting list: %(count)s") % {"count": event.waitlisted_count} if event.waitlisted_count else ""
    closes = ""
    if refusal is None:
        closes = _("Registration closes %(date)s") % {
            "date": formats.date_format(event.local(event.registration_closes_at), "j F Y")
        }
    coordinates = bool(rules.coordinated_city_ids(user)) or rules.is_secretariat(user)
    return ReaderState(
        open=refusal is None,
        message=refusal or "",
        places=places,
        waiting=waiting,
        closes=closes,
        may_register=refusal is None and coordinates,
    )


# Statistics


def held_events(year: int) -> QuerySet[Event]:
    """The events of a year that took place: published or closed (not cancelled), ended."""
    return Event.objects.filter(
        status__in=[EventStatus.PUBLISHED, EventStatus.CLOSED], starts_at__year=year, ends_at__lt=timezone.now()
    )


def _participants(event_filter: Q) -> list[statistics.Participant]:
    rows = (
        Registration.objects.filter(event_filter, status=RegistrationStatus.CONFIRMED)
        .values_list("event_id", "city_id", "city__country_id", "nationality", "gender")
        .order_by()
    )
    return [statistics.Participant(*row) for row in rows]


def event_statistics(event: Event) -> statistics.Figures:
    return statistics.figures(_participants(Q(event=event)))


def year_statistics(year: int) -> statistics.YearFigures:
    events = list(held_events(year).order_by("starts_at", "id"))
    labels = dict(EventKind.choices)
    described = [
        {
            "id": e.pk,
            "title": e.title,
            "kind": e.kind,
            "kind_label": str(labels.get(e.kind, e.kind)),
            "slug": e.slug,
            "starts_on": e.local(e.starts_at).date().isoformat(),
            "waiting": e.waitlisted_count,
        }
        for e in events
    ]
    return statistics.year_figures(year, described, _participants(Q(event__in=[e.pk for e in events])))


def statistics_years() -> list[int]:
    """Years with an event held, the latest first."""
    years = Event.objects.filter(
        status__in=[EventStatus.PUBLISHED, EventStatus.CLOSED], ends_at__lt=timezone.now()
    ).dates("starts_at", "year", order="DESC")
    return [d.year for d in years]
