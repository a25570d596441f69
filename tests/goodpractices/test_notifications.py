"""E-mails of the workflow, sent by a real Celery worker once the transaction commits."""

import pytest
from django.urls import reverse

from goodpractices import services

from .factories import GoodPracticeFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def practice(city_a):
    return GoodPracticeFactory(
        city=city_a, title="Research on structural racism", contact_person="Ingrid", contact_email="i@x.example"
    )


def _body(message) -> str:
    if message["Content-Transfer-Encoding"] in ("base64", "quoted-printable"):
        return message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")
    return message.get_payload()  # 8bit: already text (the file backend writes it as it is)


def test_submission_tells_the_secretariat_with_a_link_to_the_review_page(
    celery_worker, practice, coordinator_a, secretariat
):
    services.practice_submit(practice=practice, by=coordinator_a)
    [message] = celery_worker.wait_for_mail(1)
    assert message["To"] == secretariat.email
    assert message["Subject"] == "Good practice to review: Research on structural racism (Alphaville)"
    assert reverse("review-practice", args=[practice.pk]) in _body(message)


def test_changes_requested_published_and_rejected_tell_the_citys_coordinators(
    celery_worker, practice, coordinator_a, secretariat
):
    services.practice_submit(practice=practice, by=coordinator_a)
    celery_worker.wait_for_mail(1)
    celery_worker.clear_mail()

    services.practice_request_changes(practice=practice, by=secretariat, comment="Please shorten the process.")
    [message] = celery_worker.wait_for_mail(1)
    assert message["To"] == coordinator_a.email
    assert message["Subject"] == "Changes requested: Research on structural racism"
    body = _body(message)
    assert "Please shorten the process." in body
    assert reverse("practice_desk:edit", args=[practice.pk]) in body
    celery_worker.clear_mail()

    services.practice_submit(practice=practice, by=coordinator_a)
    celery_worker.wait_for_mail(1)
    celery_worker.clear_mail()
    published = services.practice_publish(practice=practice, by=secretariat)
    [message] = celery_worker.wait_for_mail(1)
    assert message["Subject"] == "Published: Research on structural racism"
    assert published.get_absolute_url() in _body(message)


def test_rejection_is_sent_in_the_coordinators_language(celery_worker, practice, coordinator_a, secretariat):
    coordinator_a.preferred_language = "fr"
    coordinator_a.save()
    services.practice_submit(practice=practice, by=coordinator_a)
    celery_worker.wait_for_mail(1)
    celery_worker.clear_mail()
    services.practice_reject(practice=practice, by=secretariat, comment="Hors sujet.")
    [message] = celery_worker.wait_for_mail(1)
    assert message["To"] == coordinator_a.email
    assert "Hors sujet." in _body(message)


def test_nothing_is_sent_when_the_transition_is_refused(celery_worker, practice, secretariat):
    with pytest.raises(services.StateConflict):
        services.practice_publish(practice=practice, by=secretariat)
    services.practice_create(city=practice.city, by=secretariat)
    assert celery_worker.messages() == []
