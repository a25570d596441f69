"""Adoptions ("we adapted this", shown both ways) and follow-ups ("what happened next", reviewed like news)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from exchange.models import Adoption
from exchange.services import practices as services
from exchange.services import review

from ..factories import CityFactory, coordinator_of
from ..goodpractices.factories import GoodPracticeFactory
from .factories import FollowUpFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def original(city_a):
    return GoodPracticeFactory(city=city_a, status="published", title="Anti-rumour agents", slug="anti-rumour")


def test_an_adoption_shows_on_both_practices(original, city_b, coordinator_b, client):
    own = GoodPracticeFactory(city=city_b, status="published", title="Betatown rumour busters", slug="busters")
    services.adoption_record(
        practice=original, city=city_b, own_practice=own, note="Trained 40 agents.", by=coordinator_b
    )
    lisbon = CityFactory(slug="lisbon", name="Lisbon")
    services.adoption_record(practice=original, city=lisbon, by=coordinator_of(lisbon, "lx@test.example"))
    page = client.get("/good-practices/anti-rumour/").content.decode()
    assert "Adapted by" in page and "Betatown" in page and "Lisbon" in page
    assert page.index("Betatown") < page.index("Lisbon")  # in the order they said so
    assert 'href="/good-practices/busters/"' in page  # their own practice, when they have one
    theirs = client.get("/good-practices/busters/").content.decode()
    assert "Adapted from" in theirs and "Anti-rumour agents" in theirs


def test_an_adoption_is_recorded_once_per_city_and_never_for_its_own_city(
    original, city_a, city_b, coordinator_a, coordinator_b
):
    services.adoption_record(practice=original, city=city_b, by=coordinator_b)
    services.adoption_record(practice=original, city=city_b, note="Updated", by=coordinator_b)
    assert Adoption.objects.get().note == "Updated"
    with pytest.raises(ValidationError):
        services.adoption_record(practice=original, city=city_a, by=coordinator_a)
    with pytest.raises(PermissionDenied):
        services.adoption_record(practice=original, city=city_b, by=coordinator_a)
    someone_elses = GoodPracticeFactory(city=city_a, status="published")
    with pytest.raises(ValidationError):
        services.adoption_record(practice=original, city=city_b, own_practice=someone_elses, by=coordinator_b)


def test_the_practice_page_form_records_an_adoption(original, city_b, client_as):
    client = client_as("coordinator_b")
    assert "We adapted this in our city" in client.get("/good-practices/anti-rumour/").content.decode()
    response = client.post("/good-practices/anti-rumour/adaptations/", {"city": city_b.pk, "note": "<b>ok</b>"})
    assert response.status_code == 302 and Adoption.objects.get().note == "<b>ok</b>"
    assert "We adapted this" not in client_as("coordinator_a").get("/good-practices/anti-rumour/").content.decode()


def test_follow_ups_are_reviewed_and_shown_in_date_order(original, coordinator_a, secretariat, client):
    later = services.follow_up_create(
        practice=original,
        by=coordinator_a,
        data={"title": "Two years on", "body": "Weekly evenings.", "date": datetime.date(2025, 6, 1)},
    )
    earlier = services.follow_up_create(
        practice=original,
        by=coordinator_a,
        data={"title": "First results", "body": "<script>x</script>", "date": datetime.date(2024, 1, 1)},
    )
    assert "Two years on" not in client.get("/good-practices/anti-rumour/").content.decode()  # drafts are not shown
    for follow_up in (later, earlier):
        review.review_publish(item=review.review_submit(item=follow_up, by=coordinator_a), by=secretariat)
    page = client.get("/good-practices/anti-rumour/").content.decode()
    assert page.index("First results") < page.index("Two years on")
    assert "<script>x</script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
    assert [s.action for s in later.steps.order_by("at")] == ["submit", "publish"]  # the same engine as news


def test_a_follow_up_on_another_citys_practice_is_refused(original, coordinator_b, client_as):
    with pytest.raises(PermissionDenied):
        services.follow_up_create(
            practice=original, by=coordinator_b, data={"title": "x", "body": "y", "date": "2025-01-01"}
        )
    assert client_as("coordinator_b").get("/good-practices/anti-rumour/follow-ups/new/").status_code == 404


def test_the_card_shows_the_date_of_the_last_update(original, client):
    FollowUpFactory(practice=original, status="published", date=datetime.date(2025, 3, 4))
    FollowUpFactory(practice=original, status="draft", date=datetime.date(2026, 1, 1))
    page = client.get("/good-practices/").content.decode()
    card = page.split('href="/good-practices/anti-rumour/"')[1][:400]
    assert "updated 4 March 2025" in card and "2026" not in card  # the published follow-up, not the draft


def test_the_api_exposes_adoptions_and_follow_ups(original, city_b, coordinator_b, client):
    services.adoption_record(practice=original, city=city_b, by=coordinator_b)
    FollowUpFactory(practice=original, status="published", title="Later", date=datetime.date(2025, 3, 4))
    FollowUpFactory(practice=original, status="published", title="Sooner", date=datetime.date(2024, 3, 4))
    FollowUpFactory(practice=original, status="submitted", title="Unreviewed")
    adoptions = client.get(f"/api/v1/good-practices/{original.pk}/adoptions/").json()["results"]
    assert [a["city"] for a in adoptions] == ["city-b"]
    follow_ups = client.get(f"/api/v1/good-practices/{original.pk}/follow-ups/").json()["results"]
    assert [f["title"] for f in follow_ups] == ["Sooner", "Later"]
    draft = GoodPracticeFactory(city=city_b, status="draft")
    assert client.get(f"/api/v1/good-practices/{draft.pk}/follow-ups/").status_code == 404
