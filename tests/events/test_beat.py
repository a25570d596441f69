"""The beat schedules the events' tasks, and a real worker runs the reminder: the e-mail leaves through the outbox,
and a second run sends nothing."""

import datetime
import time

import pytest
from django.conf import settings
from django.utils import timezone

from events import tasks
from events.models import Registration
from icc_portal.celery import app as celery_app

from .factories import EventFactory, register

pytestmark = pytest.mark.services


def test_the_beat_schedule_runs_the_events_tasks():
    scheduled = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    for task in (
        tasks.send_event_reminders,
        tasks.send_registration_closing_notes,
        tasks.erase_participants_personal_data,
    ):
        assert task.name in scheduled and task.name in celery_app.tasks
    assert scheduled[tasks.send_event_reminders.name] <= 3600, "a reminder at most an hour late"
    assert scheduled[tasks.erase_participants_personal_data.name] <= 86400


def test_a_worker_sends_the_reminder_once(celery_worker, city_a, coordinator_a):
    starts = timezone.now() + datetime.timedelta(days=5)
    event = EventFactory(starts_at=starts, registration_closes=starts - datetime.timedelta(days=1))
    [registration] = register(event, city_a, coordinator_a, email="ana@participants.example")
    celery_worker.wait_for_mail(1)  # the registration's own e-mail
    celery_worker.clear_mail()

    tasks.send_event_reminders.delay()
    tasks.send_event_reminders.delay()  # a second beat, or a retry: nothing more
    [reminder] = celery_worker.wait_for_mail(1)
    assert reminder["To"] == "ana@participants.example" and "In a week" in reminder["Subject"]
    assert Registration.objects.get(pk=registration.pk).reminded_at is not None
    time.sleep(3)  # the solo worker runs its queue in order: the second run is done by now
    assert len(celery_worker.messages()) == 1
