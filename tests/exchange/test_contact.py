"""Writing to a city: relayed by a real worker with the sender as Reply-To, no address shown, throttled per sender,
recorded without the text."""

import time

import pytest

from core.models import OutboxMessage
from exchange.models import ContactMessage
from exchange.services.contact import HOURLY_LIMIT

MESSAGE = {"subject": "Your anti-rumour network", "message": "Could we talk about <b>how</b> you trained agents?"}


def _wait_until_sent(timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not OutboxMessage.objects.exclude(status="sent").exists():
            return
        time.sleep(0.2)
    raise AssertionError("the outbox was not delivered")


def test_a_coordinators_message_reaches_the_citys_coordinators_with_the_sender_as_reply_to(
    celery_worker, city_a, coordinator_a, coordinator_b, client
):
    client.force_login(coordinator_b)
    page = client.get(f"/cities/{city_a.slug}/").content.decode()
    assert coordinator_a.email not in page  # the form shows no address
    response = client.post(f"/cities/{city_a.slug}/contact/", MESSAGE)
    assert response.status_code == 302
    [mail] = celery_worker.wait_for_mail(1)
    assert mail["To"] == coordinator_a.email
    assert mail["Reply-To"] == coordinator_b.email
    body = mail.get_payload(decode=True).decode()
    assert "Could we talk about <b>how</b> you trained agents?" in body  # plain text, as typed
    assert "Betatown" in body and coordinator_a.email not in body
    # Recorded for the secretariat: who wrote to whom and when, never the text (the outbox forgets it once sent).
    record = ContactMessage.objects.get()
    assert (record.sender, record.city, record.routed_to) == (coordinator_b, city_a, "coordinators")
    _wait_until_sent()
    assert "trained agents" not in str(list(OutboxMessage.objects.values_list("payload", flat=True)))


def test_the_publics_message_goes_to_the_secretariat(celery_worker, city_a, coordinator_a, secretariat, client):
    response = client.post(
        f"/cities/{city_a.slug}/contact/", {**MESSAGE, "name": "Ana Reader", "email": "Ana@Reader.example"}
    )
    assert response.status_code == 302
    [mail] = celery_worker.wait_for_mail(1)
    assert mail["To"] == secretariat.email and mail["Reply-To"] == "ana@reader.example"
    assert coordinator_a.email not in mail.as_string()
    assert ContactMessage.objects.get().routed_to == "secretariat"


@pytest.mark.django_db
def test_fifty_messages_in_a_minute_are_throttled_with_a_clear_message(city_a, coordinator_a, coordinator_b, client):
    client.force_login(coordinator_b)
    statuses = [client.post(f"/cities/{city_a.slug}/contact/", MESSAGE).status_code for _ in range(50)]
    assert statuses.count(302) == HOURLY_LIMIT and statuses.count(429) == 50 - HOURLY_LIMIT
    refused = client.post(f"/cities/{city_a.slug}/contact/", MESSAGE)
    assert "the most we relay" in refused.content.decode() and "Please try again in" in refused.content.decode()
    assert ContactMessage.objects.count() == HOURLY_LIMIT
    assert OutboxMessage.objects.count() == HOURLY_LIMIT


@pytest.mark.django_db
def test_the_public_is_throttled_by_address_too(city_a, client):
    for n in range(HOURLY_LIMIT):
        client.post(f"/cities/{city_a.slug}/contact/", {**MESSAGE, "name": "X", "email": f"x{n}@spam.example"})
    response = client.post(f"/cities/{city_a.slug}/contact/", {**MESSAGE, "name": "X", "email": "new@spam.example"})
    assert response.status_code == 429


@pytest.mark.django_db
def test_an_incomplete_form_is_a_form_error(city_a, client):
    response = client.post(f"/cities/{city_a.slug}/contact/", {"subject": "", "message": "x", "email": "bad"})
    assert response.status_code == 400 and not ContactMessage.objects.exists()
