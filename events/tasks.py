"""Thin tasks run by the Celery beat (CELERY_BEAT_SCHEDULE in icc_portal/settings/celery.py); the work and its
records of what was done are in services/scheduled.py, so each task can run twice without harm."""

from celery import shared_task

from . import services


@shared_task
def send_event_reminders() -> int:
    return services.reminders_send()


@shared_task
def send_registration_closing_notes() -> int:
    return services.closing_notes_send()


@shared_task
def erase_participants_personal_data() -> int:
    return services.participants_erase()
