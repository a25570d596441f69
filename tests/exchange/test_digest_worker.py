"""The digest through a real worker, started as the beat starts it: a practice published after the last digest is
sent once; nothing is sent when nothing is new; the digest's unsubscribe link works without a login."""

import time
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from exchange.models import SavedSearch
from icc_portal.celery import app as celery_app

from ..goodpractices.factories import GoodPracticeFactory, field_of_action

TASK = "exchange.tasks.send_due_digests"


def _beat_tick():
    """What the beat does at the scheduled time: send the task by name to the worker's queue."""
    celery_app.send_task(settings.CELERY_BEAT_SCHEDULE["exchange-digests"]["task"])


def _wait_for(predicate, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_the_beat_sends_a_new_practice_once_and_nothing_when_nothing_is_new(celery_worker, city_a, client):
    assert settings.CELERY_BEAT_SCHEDULE["exchange-digests"]["task"] == TASK
    week_ago = timezone.now() - timedelta(days=8)
    search = SavedSearch.objects.create(
        email="reader@test.example", query={"field": "3"}, confirmed_at=week_ago, covered_until=week_ago
    )
    practice = GoodPracticeFactory(
        city=city_a, status="published", title="Anti-rumour agents", main_field=field_of_action("3a")
    )

    _beat_tick()
    [mail] = celery_worker.wait_for_mail(1)
    body = mail.get_payload(decode=True).decode()
    assert mail["To"] == "reader@test.example" and "Anti-rumour agents" in body
    search.refresh_from_db()
    assert search.last_sent_at and search.covered_until > week_ago

    # A second tick: the practice was in the last digest, and the search is not due: nothing more.
    _beat_tick()
    # A week later (the clock moved back instead: the practice and the last digest eight days older), nothing new:
    # the worker runs the due search, moves its window, and sends nothing.
    moved = timezone.now() - timedelta(days=8)
    type(practice).objects.filter(pk=practice.pk).update(published_at=moved - timedelta(days=1))
    SavedSearch.objects.filter(pk=search.pk).update(covered_until=moved)
    _beat_tick()
    _wait_for(lambda: SavedSearch.objects.get(pk=search.pk).covered_until > moved + timedelta(days=7))
    time.sleep(1)
    assert len(celery_worker.messages()) == 1

    # The digest's one-click link unsubscribes without a login.
    link = next(line for line in body.splitlines() if "/alerts/unsubscribe/" in line).split()[-1]
    assert client.get(link.replace(settings.SITE_URL.rstrip("/"), "")).status_code == 200
    assert not SavedSearch.objects.filter(pk=search.pk).exists()
