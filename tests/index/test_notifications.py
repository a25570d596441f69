"""E-mails of the Index workflow, sent by a real Celery worker once the transaction commits."""

import pytest
from django.test import override_settings
from django.urls import reverse

from cities.models import Membership
from index import services

from ..factories import UserFactory, coordinator_of
from .factories import small_edition

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def _body(message) -> str:
    if message["Content-Transfer-Encoding"] in ("base64", "quoted-printable"):
        return message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")
    return message.get_payload()


@pytest.fixture
def assessment(city_a, coordinator_a):
    return services.assessment_create(city=city_a, edition=small_edition(), year=2024, by=coordinator_a)


@override_settings(SECRETARIAT_EMAIL="icc-team@test.example")
def test_submission_tells_the_secretariat_address_with_a_link_to_the_assessment(
    celery_worker, assessment, coordinator_a
):
    services.assessment_submit(assessment=assessment, by=coordinator_a)
    [message] = celery_worker.wait_for_mail(1)
    assert message["To"] == "icc-team@test.example"
    assert message["Subject"] == "Index assessment to validate: Alphaville, T-1 2024"
    assert reverse("index_desk:assessment", args=[assessment.pk]) in _body(message)


def test_returned_validated_and_published_tell_the_citys_coordinators_in_their_language(
    celery_worker, assessment, city_a, coordinator_a, secretariat, settings
):
    settings.SECRETARIAT_EMAIL = ""
    coordinator_of(city_a, "colleague@test.example", role=Membership.Role.COLLEAGUE)
    french = UserFactory(email="coord-fr@test.example", preferred_language="fr")
    Membership.objects.create(user=french, city=city_a, role=Membership.Role.COORDINATOR)
    services.assessment_submit(assessment=assessment, by=coordinator_a)
    [to_secretariat] = celery_worker.wait_for_mail(1)  # the secretariat is its accounts (one definition, core)
    assert to_secretariat["To"] == secretariat.email
    celery_worker.clear_mail()

    services.assessment_return(assessment=assessment, by=secretariat, comment="Add evidence for commitment.")
    messages = celery_worker.wait_for_mail(2)
    by_recipient = {message["To"]: message for message in messages}
    assert set(by_recipient) == {coordinator_a.email, "coord-fr@test.example"}  # not the colleague
    english, french_mail = by_recipient[coordinator_a.email], by_recipient["coord-fr@test.example"]
    assert english["Subject"] == "Index assessment returned with comments: Alphaville, T-1 2024"
    assert "Add evidence for commitment." in _body(english)
    assert reverse("index_desk:assessment", args=[assessment.pk]) in _body(english)
    assert "renvoy" in french_mail["Subject"].lower() and "Add evidence for commitment." in _body(french_mail)
    celery_worker.clear_mail()

    results = reverse("index_city:wave", args=[city_a.slug, "T-1", 2024])
    services.assessment_submit(assessment=assessment, by=coordinator_a)
    services.assessment_validate(assessment=assessment, by=secretariat)
    messages = celery_worker.wait_for_mail(3)  # the submission to the secretariat, the validation to both
    english = next(m for m in messages if m["To"] == coordinator_a.email)
    assert english["Subject"] == "Index assessment validated: Alphaville, T-1 2024"
    assert results in _body(english)
    celery_worker.clear_mail()

    services.assessment_publish(assessment=assessment, by=secretariat)
    messages = celery_worker.wait_for_mail(2)
    english = next(m for m in messages if m["To"] == coordinator_a.email)
    assert english["Subject"] == "Index results published: Alphaville, T-1 2024"
    assert results in _body(english)
