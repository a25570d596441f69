"""What the Celery beat runs (events/tasks.py): reminders, the note before registration closes, and the erasure of
participants' personal data once it is no longer needed. Each records what it did, so a second run — a retried
task, two beats by mistake — sends and erases nothing twice."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cities.models import City

from .. import emails
from ..choices import EventStatus
from ..choices import RegistrationStatus as Status
from ..models import Event, Registration
from .eligibility import city_may_register
from .registrations import lock_event

REMIND_BEFORE = datetime.timedelta(days=7)
CLOSING_NOTE_BEFORE = datetime.timedelta(days=3)


def reminders_send(*, now=None) -> int:
    """Reminds each confirmed participant of an event that starts within a week, once. Returns how many."""
    now = now or timezone.now()
    sent = 0
    with transaction.atomic():
        # skip_locked: a reminder another run is sending right now is left to it.
        due = (
            Registration.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                status=Status.CONFIRMED,
                reminded_at__isnull=True,
                erased_at__isnull=True,
                event__status__in=[EventStatus.PUBLISHED, EventStatus.CLOSED],
                event__starts_at__gt=now,
                event__starts_at__lte=now + REMIND_BEFORE,
            )
            .select_related("event", "city")
            .order_by("pk")
        )
        for registration in due:
            emails.to_participant("event_reminder", registration)
            registration.reminded_at = now
            registration.save(update_fields=["reminded_at"])
            sent += 1
    return sent


def closing_notes_send(*, now=None) -> int:
    """Tells the coordinators of the cities that may still register when registration closes within three days and
    places are left, once per event. Returns how many events were announced."""
    now = now or timezone.now()
    candidates = Event.objects.filter(
        status=EventStatus.PUBLISHED, closing_note_sent_at__isnull=True, starts_at__gt=now
    ).values_list("pk", flat=True)
    announced = 0
    for event_id in candidates:
        with transaction.atomic():
            event = lock_event(event_id)
            closes = event.registration_closes_at
            opened = event.registration_opens is None or event.registration_opens <= now
            if event.closing_note_sent_at or not (opened and now < closes <= now + CLOSING_NOTE_BEFORE):
                continue
            event.closing_note_sent_at = now
            event.save(update_fields=["closing_note_sent_at"])
            if event.places_left <= 0:
                continue
            for city in City.objects.filter(status="member").select_related("national_network"):
                if city_may_register(event, city, now):
                    emails.to_city_coordinators("event_registration_closing", event, city, places=event.places_left)
            announced += 1
    return announced


def retention_cutoff(now=None, months: int | None = None) -> datetime.datetime:
    """The end date before which an event's participants' names and e-mails are erased."""
    now = now or timezone.now()
    months = settings.EVENTS_PERSONAL_DATA_MONTHS if months is None else months
    year, month = divmod(now.month - 1 - months, 12)
    day = min(now.day, 28)  # every month has a 28th
    return now.replace(year=now.year + year, month=month + 1, day=day)


@transaction.atomic
def participants_erase(*, now=None, months: int | None = None) -> int:
    """Erases the names and e-mails of the participants of events that ended more than `months` ago (default
    EVENTS_PERSONAL_DATA_MONTHS, 24). City, gender, nationality and status stay: the statistics do not change.
    Returns how many events were erased."""
    now = now or timezone.now()
    events = list(
        Event.objects.select_for_update(skip_locked=True)
        .filter(ends_at__lt=retention_cutoff(now, months), participants_erased_at__isnull=True)
        .values_list("pk", flat=True)
    )
    if not events:
        return 0
    Registration.objects.filter(event_id__in=events, erased_at__isnull=True).update(name="", email="", erased_at=now)
    Event.objects.filter(pk__in=events).update(participants_erased_at=now)
    return len(events)
