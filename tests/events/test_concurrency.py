"""Many processes registering for the last places at once, against the real PostgreSQL: never more confirmed than
places, never above a city's limit, never two registrations at the same place of the waiting list, and a freed place
always goes to the waiting list."""

import multiprocessing
import random
from collections import Counter

import pytest

from events.models import Event, Registration
from tests.services import _test_database_url

from .concurrent_worker import run
from .factories import EventFactory, city_with_coordinator, person, register

PROCESSES = 6


def _run_all(batches: list[list[tuple]]) -> list[tuple]:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(batches))
    results = context.Queue()
    processes = [context.Process(target=run, args=(_test_database_url(), batch, barrier, results)) for batch in batches]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=180)
        assert process.exitcode == 0, "a registering process died"
    found = []
    while not results.empty():
        found.append(results.get(timeout=5))
    return found


def _check_invariants(event: Event) -> None:
    event.refresh_from_db()
    rows = list(Registration.objects.filter(event=event))
    confirmed = [r for r in rows if r.status == "confirmed"]
    waiting = sorted((r for r in rows if r.status == "waitlisted"), key=lambda r: r.position)
    assert len(confirmed) <= event.capacity
    by_city = Counter(r.city_id for r in confirmed)
    assert max(by_city.values(), default=0) <= event.city_limit
    assert [r.position for r in waiting] == list(range(1, len(waiting) + 1)), "positions unique and without gaps"
    assert (event.confirmed_count, event.waitlisted_count) == (len(confirmed), len(waiting))
    # A free place never stays free while a waiting registration's city could take it.
    if len(confirmed) < event.capacity:
        assert all(by_city[r.city_id] >= event.city_limit for r in waiting)
    # The fair order: cities without a confirmed place first, then the time of registration.
    keys = [(by_city[r.city_id] > 0, r.registered_at, r.pk) for r in waiting]
    assert keys == sorted(keys)


@pytest.mark.services
def test_processes_racing_for_the_last_places_never_overbook(transactional_db):
    event = EventFactory(capacity=12, city_limit=2)
    pairs = [city_with_coordinator(f"race-{n}") for n in range(10)]
    for city, coordinator in pairs[:4]:
        register(event, city, coordinator)  # 4 of 12 places taken before the race
    rng = random.Random(11)
    batches = [
        [("register", event.pk, city.pk, coordinator.pk, person()) for city, coordinator in rng.sample(pairs, 5)]
        for _ in range(PROCESSES)
    ]
    results = _run_all(batches)
    assert not [r for r in results if r[0] == "error"], results
    assert Counter(kind for kind, _ in results)["registered"] == PROCESSES * 5
    _check_invariants(event)
    event.refresh_from_db()
    assert (event.confirmed_count, event.waitlisted_count) == (12, 4 + PROCESSES * 5 - 12)


@pytest.mark.services
def test_concurrent_cancellations_give_every_freed_place_to_the_waiting_list(transactional_db):
    event = EventFactory(capacity=8, city_limit=2)
    pairs = [city_with_coordinator(f"race-{n}") for n in range(8)]
    for city, coordinator in pairs:
        register(event, city, coordinator, count=2)  # 8 confirmed (first four cities), 8 waiting
    confirmed = list(Registration.objects.filter(event=event, status="confirmed").select_related("registered_by"))
    assert len(confirmed) == 8
    coordinators = {city.pk: coordinator for city, coordinator in pairs}
    batches = [[("cancel", r.pk, coordinators[r.city_id].pk)] for r in confirmed[:PROCESSES]]
    for n, batch in enumerate(batches):  # and new registrations racing with the cancellations
        city, coordinator = pairs[-1 - n % 2]
        batch.append(("register", event.pk, city.pk, coordinator.pk, person()))
    results = _run_all(batches)
    assert not [r for r in results if r[0] == "error"], results
    _check_invariants(event)
    event.refresh_from_db()
    assert event.confirmed_count == 8, "every freed place was taken by the waiting list"
