"""What the beat runs: reminders a week before, the note before registration closes, the erasure of personal data.
Each records what it did, so a second run sends and erases nothing twice."""

import datetime

from django.utils import timezone

from core.models import OutboxMessage
from events import services
from events.models import Event, Registration

from .factories import EventFactory, city_with_coordinator, person, register


def _mail(template):
    return [m for m in OutboxMessage.objects.all() if m.payload.get("template") == template]


def test_confirmed_participants_are_reminded_once_a_week_before(db, city_a, coordinator_a):
    starts = timezone.now() + datetime.timedelta(days=6)
    soon = EventFactory(capacity=1, starts_at=starts, registration_closes=starts - datetime.timedelta(days=1))
    later = EventFactory(starts_at=timezone.now() + datetime.timedelta(days=20))
    register(soon, city_a, coordinator_a, count=2)  # one confirmed, one waiting
    register(later, city_a, coordinator_a)
    assert services.reminders_send() == 1
    assert services.reminders_send() == 0
    [reminder] = _mail("event_reminder")
    confirmed = Registration.objects.get(event=soon, status="confirmed")
    assert reminder.payload["recipients"] == [confirmed.email] and confirmed.reminded_at is not None


def test_coordinators_hear_once_that_registration_closes_in_three_days_with_places_left(db):
    lisbon, _ = city_with_coordinator("lisbon", "PT")
    bergen, _ = city_with_coordinator("bergen", "NO")
    closing = EventFactory(registration_closes=timezone.now() + datetime.timedelta(days=2))
    full = EventFactory(capacity=1, registration_closes=timezone.now() + datetime.timedelta(days=2))
    register(full, lisbon, lisbon.memberships.first().user)
    EventFactory(registration_closes=timezone.now() + datetime.timedelta(days=10))
    OutboxMessage.objects.all().delete()
    assert services.closing_notes_send() == 1
    assert services.closing_notes_send() == 0
    recipients = {r for m in _mail("event_registration_closing") for r in m.payload["recipients"]}
    assert recipients == {"lisbon@coord.example", "bergen@coord.example"}
    closing.refresh_from_db()
    assert closing.closing_note_sent_at is not None
    del bergen


def test_personal_data_of_old_events_is_erased_statistics_kept(db, secretariat, settings):
    settings.EVENTS_PERSONAL_DATA_MONTHS = 24
    old = EventFactory(
        starts_at=timezone.now() - datetime.timedelta(days=800), ends_at=timezone.now() - datetime.timedelta(days=799)
    )
    recent = EventFactory(
        starts_at=timezone.now() - datetime.timedelta(days=300), ends_at=timezone.now() - datetime.timedelta(days=299)
    )
    lisbon, _ = city_with_coordinator("lisbon", "PT")
    for event in (old, recent):
        services.registrations_create(
            event=event, city=lisbon, people=[person(), person()], by=secretariat, ignore_window=True
        )
    assert services.participants_erase() == 1
    assert services.participants_erase() == 0
    erased = Registration.objects.filter(event=old)
    assert set(erased.values_list("name", "email")) == {("", "")}
    assert all(r.erased_at for r in erased) and {r.gender for r in erased} == {"woman", "man"}
    assert all(r.name for r in Registration.objects.filter(event=recent))
    assert Event.objects.get(pk=old.pk).participants_erased_at is not None


def test_the_retention_period_is_configurable(db, secretariat, settings):
    settings.EVENTS_PERSONAL_DATA_MONTHS = 6
    event = EventFactory(
        starts_at=timezone.now() - datetime.timedelta(days=300), ends_at=timezone.now() - datetime.timedelta(days=299)
    )
    lisbon, _ = city_with_coordinator("lisbon", "PT")
    services.registrations_create(event=event, city=lisbon, people=[person()], by=secretariat, ignore_window=True)
    assert services.participants_erase() == 1
