"""Registrations: places, city limits, the waiting list and its fair order, safe under concurrency.

Every change takes the event's row lock first (`SELECT … FOR UPDATE` on the event), so the registrations of one
event change one transaction at a time: two coordinators registering for the last place at the same moment are
served one after the other, and the second one waits. Inside the lock:

- a person is confirmed while the event has places left and their city is under its limit; otherwise they join
  the waiting list (or are refused when the event has none);
- the waiting list's fair order puts registrations of cities that hold no confirmed place first, then the time of
  registration; `position` is the place in that order, renumbered after every change;
- when a place frees (a cancellation, a larger capacity), the first waiting registration that its city's limit
  allows is confirmed at once, and the cities of both are told.

The counters on the event (`confirmed_count`, `waitlisted_count`) are recounted before the lock is released, and a
check constraint on the event refuses more confirmed than places whatever writes the row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cities import rules
from cities.models import City
from core.cache import bump
from core.errors import StateConflict

from .. import emails
from ..choices import ACTIVE_STATUSES, EventStatus, RegistrationAction
from ..choices import RegistrationStatus as Status
from ..models import Event, Registration, RegistrationLog
from ..people import clean_person
from .eligibility import check_city, registration_refusal

MAX_PEOPLE_AT_ONCE = 50


def lock_event(event: Event | int) -> Event:
    """The event, re-read under its row lock: the one door to every change of its registrations. The places left
    are shown on cached pages (core.pagecache) and the counts change with update(), which sends no signal: the
    events' pages are marked changed here."""
    bump("events")
    return Event.objects.select_for_update().get(pk=getattr(event, "pk", event))


# Registering


@transaction.atomic
def registrations_create(
    *, event: Event, city: City, people: list[dict], by, language: str = "en", ignore_window: bool = False
) -> list[Registration]:
    """Registers `people` of `city` (one form or one API call): all of them, or none when one is refused.

    Each person is confirmed while the places and the city's limit allow, else put on the waiting list. Refused:
    outside the registration window or audience, the same e-mail twice for the event, an invalid person, and a
    person for whom there is no place when the event has no waiting list (409). `ignore_window` is the
    secretariat's (late additions, the demo's past events)."""
    rules.require_coordinator_of(by, city)
    if ignore_window:
        rules.require_secretariat(by)
    people = _clean_people(people)
    event = lock_event(event)
    now = timezone.now()
    if event.status == EventStatus.CANCELLED or (event.status == EventStatus.DRAFT and not ignore_window):
        raise StateConflict(registration_refusal(event, now))
    if not ignore_window:
        refusal = registration_refusal(event, now)
        if refusal:
            raise StateConflict(refusal)
        check_city(event, city, now)
    _check_not_registered(event, [person["email"] for person in people])

    city_confirmed = event.registrations.filter(city=city, status=Status.CONFIRMED).count()
    confirmed, waiting = event.confirmed_count, event.waitlisted_count
    created = []
    for person in people:
        if confirmed < event.capacity and (event.city_limit is None or city_confirmed < event.city_limit):
            status, position = Status.CONFIRMED, None
            confirmed += 1
            city_confirmed += 1
        elif event.waiting_list:
            waiting += 1
            status, position = Status.WAITLISTED, waiting  # provisional: renumbered below in the fair order
        elif confirmed >= event.capacity:
            raise StateConflict(_("The event is full and has no waiting list."))
        else:
            raise StateConflict(
                _("%(city)s already has its %(limit)s places and the event has no waiting list.")
                % {"city": city.name, "limit": event.city_limit}
            )
        created.append(
            Registration(
                event=event,
                city=city,
                status=status,
                position=position,
                language=language,
                registered_at=now,
                registered_by=by,
                confirmed_at=now if status == Status.CONFIRMED else None,
                **person,
            )
        )
    try:
        with transaction.atomic():
            Registration.objects.bulk_create(created)
    except IntegrityError as error:  # the lock makes this unreachable; the constraint stays the last word
        raise ValidationError({"email": [_("This person is already registered for this event.")]}) from error
    RegistrationLog.objects.bulk_create(
        RegistrationLog(registration=r, action=RegistrationAction.REGISTERED, to_status=r.status, by=by)
        for r in created
    )
    # New registrations never free a place, so nobody waiting can be promoted: renumber, and keep the counts.
    if waiting > event.waitlisted_count:
        renumber_waiting_list(event)
    event.confirmed_count, event.waitlisted_count = confirmed, waiting
    Event.objects.filter(pk=event.pk).update(confirmed_count=confirmed, waitlisted_count=waiting)
    positions = dict(Registration.objects.filter(pk__in=[r.pk for r in created]).values_list("pk", "position"))
    for registration in created:
        registration.position = positions[registration.pk]
        registration.event = event
        emails.to_participant("event_registration_received", registration)
    return created


class PeopleInvalid(ValidationError):
    """Some of several people are invalid: `rows` maps each one's index to its field errors (for the form)."""

    def __init__(self, rows: dict[int, dict[str, list[str]]]):
        self.rows = rows
        messages = [
            _("Person %(number)s: %(message)s") % {"number": index + 1, "message": message}
            for index, fields in sorted(rows.items())
            for field_messages in fields.values()
            for message in field_messages
        ]
        super().__init__({"people": messages})


def _clean_people(people: list[dict]) -> list[dict]:
    if not isinstance(people, list) or not people:
        raise ValidationError({"people": [_("Register at least one person.")]})
    if len(people) > MAX_PEOPLE_AT_ONCE:
        raise ValidationError({"people": [_("At most %(max)s people at once.") % {"max": MAX_PEOPLE_AT_ONCE}]})
    cleaned, errors = [], {}
    for index, person in enumerate(people):
        try:
            cleaned.append(clean_person(person if isinstance(person, dict) else {}))
        except ValidationError as error:
            errors[index] = error.message_dict
    seen: dict[str, int] = {}
    for index, person in enumerate(cleaned if not errors else []):
        if person["email"] in seen:
            errors[index] = {"email": [_("%(email)s is given twice.") % {"email": person["email"]}]}
        seen.setdefault(person["email"], index)
    if errors:
        if len(people) == 1:
            raise ValidationError(errors[0])
        raise PeopleInvalid(errors)
    return cleaned


def _check_not_registered(event: Event, addresses: Iterable[str]) -> None:
    taken = set(event.registrations.active().filter(email__in=list(addresses)).values_list("email", flat=True))
    if taken:
        raise ValidationError(
            {"email": [_("%(email)s is already registered for this event.") % {"email": sorted(taken)[0]}]}
        )


# Cancelling, promoting, moving


@transaction.atomic
def registration_cancel(*, registration: Registration, by, reason: str = "") -> Registration:
    """Cancels a registration and gives its place to the first waiting registration the city limits allow.
    The registering city may cancel until the event starts; the secretariat at any time, with a reason."""
    rules.require_coordinator_of(by, registration.city)
    event = lock_event(registration.event_id)
    registration = Registration.objects.select_related("city").get(pk=registration.pk)
    if registration.status == Status.CANCELLED:
        raise StateConflict(_("This registration is already cancelled."))
    if event.status == EventStatus.CANCELLED:
        raise StateConflict(_("This event was cancelled."))
    if not rules.is_secretariat(by) and event.starts_at <= timezone.now():
        raise StateConflict(_("The event has started: ask the secretariat to cancel a registration."))
    _cancel(registration, by=by, reason=reason)
    promoted = _settle(event, by=by)
    registration.event = event
    emails.to_city("event_registration_cancelled", registration)
    emails.to_participant("event_registration_cancelled", registration)
    for other in promoted:
        _tell_promoted(other, event)
    return registration


def _cancel(registration: Registration, *, by, reason: str, action=RegistrationAction.CANCELLED) -> None:
    previous = registration.status
    registration.status = Status.CANCELLED
    registration.position = None
    registration.cancelled_at = timezone.now()
    registration.cancel_reason = _clean_reason(reason)
    registration.save(update_fields=["status", "position", "cancelled_at", "cancel_reason"])
    RegistrationLog.objects.create(
        registration=registration,
        action=action,
        from_status=previous,
        to_status=Status.CANCELLED,
        reason=registration.cancel_reason,
        by=by,
    )


def _clean_reason(reason) -> str:
    if reason is None:
        return ""
    if not isinstance(reason, str) or "\0" in reason:
        raise ValidationError({"reason": [_("Send the reason as text.")]})
    return reason.strip()[:2000]


@transaction.atomic
def registration_promote(*, registration: Registration, by, reason: str = "") -> Registration:
    """The secretariat confirms a waiting registration out of the fair order (a speaker, a host's guest) when a
    place is free; the city limit does not hold it back."""
    rules.require_secretariat(by)
    event = lock_event(registration.event_id)
    registration = Registration.objects.select_related("city").get(pk=registration.pk)
    if registration.status != Status.WAITLISTED:
        raise StateConflict(_("Only a registration on the waiting list can be promoted."))
    if event.places_left <= 0:
        raise StateConflict(_("No place is free: cancel a registration or raise the number of places first."))
    _confirm(registration, by=by, reason=_clean_reason(reason))
    _settle(event, by=by)
    _tell_promoted(registration, event)
    return registration


def _confirm(registration: Registration, *, by, reason: str = "") -> None:
    now = timezone.now()
    registration.status = Status.CONFIRMED
    registration.position = None
    registration.confirmed_at = registration.promoted_at = now
    registration.save(update_fields=["status", "position", "confirmed_at", "promoted_at"])
    RegistrationLog.objects.create(
        registration=registration,
        action=RegistrationAction.PROMOTED,
        from_status=Status.WAITLISTED,
        to_status=Status.CONFIRMED,
        reason=reason,
        by=by,
    )


def _tell_promoted(registration: Registration, event: Event) -> None:
    registration.event = event
    emails.to_city("event_registration_promoted", registration)
    emails.to_participant("event_registration_promoted", registration)


@transaction.atomic
def registration_move(*, registration: Registration, to_event: Event, by, reason: str = "") -> Registration:
    """The secretariat moves a person to another event (a second session): cancelled here, where their place goes to
    the waiting list, and registered there under that event's places and limits, whatever its window."""
    rules.require_secretariat(by)
    if registration.event_id == to_event.pk:
        raise ValidationError({"to_event": [_("Choose another event.")]})
    # Both events locked, always in the same order, so two moves in opposite directions cannot deadlock.
    first, second = sorted([registration.event_id, to_event.pk])
    locked = {first: lock_event(first), second: lock_event(second)}
    source, target = locked[registration.event_id], locked[to_event.pk]
    registration = Registration.objects.select_related("city").get(pk=registration.pk)
    if registration.status == Status.CANCELLED:
        raise StateConflict(_("A cancelled registration cannot be moved."))
    if target.status == EventStatus.CANCELLED:
        raise StateConflict(_("The other event was cancelled."))
    _check_not_registered(target, [registration.email])
    _cancel(registration, by=by, reason=reason, action=RegistrationAction.MOVED)
    promoted = _settle(source, by=by)
    person = {key: getattr(registration, key) for key in ("name", "email", "department", "gender", "nationality")}
    [moved] = registrations_create(
        event=target, city=registration.city, people=[person], by=by, language=registration.language,
        ignore_window=True,
    )  # fmt: skip
    for other in promoted:
        _tell_promoted(other, source)
    return moved


# Keeping the waiting list in order


def _settle(event: Event, *, by=None) -> list[Registration]:
    """After any change: fill the free places from the waiting list, renumber it, recount. Returns the promoted."""
    promoted = _fill_places(event, by=by) if event.status != EventStatus.CANCELLED else []
    renumber_waiting_list(event)
    _recount(event)
    return promoted


def _fill_places(event: Event, *, by=None) -> list[Registration]:
    """Confirms, place by place, the first waiting registration in the fair order whose city is under its limit."""
    confirmed = Counter(event.registrations.confirmed().values_list("city_id", flat=True))
    free = event.capacity - sum(confirmed.values())
    if free <= 0:
        return []
    waiting = list(event.registrations.filter(status=Status.WAITLISTED).select_related("city"))
    promoted = []
    while free > 0:
        allowed = [r for r in waiting if event.city_limit is None or confirmed[r.city_id] < event.city_limit]
        if not allowed:
            break
        # The fair order at this moment: cities without a confirmed place first, then the earliest registered.
        chosen = min(allowed, key=lambda r: (confirmed[r.city_id] > 0, r.registered_at, r.pk))
        _confirm(chosen, by=by)
        waiting.remove(chosen)
        confirmed[chosen.city_id] += 1
        free -= 1
        promoted.append(chosen)
    return promoted


# One statement renumbers the waiting list in its fair order; only the rows whose place changed are written. The
# unique (event, position) constraint is deferred to the commit, so positions may pass through each other here.
RENUMBER_SQL = """
WITH ranked AS (
    SELECT r.id, ROW_NUMBER() OVER (
        ORDER BY EXISTS (
            SELECT 1 FROM events_registration AS held
            WHERE held.event_id = r.event_id AND held.city_id = r.city_id AND held.status = 'confirmed'
        ), r.registered_at, r.id
    ) AS place
    FROM events_registration AS r
    WHERE r.event_id = %s AND r.status = 'waitlisted'
)
UPDATE events_registration AS target SET position = ranked.place
FROM ranked WHERE target.id = ranked.id AND target.position IS DISTINCT FROM ranked.place
"""


def renumber_waiting_list(event: Event) -> None:
    with connection.cursor() as cursor:
        cursor.execute(RENUMBER_SQL, [event.pk])


def _recount(event: Event) -> None:
    counts = Counter(event.registrations.filter(status__in=ACTIVE_STATUSES).values_list("status", flat=True))
    event.confirmed_count = counts.get(Status.CONFIRMED, 0)
    event.waitlisted_count = counts.get(Status.WAITLISTED, 0)
    Event.objects.filter(pk=event.pk).update(
        confirmed_count=event.confirmed_count, waitlisted_count=event.waitlisted_count
    )


def settle_after_change(event: Event, *, by=None) -> list[Registration]:
    """For the event services: after the capacity or the city limit changed (the caller holds the lock)."""
    promoted = _settle(event, by=by)
    for registration in promoted:
        _tell_promoted(registration, event)
    return promoted


def require_registering_city(user, registration: Registration) -> None:
    """404-style refusal for pages and the API: another city's registration does not exist for this user."""
    if not rules.can_coordinate(user, registration.city):
        raise PermissionDenied(_("Only the registering city's coordinators and the secretariat may do this."))
