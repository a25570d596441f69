"""Study-visit requests: asked, answered, withdrawn, counted as demand, and turned into an event in one step."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.errors import StateConflict
from events.models import Event
from exchange.models import VisitRequest
from exchange.selectors.visits import demand_by_field, demand_by_host
from exchange.services import visits

from ..goodpractices.factories import GoodPracticeFactory, field_of_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def asked(city_a, city_b, coordinator_a, coordinator_b):
    """City B asks city A to host a visit on anti-rumours work, prompted by one of A's practices."""
    practice = GoodPracticeFactory(city=city_a, status="published", title="Anti-rumour agents")
    return visits.visit_request(
        requesting_city=city_b,
        host_city=city_a,
        field=field_of_action("3"),
        practices=[practice],
        message="How you trained <b>agents</b>.",
        period="spring 2026",
        by=coordinator_b,
    )


def test_an_accepted_request_becomes_a_draft_study_visit_in_one_step(asked, coordinator_a, secretariat, city_b):
    visits.visit_answer(request=asked, action="accept", by=coordinator_a, answer="Welcome!")
    event = visits.visit_schedule(request=VisitRequest.objects.get(pk=asked.pk), by=secretariat)
    asked.refresh_from_db()
    assert asked.status == "scheduled" and asked.event == event
    assert event.status == "draft" and event.kind == "study_visit" and event.host_city == asked.host_city
    assert list(event.invited_cities.all()) == [city_b]
    assert [f.code for f in event.fields_of_action.all()] == ["3"]
    assert [p.title for p in event.practices.all()] == ["Anti-rumour agents"]
    with pytest.raises(StateConflict):
        visits.visit_schedule(request=asked, by=secretariat)  # once only


def test_the_secretariat_page_turns_a_request_into_an_event(asked, coordinator_a, client_as):
    visits.visit_answer(request=asked, action="accept", by=coordinator_a)
    client = client_as("secretariat")
    page = client.get("/exchange/secretariat/").content.decode()
    assert "Betatown" in page and "Turn into an event" in page
    response = client.post(f"/my/visits/{asked.pk}/schedule/")
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/events/desk/{event.slug}/edit/")


def test_only_the_host_answers_and_only_once(asked, coordinator_a, coordinator_b):
    with pytest.raises(PermissionDenied):
        visits.visit_answer(request=asked, action="accept", by=coordinator_b)
    visits.visit_answer(request=asked, action="decline", by=coordinator_a, answer="Not this year.")
    with pytest.raises(StateConflict):
        visits.visit_answer(request=asked, action="accept", by=coordinator_a)


def test_a_request_not_yet_answered_can_be_withdrawn_by_its_city(asked, coordinator_a, coordinator_b, secretariat):
    with pytest.raises(PermissionDenied):
        visits.visit_withdraw(request=asked, by=coordinator_a)
    assert visits.visit_withdraw(request=asked, by=coordinator_b).status == "withdrawn"
    with pytest.raises(StateConflict):
        visits.visit_schedule(request=asked, by=secretariat)


def test_bad_requests_are_refused(city_a, city_b, coordinator_a, coordinator_b):
    field = field_of_action("3")
    with pytest.raises(ValidationError):
        visits.visit_request(requesting_city=city_a, host_city=city_a, field=field, message="x", by=coordinator_a)
    with pytest.raises(PermissionDenied):
        visits.visit_request(requesting_city=city_a, host_city=city_b, field=field, message="x", by=coordinator_b)
    draft = GoodPracticeFactory(city=city_b, status="draft")
    with pytest.raises(ValidationError):
        visits.visit_request(
            requesting_city=city_a, host_city=city_b, field=field, message="x", practices=[draft], by=coordinator_a
        )


def test_demand_is_counted_by_field_and_host(asked, coordinator_a):
    assert demand_by_field() == [{"field__code": "3", "field__name": asked.field.name, "requests": 1, "cities": 1}]
    visits.visit_answer(request=asked, action="accept", by=coordinator_a)
    [host] = demand_by_host()
    assert (host["host_city__slug"], host["requests"], host["accepted"]) == ("city-a", 1, 1)


def test_the_host_answers_from_the_desk_and_the_request_page_works(asked, client_as, city_a, city_b):
    host = client_as("coordinator_a")
    assert "How you trained &lt;b&gt;agents&lt;/b&gt;." in host.get("/my/visits/").content.decode()
    host.post(f"/my/visits/{asked.pk}/accept/", {"answer": "Yes"})
    assert VisitRequest.objects.get(pk=asked.pk).status == "accepted"
    guest = client_as("coordinator_b")
    form = guest.get(f"/cities/{city_a.slug}/study-visit/")
    assert form.status_code == 200 and "Anti-rumour agents" in form.content.decode()
    response = guest.post(
        f"/cities/{city_a.slug}/study-visit/", {"city": city_b.pk, "field": field_of_action("5").pk, "message": "Hi"}
    )
    assert response.status_code == 302 and VisitRequest.objects.count() == 2


def test_an_answer_too_long_is_shown_again_with_why_and_nothing_is_answered(asked, client_as):
    host = client_as("coordinator_a")
    answer = "We would be glad to host you. " * 70  # 2,100 characters
    response = host.post(f"/my/visits/{asked.pk}/accept/", {"answer": answer})
    page = response.content.decode()
    assert response.status_code == 400 and "at most 2000 characters" in page
    assert answer.strip() in page and f'id="answer-{asked.pk}-accept-answer"' in page
    assert VisitRequest.objects.get(pk=asked.pk).status == asked.status
