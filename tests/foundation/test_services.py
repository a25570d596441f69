"""The real services: the broker and a worker process, and the health endpoint that reports on them."""

import time

import pytest

from core.notifications import notify
from icc_portal.celery import app as celery_app

pytestmark = pytest.mark.services


def test_task_sent_through_the_broker_is_run_by_a_worker_process(celery_worker):
    notify(
        template="invitation",
        recipients=["someone@example.org"],
        context={
            "city": "Bergen",
            "inviter": "Sofia",
            "email": "someone@example.org",
            "role": "coordinator",
            "link": "http://x/reset/",
            "days": 3,
        },
    )  # outside a transaction: the outbox row commits at once and the worker is asked to deliver it
    [message] = celery_worker.wait_for_mail(1)
    assert message["To"] == "someone@example.org"
    assert "Bergen" in message["Subject"]


def test_the_worker_is_a_separate_process_consuming_the_configured_broker(celery_worker):
    import os

    assert celery_worker.process.pid != os.getpid()
    assert celery_app.conf.task_always_eager is False
    assert celery_app.conf.task_default_queue == celery_worker.queue


@pytest.mark.django_db
def test_healthz_reports_database_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "ok", "beat_last_run": None}


@pytest.mark.django_db
def test_healthz_answers_503_when_the_broker_is_down(client, settings):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {}
    started = time.monotonic()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["broker"].startswith("error")
    assert response.json()["database"] == "ok"
    assert time.monotonic() - started < 15


def test_services_are_the_ones_the_environment_names():
    """In CI (.ci/run) the service tests run again against 127.0.0.1 PostgreSQL and Redis; by default the
    broker is the embedded filesystem transport."""
    import os

    from django.conf import settings

    if os.environ.get("ICC_REQUIRE_SERVICES"):
        assert settings.CELERY_BROKER_URL.startswith("redis://")
        assert settings.DATABASES["default"]["HOST"] in {"127.0.0.1", "localhost"}
    else:
        assert settings.CELERY_BROKER_URL == os.environ.get("CELERY_BROKER_URL", "filesystem://")
