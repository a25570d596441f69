"""Thin tasks: they take ids and call the kernel. Every side effect arrives here through the outbox."""

from celery import shared_task
from django.utils import timezone

from . import outbox
from .models import Heartbeat


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True)
def deliver_outbox_message(self, message_id: int) -> str:
    return outbox.deliver(message_id, claimant=self.request.id or "")


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True)
def deliver_outbox_messages(self, message_ids: list[int]) -> dict:
    """Several messages written together (`outbox.enqueue_many`); each is claimed on its own, as in `deliver`."""
    results: dict[str, int] = {}
    for message_id in message_ids:
        result = outbox.deliver(message_id, claimant=self.request.id or "")
        results[result] = results.get(result, 0) + 1
    return results


@shared_task
def sweep_outbox() -> int:
    """Run by the beat every minute: re-queues pending messages, and records that the beat is alive."""
    Heartbeat.objects.update_or_create(name="beat", defaults={"at": timezone.now()})
    return outbox.sweep()


@shared_task
def ping(token: str) -> str:
    """Answers with its argument: lets operators and tests see that a worker consumes the queue."""
    return token
