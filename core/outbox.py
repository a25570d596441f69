"""The transactional outbox: side effects are rows first, delivered by a worker after the transaction commits.

`enqueue(kind, payload)` writes the row in the caller's transaction and asks a worker to deliver it on commit.
`deliver(id)` claims it, runs the handler registered for its kind and marks it sent (or counts the failure);
`sweep()`, run by the beat, hands every message still pending after `OUTBOX_RETRY_AFTER` (or claimed by a worker
that died, after `OUTBOX_LEASE`) to a worker again. Delivery is at least once: a worker killed between sending and
marking sends again, so handlers are written to be safe to repeat.
"""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import OutboxMessage

logger = logging.getLogger(__name__)

HANDLERS: dict[str, Callable[[dict], None]] = {}
MAX_ATTEMPTS = 8


def handler(kind: str):
    """Registers the function that performs the side effect of `kind`; it must be safe to run again."""

    def register(function):
        HANDLERS[kind] = function
        return function

    return register


PRIVATE = "_private"


def enqueue(kind: str, payload: dict, *, private: bool = False) -> OutboxMessage:
    """Writes the message in the current transaction; a worker gets it once the transaction commits. A `private`
    message's payload (a person's words) is kept only until it is delivered (see `deliver`)."""
    message = OutboxMessage.objects.create(kind=kind, payload={**payload, PRIVATE: True} if private else payload)
    transaction.on_commit(lambda: _dispatch(message.pk))
    return message


def enqueue_many(kind: str, payloads: list[dict]) -> list[int]:
    """Many messages of one kind in one INSERT (a beat's digests): a worker gets them in one task on commit."""
    messages = OutboxMessage.objects.bulk_create([OutboxMessage(kind=kind, payload=p) for p in payloads])
    ids = [message.pk for message in messages]
    if ids:
        transaction.on_commit(lambda: _dispatch_many(ids))
    return ids


def _dispatch_many(message_ids: list[int]) -> None:
    from .tasks import deliver_outbox_messages

    try:
        deliver_outbox_messages.delay(message_ids)
    except Exception:  # the broker is down: the rows stay pending and the sweep delivers them later
        logger.warning("%s outbox messages not queued (broker unavailable); the sweep will retry", len(message_ids))


def _dispatch(message_id: int) -> None:
    from .tasks import deliver_outbox_message

    try:
        deliver_outbox_message.delay(message_id)
    except Exception:  # the broker is down: the row stays pending and the sweep delivers it later
        logger.warning("Outbox message %s not queued (broker unavailable); the sweep will retry", message_id)


def deliver(message_id: int, *, claimant: str = "") -> str:
    """Performs one message's side effect. Returns what happened, for logs and tests.

    The claim is a short transaction of its own, so a long side effect (a PDF build) holds no lock and shows its
    progress; a claim older than the lease belongs to a worker that died, and may be taken again. `claimant` is the
    Celery task's id: a task run again after its process died takes its own claim over at once.
    """
    now = timezone.now()
    lease_expired = now - timedelta(seconds=settings.OUTBOX_LEASE)
    claimable = Q(status=OutboxMessage.Status.PENDING) | Q(
        status=OutboxMessage.Status.DELIVERING, claimed_at__lt=lease_expired
    )
    if claimant:
        claimable |= Q(status=OutboxMessage.Status.DELIVERING, claimed_by=claimant)
    claimed = OutboxMessage.objects.filter(claimable, pk=message_id).update(
        status=OutboxMessage.Status.DELIVERING, claimed_at=now, claimed_by=claimant, attempts=F("attempts") + 1
    )
    if not claimed:
        return "skipped"  # already sent, or being delivered by another worker right now
    message = OutboxMessage.objects.get(pk=message_id)
    payload = {key: value for key, value in message.payload.items() if key != PRIVATE}
    try:
        HANDLERS[message.kind](payload)
    except Exception as error:  # any failure is recorded on the row; the sweep retries it
        failed = message.attempts >= MAX_ATTEMPTS
        OutboxMessage.objects.filter(pk=message_id).update(
            status=OutboxMessage.Status.FAILED if failed else OutboxMessage.Status.PENDING,
            last_error=f"{error.__class__.__name__}: {error}"[:2000],
        )
        logger.exception("Outbox message %s (%s) failed", message.pk, message.kind)
        return "failed"
    sent = {"status": OutboxMessage.Status.SENT, "sent_at": timezone.now()}
    if message.payload.get(PRIVATE):
        sent["payload"] = {PRIVATE: True, "redacted": True}  # delivered: nothing of what was written is kept
    OutboxMessage.objects.filter(pk=message_id).update(**sent)
    return "sent"


def sweep() -> int:
    """Queues again every message still pending after the retry delay, and every claim whose lease ran out."""
    now = timezone.now()
    retry = now - timedelta(seconds=settings.OUTBOX_RETRY_AFTER)
    lease_expired = now - timedelta(seconds=settings.OUTBOX_LEASE)
    ids = list(
        OutboxMessage.objects.filter(
            Q(status=OutboxMessage.Status.PENDING, created_at__lt=retry)
            | Q(status=OutboxMessage.Status.DELIVERING, claimed_at__lt=lease_expired)
        ).values_list("pk", flat=True)[:1000]
    )
    for message_id in ids:
        _dispatch(message_id)
    return len(ids)


def stuck(older_than: timedelta = timedelta(minutes=15)):
    """Messages the secretariat should look at: failed, or pending for longer than `older_than`."""
    cutoff = timezone.now() - older_than
    return OutboxMessage.objects.filter(status=OutboxMessage.Status.FAILED) | OutboxMessage.objects.filter(
        status=OutboxMessage.Status.PENDING, created_at__lt=cutoff
    )


@handler("email")
def _send_email(payload: dict) -> None:
    from .notifications import render_and_send

    render_and_send(**payload)


@handler("email.rendered")
def _send_rendered_email(payload: dict) -> None:
    from django.core.mail import send_mail

    send_mail(payload["subject"], payload["body"], settings.DEFAULT_FROM_EMAIL, payload["recipients"])
