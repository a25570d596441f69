"""Places, city limits, the waiting list's fair order and promotion, the window and bad input (services)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from core.errors import StateConflict
from core.models import OutboxMessage
from events import services
from events.models import Registration

from .factories import EventFactory, city_with_coordinator, person, register


def _statuses(event):
    return sorted(
        (r.city.slug, r.status, r.position) for r in Registration.objects.filter(event=event).select_related("city")
    )


def _waiting(event):
    return [(r.city.slug, r.name) for r in Registration.objects.filter(event=event).waiting().select_related("city")]


def test_people_are_confirmed_until_the_places_are_taken_then_wait(city_a, coordinator_a):
    event = EventFactory(capacity=3)
    registrations = register(event, city_a, coordinator_a, count=5)
    assert [r.status for r in registrations] == ["confirmed"] * 3 + ["waitlisted"] * 2
    assert [r.position for r in registrations] == [None, None, None, 1, 2]
    event.refresh_from_db()
    assert (event.confirmed_count, event.waitlisted_count, event.places_left) == (3, 2, 0)


def test_a_city_beyond_its_limit_waits_while_places_are_left(city_a, coordinator_a):
    event = EventFactory(capacity=10, city_limit=2)
    statuses = [r.status for r in register(event, city_a, coordinator_a, count=3)]
    assert statuses == ["confirmed", "confirmed", "waitlisted"]
    event.refresh_from_db()
    assert event.places_left == 8


def test_beyond_the_city_limit_without_a_waiting_list_is_refused_and_nothing_is_written(city_a, coordinator_a):
    event = EventFactory(capacity=10, city_limit=1, waiting_list=False)
    with pytest.raises(StateConflict, match="already has its 1 places"):
        register(event, city_a, coordinator_a, count=2)
    assert not Registration.objects.filter(event=event).exists()
    assert not OutboxMessage.objects.exists()


def test_a_full_event_without_a_waiting_list_refuses(city_a, coordinator_a):
    event = EventFactory(capacity=1, waiting_list=False)
    register(event, city_a, coordinator_a)
    with pytest.raises(StateConflict, match="full"):
        register(event, city_a, coordinator_a)


def test_fair_order_puts_cities_without_a_place_first_then_time_of_registration(db):
    event = EventFactory(capacity=2)
    lisbon, lisbon_coordinator = city_with_coordinator("lisbon", "PT")
    bergen, bergen_coordinator = city_with_coordinator("bergen", "NO")
    oslo, oslo_coordinator = city_with_coordinator("oslo", "NO")
    register(event, lisbon, lisbon_coordinator, count=2, name="L")  # both places
    register(event, lisbon, lisbon_coordinator, name="L3")  # waits; Lisbon holds places
    register(event, bergen, bergen_coordinator, name="B1")  # waits; Bergen holds none: goes ahead
    register(event, oslo, oslo_coordinator, name="O1")  # waits; ahead of Lisbon, after Bergen
    assert _waiting(event) == [("bergen", "B1"), ("oslo", "O1"), ("lisbon", "L3")]
    assert [r.position for r in Registration.objects.filter(event=event).waiting()] == [1, 2, 3]


def test_cancelling_a_confirmed_place_promotes_the_first_waiting_at_once_and_tells_both_cities(db):
    event = EventFactory(capacity=2)
    lisbon, lisbon_coordinator = city_with_coordinator("lisbon", "PT")
    bergen, bergen_coordinator = city_with_coordinator("bergen", "NO")
    oslo, oslo_coordinator = city_with_coordinator("oslo", "NO")
    lisbon_people = register(event, lisbon, lisbon_coordinator, count=2)
    register(event, bergen, bergen_coordinator, name="B1")
    register(event, oslo, oslo_coordinator, name="O1")
    OutboxMessage.objects.all().delete()

    services.registration_cancel(registration=lisbon_people[0], by=lisbon_coordinator)

    promoted = Registration.objects.get(name="B1")
    assert promoted.status == "confirmed" and promoted.promoted_at is not None and promoted.position is None
    assert _waiting(event) == [("oslo", "O1")]
    assert Registration.objects.get(name="O1").position == 1
    recipients = {r for m in OutboxMessage.objects.all() for r in m.payload["recipients"]}
    templates = {m.payload["template"] for m in OutboxMessage.objects.all()}
    assert {"lisbon@coord.example", "bergen@coord.example"} <= recipients
    assert "oslo@coord.example" not in recipients
    assert templates == {"event_registration_cancelled", "event_registration_promoted"}


def test_promotion_skips_a_waiting_registration_whose_city_is_at_its_limit(db):
    event = EventFactory(capacity=3, city_limit=2)
    lisbon, lisbon_coordinator = city_with_coordinator("lisbon", "PT")
    bergen, bergen_coordinator = city_with_coordinator("bergen", "NO")
    register(event, lisbon, lisbon_coordinator, count=2, name="L")
    bergen_people = register(event, bergen, bergen_coordinator, name="B1")  # the last place
    register(event, lisbon, lisbon_coordinator, name="L3")  # at its limit: waits
    register(event, bergen, bergen_coordinator, name="B2")  # full: waits, behind L3 (both cities hold places)
    assert _waiting(event) == [("lisbon", "L3"), ("bergen", "B2")]

    services.registration_cancel(registration=bergen_people[0], by=bergen_coordinator)

    # L3 is first in the order, but Lisbon has its two places: B2 gets the one that freed.
    assert Registration.objects.get(name="B2").status == "confirmed"
    assert _waiting(event) == [("lisbon", "L3")]


def test_more_places_confirm_the_waiting_list_in_its_order(city_a, coordinator_a, secretariat):
    event = EventFactory(capacity=1)
    register(event, city_a, coordinator_a, count=3)
    services.event_update(event=event, data={"capacity": 2}, by=secretariat)
    event.refresh_from_db()
    assert (event.confirmed_count, event.waitlisted_count) == (2, 1)
    assert Registration.objects.get(position=1).name.startswith("Participant")


def test_places_cannot_drop_below_the_confirmed(city_a, coordinator_a, secretariat):
    event = EventFactory(capacity=3)
    register(event, city_a, coordinator_a, count=3)
    with pytest.raises(ValidationError, match="3 people are confirmed"):
        services.event_update(event=event, data={"capacity": 2}, by=secretariat)


def test_the_secretariat_promotes_out_of_order_only_into_a_free_place(city_a, coordinator_a, secretariat):
    event = EventFactory(capacity=1)
    first, second, third = register(event, city_a, coordinator_a, count=3)
    with pytest.raises(StateConflict, match="No place is free"):
        services.registration_promote(registration=third, by=secretariat, reason="Speaker")
    services.registration_cancel(registration=first, by=secretariat, reason="Ill")
    assert Registration.objects.get(pk=second.pk).status == "confirmed"  # the fair order promoted the second


def test_a_move_to_a_second_session_frees_the_place_here(city_a, coordinator_a, secretariat):
    event = EventFactory(capacity=1)
    first, second = register(event, city_a, coordinator_a, count=2)
    session = services.event_second_session(
        event=event, by=secretariat, starts_at=event.starts_at + datetime.timedelta(days=60),
        ends_at=event.ends_at + datetime.timedelta(days=60),
    )  # fmt: skip
    moved = services.registration_move(registration=first, to_event=session, by=secretariat, reason="Dates")
    assert moved.event == session and moved.status == "confirmed"
    assert Registration.objects.get(pk=first.pk).status == "cancelled"
    assert Registration.objects.get(pk=second.pk).status == "confirmed"


# The window and the event's state


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"registration_opens": timezone.now() + datetime.timedelta(days=1)}, "Registration opens on"),
        ({"registration_closes": timezone.now() - datetime.timedelta(minutes=1)}, "Registration closed on"),
        ({"status": "closed"}, "Registration for this event is closed"),
        ({"status": "cancelled"}, "This event was cancelled"),
        ({"status": "draft"}, "not published yet"),
    ],
)
def test_registration_outside_the_window_or_state_is_a_conflict(changes, message, city_a, coordinator_a):
    event = EventFactory(
        registration_opens=changes.get("registration_opens", timezone.now() - datetime.timedelta(days=7)),
        registration_closes=changes.get("registration_closes", timezone.now() + datetime.timedelta(days=7)),
        status=changes.get("status", "published"),
    )
    with pytest.raises(StateConflict, match=message):
        register(event, city_a, coordinator_a)
    assert not Registration.objects.exists()


def test_without_a_closing_date_registration_closes_when_the_event_starts(city_a, coordinator_a):
    event = EventFactory(
        registration_closes=None, starts_at=timezone.now() - datetime.timedelta(hours=1),
        ends_at=timezone.now() + datetime.timedelta(hours=5),
    )  # fmt: skip
    with pytest.raises(StateConflict, match="Registration closed"):
        register(event, city_a, coordinator_a)


# Bad input: refused with a message, nothing half-written


def test_the_same_email_twice_for_an_event_is_refused(event, city_a, coordinator_a):
    register(event, city_a, coordinator_a, email="ana@city.example")
    with pytest.raises(ValidationError, match="already registered"):
        register(event, city_a, coordinator_a, email="ANA@city.example")


def test_a_form_of_several_people_is_all_or_nothing(event, city_a, coordinator_a):
    people = [person(), person(email="not-an-address"), person(nationality="Portugal")]
    with pytest.raises(services.PeopleInvalid) as refused:
        services.registrations_create(event=event, city=city_a, people=people, by=coordinator_a)
    assert set(refused.value.rows) == {1, 2}
    assert "not a valid e-mail" in refused.value.rows[1]["email"][0]
    assert "ISO 3166-1" in refused.value.rows[2]["nationality"][0]
    assert not Registration.objects.exists()


def test_twice_the_same_email_in_one_form_is_refused(event, city_a, coordinator_a):
    with pytest.raises(ValidationError, match="given twice"):
        services.registrations_create(
            event=event, city=city_a, people=[person(email="a@x.example"), person(email="a@x.example")],
            by=coordinator_a,
        )  # fmt: skip


@pytest.mark.parametrize("nationality", ["XX", "P", "por", "12"])
def test_a_malformed_or_unknown_nationality_is_refused(event, city_a, coordinator_a, nationality):
    with pytest.raises(ValidationError, match="ISO 3166-1"):
        register(event, city_a, coordinator_a, nationality=nationality)


def test_nationality_is_optional_and_read_in_capitals(event, city_a, coordinator_a):
    [without] = register(event, city_a, coordinator_a, nationality="")
    [lower] = register(event, city_a, coordinator_a, nationality="ua")
    assert (without.nationality, lower.nationality) == ("", "UA")


def test_a_coordinator_cannot_register_another_citys_people(event, city_b, coordinator_a):
    with pytest.raises(PermissionDenied):
        register(event, city_b, coordinator_a)


def test_errors_are_in_the_users_language(event, city_a, coordinator_a):
    from django.utils import translation

    with translation.override("fr"), pytest.raises(ValidationError) as refused:
        register(event, city_a, coordinator_a, email="nope")
    assert "n’est pas une adresse" in str(refused.value) or "n'est pas une adresse" in str(refused.value)


# Cancelling an event


def test_cancelling_an_event_cancels_every_registration_and_tells_everyone(db, secretariat):
    event = EventFactory(capacity=1)
    lisbon, lisbon_coordinator = city_with_coordinator("lisbon", "PT")
    bergen, bergen_coordinator = city_with_coordinator("bergen", "NO")
    register(event, lisbon, lisbon_coordinator, email="l@x.example")
    register(event, bergen, bergen_coordinator, email="b@x.example")
    OutboxMessage.objects.all().delete()

    services.event_cancel(event=event, by=secretariat, reason="The venue is closed.")

    event.refresh_from_db()
    assert event.status == "cancelled" and (event.confirmed_count, event.waitlisted_count) == (0, 0)
    assert set(Registration.objects.values_list("status", flat=True)) == {"cancelled"}
    recipients = {r for m in OutboxMessage.objects.all() for r in m.payload["recipients"]}
    assert recipients == {"l@x.example", "b@x.example", "lisbon@coord.example", "bergen@coord.example"}
    with pytest.raises(StateConflict):
        services.event_cancel(event=event, by=secretariat)


def test_audiences_a_network_invited_cities_and_a_second_sessions_priority(db, secretariat):
    from tests.factories import NationalNetworkFactory

    lisbon, lisbon_coordinator = city_with_coordinator("lisbon", "PT")
    bergen, bergen_coordinator = city_with_coordinator("bergen", "NO")
    network = NationalNetworkFactory()
    lisbon.national_network = network
    lisbon.save()
    for_network = EventFactory(audience="network", network=network)
    register(for_network, lisbon, lisbon_coordinator)
    with pytest.raises(ValidationError, match="cities of the"):
        register(for_network, bergen, bergen_coordinator)

    invited = EventFactory(audience="invited")
    invited.invited_cities.set([bergen])
    register(invited, bergen, bergen_coordinator)
    with pytest.raises(ValidationError, match="not among the cities invited"):
        register(invited, lisbon, lisbon_coordinator)

    second = EventFactory(priority_until=timezone.now() + datetime.timedelta(days=2))
    second.priority_cities.set([bergen])
    register(second, bergen, bergen_coordinator)
    with pytest.raises(ValidationError, match="waiting list of the first session"):
        register(second, lisbon, lisbon_coordinator)


def test_the_waiting_list_positions_are_unique_and_without_gaps(db):
    event = EventFactory(capacity=2, city_limit=1)
    pairs = [city_with_coordinator(f"city-{n}") for n in range(6)]
    for n, (city, coordinator) in enumerate(pairs):
        register(event, city, coordinator, count=1 + n % 3)
    for registration in list(Registration.objects.filter(event=event).confirmed())[:1]:
        services.registration_cancel(registration=registration, by=registration.registered_by)
    positions = list(Registration.objects.filter(event=event).waiting().values_list("position", flat=True))
    assert positions == list(range(1, len(positions) + 1))
