"""Thin tasks of the exchange, run by the beat (icc_portal/settings/celery.py)."""

from celery import shared_task

from .services import alerts, digests


@shared_task
def send_due_digests() -> dict:
    """The digests of every due saved search, through the outbox; then the unconfirmed alerts past their week."""
    run = digests.send_due_digests()
    purged = alerts.purge_unconfirmed()
    return {"searched": run.searched, "sent": run.sent, "failed": run.failed, "purged": purged}
