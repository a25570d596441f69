import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from goodpractices.models import GoodPractice, PracticeReview

from .factories import GoodPracticeFactory, field_of_action

pytestmark = pytest.mark.django_db

CRITERIA = [
    "goal_oriented",
    "customer_responsive",
    "context_sensitive",
    "highly_impacting",
    "capable_of_being_modelled",
    "can_be_generalised",
]


@pytest.fixture
def submitted(city_a):
    return GoodPracticeFactory(
        city=city_a, status="submitted", title="Waiting practice", submitted_at=timezone.now(), contact_person="I"
    )


def test_the_queue_lists_submissions_the_longest_waiting_first(client_as, city_a, city_b):
    old = GoodPracticeFactory(city=city_b, status="submitted", submitted_at=timezone.now() - datetime.timedelta(30))
    new = GoodPracticeFactory(city=city_a, status="submitted", submitted_at=timezone.now())
    GoodPracticeFactory(city=city_a, status="draft", title="A draft never queued")
    response = client_as("secretariat").get(reverse("review"))
    assert list(response.context["queue"]) == [old, new]
    assert "A draft never queued" not in response.content.decode()


def test_the_queue_filters_by_city_field_and_waiting_time(client_as, city_a, city_b):
    old = GoodPracticeFactory(
        city=city_b,
        status="submitted",
        main_field=field_of_action("3a"),
        submitted_at=timezone.now() - datetime.timedelta(30),
    )
    new = GoodPracticeFactory(
        city=city_a, status="submitted", main_field=field_of_action("5"), submitted_at=timezone.now()
    )
    client = client_as("secretariat")
    assert list(client.get(reverse("review"), {"city": "city-a"}).context["queue"]) == [new]
    assert list(client.get(reverse("review"), {"field": "3"}).context["queue"]) == [old], "a parent finds sub-fields"
    assert list(client.get(reverse("review"), {"waiting": "7"}).context["queue"]) == [old]


def test_the_review_page_shows_the_six_quality_criteria(client_as, submitted):
    text = client_as("secretariat").get(reverse("review-practice", args=[submitted.pk])).content.decode()
    for label in ["Goal-oriented", "Customer-responsive", "Context-sensitive", "Highly impacting",
                  "Capable of being modelled", "Can be generalised"]:  # fmt: skip
        assert label in text


def test_publishing_records_each_criterion_with_its_note(client_as, submitted):
    data = {"action": "publish", "comment": "Thank you"}
    for code in CRITERIA:
        data[f"{code}_rating"] = "met"
        data[f"{code}_note"] = f"Note on {code}"
    response = client_as("secretariat").post(reverse("review-practice", args=[submitted.pk]), data)
    assert response.url == reverse("review")
    submitted.refresh_from_db()
    assert submitted.status == "published"
    review = PracticeReview.objects.get()
    assert review.criteria["highly_impacting"] == {"rating": "met", "note": "Note on highly_impacting"}
    assert review.transition.comment == "Thank you"


def test_requesting_changes_without_a_comment_keeps_the_form_and_says_why(client_as, submitted):
    url = reverse("review-practice", args=[submitted.pk])
    response = client_as("secretariat").post(url, {"action": "request_changes", "goal_oriented_note": "Kept note"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Write a comment to the coordinator" in text and "Kept note" in text
    assert GoodPractice.objects.get(pk=submitted.pk).status == "submitted"


def test_the_secretariat_can_unpublish(client_as, city_a):
    published = GoodPracticeFactory(city=city_a, status="published")
    client_as("secretariat").post(reverse("review-practice", args=[published.pk]), {"action": "unpublish"})
    published.refresh_from_db()
    assert published.status == "unpublished"
    assert client_as("anonymous").get(published.get_absolute_url()).status_code == 404


def test_coordinators_cannot_review(client_as, submitted):
    response = client_as("coordinator_a").post(reverse("review-practice", args=[submitted.pk]), {"action": "publish"})
    assert response.status_code == 404
    assert GoodPractice.objects.get(pk=submitted.pk).status == "submitted"


def test_a_resubmission_shows_what_changed_since_the_previous_one(client_as, city_a, coordinator_a, secretariat):
    from goodpractices import services

    practice = GoodPracticeFactory(city=city_a, contact_person="I", contact_email="i@x.example", impact="Old impact")
    services.practice_submit(practice=practice, by=coordinator_a)
    services.practice_request_changes(practice=practice, by=secretariat, comment="More on impact")
    services.practice_update(practice=practice, by=coordinator_a, data={"impact": "New impact"})
    services.practice_submit(practice=practice, by=coordinator_a)
    text = client_as("secretariat").get(reverse("review-practice", args=[practice.pk])).content.decode()
    assert "Changes since the previous submission" in text
    assert "<del>Old</del><ins>New</ins> impact" in text


def test_the_queue_ignores_filter_values_that_cannot_be_one(client_as, submitted):
    response = client_as("secretariat").get(
        reverse("review"), {"city": "a\x00b", "field": "\x00", "waiting": "99999999999999999999"}
    )
    assert response.status_code == 200
    assert list(response.context["queue"]) == [submitted]


def test_the_admin_lists_an_untitled_draft(client_as, city_a):
    draft = GoodPracticeFactory(city=city_a, status="draft", title="")
    assert isinstance(str(draft), str)
    response = client_as("secretariat").get("/admin/goodpractices/goodpractice/")
    assert response.status_code == 200 and "Untitled practice" in response.content.decode()
