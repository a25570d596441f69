"""Statistics in the annual report's form, against a hand-computed event; the same after erasure."""

import datetime

from events import selectors, services, statistics
from events.statistics import Participant

from .factories import EventFactory, city_with_coordinator, person


def test_figures_of_a_hand_computed_set():
    rows = [
        Participant(1, 10, "PT", "PT", "woman"),
        Participant(1, 10, "PT", "BR", "man"),
        Participant(1, 11, "NO", "NO", "woman"),
        Participant(1, 12, "NO", "", "not_said"),
        Participant(1, 13, "ES", "MA", "other"),
    ]
    figures = statistics.figures(rows)
    assert (figures.participants, figures.cities, figures.countries, figures.nationalities) == (5, 4, 3, 4)
    assert figures.genders == {"woman": 2, "man": 1, "other": 1, "not_said": 1}
    assert figures.nationality_unknown == 1


def _past_event(db_event_kwargs=None):
    return EventFactory(
        starts_at=datetime.datetime(2019, 3, 12, 9, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2019, 3, 13, 15, tzinfo=datetime.UTC),
        **(db_event_kwargs or {}),
    )


def test_an_events_statistics_count_confirmed_participants_only(db, secretariat):
    event = _past_event({"capacity": 5, "city_limit": 3})
    lisbon, _ = city_with_coordinator("lisbon", "PT")
    bergen, _ = city_with_coordinator("bergen", "NO")
    oslo, _ = city_with_coordinator("oslo", "NO")

    def add(city, **fields):
        return services.registrations_create(
            event=event, city=city, people=[person(**fields)], by=secretariat, ignore_window=True
        )[0]

    add(lisbon, gender="woman", nationality="PT")
    add(lisbon, gender="man", nationality="CV")
    add(bergen, gender="woman", nationality="")
    cancelled = add(oslo, gender="man", nationality="SE")
    add(oslo, gender="other", nationality="NO")  # the fifth and last place
    add(lisbon, gender="woman", nationality="AO")  # waits: full
    services.registration_cancel(registration=cancelled, by=secretariat)  # the waiting one takes the place
    figures = selectors.event_statistics(event)
    # Confirmed: Lisbon PT woman, Lisbon CV man, Bergen woman, Oslo NO other, Lisbon AO woman.
    assert (figures.participants, figures.cities, figures.countries, figures.nationalities) == (5, 3, 2, 4)
    assert figures.genders == {"woman": 3, "man": 1, "other": 1, "not_said": 0}


def test_a_years_statistics_and_its_study_visits_waiting_lists(db, secretariat, client):
    visit = _past_event({"capacity": 1, "title": "Fuenlabrada", "title_en": "Fuenlabrada"})
    seminar = _past_event({"kind": "thematic_seminar", "title": "Oslo", "title_en": "Oslo"})
    lisbon, _ = city_with_coordinator("lisbon", "PT")
    for event, count in ((visit, 3), (seminar, 2)):
        services.registrations_create(
            event=event, city=lisbon, people=[person() for _ in range(count)], by=secretariat, ignore_window=True
        )
    figures = selectors.year_statistics(2019)
    assert figures.total.participants == 3 and figures.total.cities == 1
    [study_visit] = figures.study_visits
    assert (study_visit.figures.participants, study_visit.waiting) == (1, 2)
    page = " ".join(client.get("/events/statistics/?year=2019").content.decode().split())
    assert "2 events held: 3 participants from 1 cities" in page and "<svg" in page and "<table" in page
    csv = client.get("/events/statistics/2019.csv").content.decode().splitlines()
    assert csv[0].startswith("event,kind,starts_on,participants") and len(csv) == 4


def test_statistics_do_not_change_when_personal_data_is_erased(db, secretariat):
    event = _past_event()
    lisbon, _ = city_with_coordinator("lisbon", "PT")
    services.registrations_create(
        event=event, city=lisbon, people=[person(), person(gender="man", nationality="")], by=secretariat,
        ignore_window=True,
    )  # fmt: skip
    before = selectors.event_statistics(event)
    assert services.participants_erase(months=24) == 1
    assert selectors.event_statistics(event) == before
