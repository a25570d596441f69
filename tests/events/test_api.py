"""The events API of the contract: names, kinds and statuses, times with their offset, registrations with their
position, 400 naming what is wrong, 409 for a state that does not allow it."""

import datetime

from django.utils import timezone
from rest_framework.test import APIClient

from events.models import Event, Registration
from tests.goodpractices.factories import field_of_action

from .factories import EventFactory, city_with_coordinator, person, register

CONTRACT_FIELDS = {
    "slug", "title", "kind", "description", "host_city", "place", "starts_at", "ends_at", "registration_opens",
    "registration_closes", "capacity", "city_limit", "status", "fields_of_action", "practices", "confirmed",
    "waitlisted", "places_left",
}  # fmt: skip
REGISTRATION_FIELDS = {
    "id", "event", "city", "name", "email", "department", "gender", "nationality", "status", "position",
}  # fmt: skip


def _api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_an_event_has_the_contracts_fields_and_times_in_its_own_zone(db, city_a):
    event = EventFactory(
        host_city=city_a, time_zone="Europe/Lisbon", capacity=12, city_limit=2,
        starts_at=datetime.datetime(2031, 7, 1, 8, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2031, 7, 2, 15, tzinfo=datetime.UTC),
    )  # fmt: skip
    body = _api().get(f"/api/v1/events/{event.slug}/").json()
    assert CONTRACT_FIELDS <= set(body)
    assert body["starts_at"] == "2031-07-01T09:00:00+01:00"  # Lisbon in summer
    assert (body["host_city"], body["city_limit"], body["places_left"], body["status"]) == (
        "city-a",
        2,
        12,
        "published",
    )


def test_the_list_filters_by_type_year_city_and_upcoming(db, city_a):
    EventFactory(kind="webinar", slug="webinar")
    EventFactory(kind="study_visit", slug="visit", host_city=city_a)
    EventFactory(slug="old", starts_at=datetime.datetime(2017, 10, 16, 9, tzinfo=datetime.UTC))
    EventFactory(slug="draft", status="draft")

    def slugs(query):
        return sorted(e["slug"] for e in _api().get(f"/api/v1/events/?{query}").json()["results"])

    assert slugs("") == ["old", "visit", "webinar"]
    assert slugs("type=webinar") == ["webinar"]
    assert slugs("city=city-a") == ["visit"]
    assert slugs("year=2017") == ["old"]
    assert slugs("upcoming=true") == ["visit", "webinar"]
    assert slugs("upcoming=false") == ["old"]
    assert _api().get("/api/v1/events/?type=party").status_code == 400


def test_the_secretariat_creates_and_publishes_an_event(db, secretariat):
    field_of_action("1")  # the taxonomy, reloaded if a transactional test flushed it
    body = {
        "title": "Policy lab", "title_fr": "Laboratoire de politiques", "kind": "policy_lab",
        "time_zone": "Europe/Paris", "starts_at": "2031-03-14T09:30:00", "ends_at": "2031-03-14T17:00:00+01:00",
        "capacity": 30, "city_limit": 2, "fields_of_action": ["1", "15"],
    }  # fmt: skip
    response = _api(secretariat).post("/api/v1/events/", body, format="json")
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created["status"] == "draft" and created["starts_at"] == "2031-03-14T09:30:00+01:00"
    assert created["fields_of_action"] == ["1", "15"]
    patched = _api(secretariat).patch(f"/api/v1/events/{created['slug']}/", {"status": "published"}, format="json")
    assert patched.json()["status"] == "published"


def test_a_bad_event_is_a_400_naming_each_problem(db, secretariat):
    response = _api(secretariat).post("/api/v1/events/", {"kind": "party", "capacity": 0}, format="json")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert {"kind", "capacity", "title", "starts_at", "ends_at"} <= set(errors)


def test_an_impossible_status_move_is_a_409(db, secretariat):
    event = EventFactory(status="cancelled")
    response = _api(secretariat).patch(f"/api/v1/events/{event.slug}/", {"status": "published"}, format="json")
    assert response.status_code in (400, 409)
    closed = EventFactory(status="closed")
    response = _api(secretariat).patch(f"/api/v1/events/{closed.slug}/", {"status": "draft"}, format="json")
    assert response.status_code == 409 and "cannot go from closed to draft" in response.json()["detail"]


def test_cancelling_through_patch_tells_everyone(db, secretariat, city_a, coordinator_a):
    event = EventFactory()
    register(event, city_a, coordinator_a)
    body = {"status": "cancelled", "cancel_reason": "Strike"}
    assert _api(secretariat).patch(f"/api/v1/events/{event.slug}/", body, format="json").status_code == 200
    assert Registration.objects.get().status == "cancelled"


def test_a_coordinator_registers_and_gets_the_status_and_position(db, city_a, coordinator_a):
    event = EventFactory(capacity=1)
    client = _api(coordinator_a)
    first = client.post(f"/api/v1/events/{event.slug}/registrations/", person(), format="json")
    second = client.post(f"/api/v1/events/{event.slug}/registrations/", person(nationality=None), format="json")
    assert first.status_code == 201 and REGISTRATION_FIELDS <= set(first.json())
    assert (first.json()["status"], first.json()["position"]) == ("confirmed", None)
    assert (second.json()["status"], second.json()["position"], second.json()["nationality"]) == ("waitlisted", 1, None)
    assert second.json()["city"] == "city-a" and second.json()["event"] == event.slug


def test_registration_bad_input_is_a_400_naming_the_field(db, city_a, coordinator_a, event):
    client = _api(coordinator_a)
    url = f"/api/v1/events/{event.slug}/registrations/"
    assert "email" in client.post(url, person(email="nope"), format="json").json()["errors"]
    assert "nationality" in client.post(url, person(nationality="Portuguese"), format="json").json()["errors"]
    assert "gender" in client.post(url, person(gender="female"), format="json").json()["errors"]
    assert "name" in client.post(url, person(name=42), format="json").json()["errors"]
    client.post(url, person(email="ana@x.example"), format="json")
    twice = client.post(url, person(email="ana@x.example"), format="json")
    assert twice.status_code == 400 and "already registered" in str(twice.json())
    assert Registration.objects.count() == 1


def test_a_closed_registration_is_a_409(db, city_a, coordinator_a):
    event = EventFactory(registration_closes=timezone.now() - datetime.timedelta(minutes=5))
    response = _api(coordinator_a).post(f"/api/v1/events/{event.slug}/registrations/", person(), format="json")
    assert response.status_code == 409 and "Registration closed on" in response.json()["detail"]


def test_a_full_event_without_waiting_list_is_a_409(db, city_a, coordinator_a):
    event = EventFactory(capacity=1, waiting_list=False)
    client = _api(coordinator_a)
    client.post(f"/api/v1/events/{event.slug}/registrations/", person(), format="json")
    response = client.post(f"/api/v1/events/{event.slug}/registrations/", person(), format="json")
    assert response.status_code == 409


def test_another_citys_people_are_refused(db, city_a, city_b, coordinator_a, event):
    body = {**person(), "city": city_b.slug}
    response = _api(coordinator_a).post(f"/api/v1/events/{event.slug}/registrations/", body, format="json")
    assert response.status_code == 403 and not Registration.objects.exists()


def test_each_coordinator_sees_their_own_cities_registrations(db, city_a, city_b, coordinator_a, coordinator_b):
    event = EventFactory()
    register(event, city_a, coordinator_a, name="From A")
    register(event, city_b, coordinator_b, name="From B")
    mine = _api(coordinator_a).get(f"/api/v1/events/{event.slug}/registrations/").json()["results"]
    assert [r["name"] for r in mine] == ["From A"]
    assert [r["name"] for r in _api(coordinator_b).get("/api/v1/registrations/").json()["results"]] == ["From B"]


def test_delete_cancels_and_promotes_the_first_waiting(db, city_a, coordinator_a):
    lisbon, lisbon_coordinator = city_with_coordinator("lisbon", "PT")
    event = EventFactory(capacity=1)
    [first] = register(event, city_a, coordinator_a)
    [waiting] = register(event, lisbon, lisbon_coordinator)
    assert _api(lisbon_coordinator).delete(f"/api/v1/registrations/{first.pk}/").status_code == 404
    assert _api(coordinator_a).delete(f"/api/v1/registrations/{first.pk}/").status_code == 204
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    again = _api(coordinator_a).delete(f"/api/v1/registrations/{first.pk}/")
    assert again.status_code == 409


def test_drafts_are_the_secretariats(db, coordinator_a, secretariat):
    draft = EventFactory(status="draft")
    assert _api(coordinator_a).get(f"/api/v1/events/{draft.slug}/").status_code == 404
    assert _api(secretariat).get(f"/api/v1/events/{draft.slug}/").status_code == 200
    assert Event.objects.count() == 1
