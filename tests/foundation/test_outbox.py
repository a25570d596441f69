"""The transactional outbox: side effects are rows first; nothing is lost, nothing is sent twice."""

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from core import outbox
from core.models import OutboxMessage
from core.notifications import muted, notify

INVITATION = {
    "city": "Bergen",
    "inviter": "Sofia",
    "email": "x@test.example",
    "role": "coordinator",
    "link": "l",
    "days": 3,
}


def _notify(to="x@test.example"):
    notify(template="invitation", recipients=[to], context=INVITATION)


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_change_leaves_no_message():
    with pytest.raises(RuntimeError), transaction.atomic():
        _notify()
        raise RuntimeError("the change failed")
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_nothing_is_written_while_muted():
    with muted():
        _notify()
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_a_message_is_delivered_once_however_often_it_is_asked(mailoutbox):
    message = OutboxMessage.objects.create(
        kind="email",
        payload={"template": "invitation", "recipients": ["a@t.example"], "context": INVITATION, "language": "en"},
    )
    assert outbox.deliver(message.pk) == "sent"
    assert outbox.deliver(message.pk) == "skipped"
    assert len(mailoutbox) == 1
    message.refresh_from_db()
    assert message.status == "sent" and message.sent_at and message.attempts == 1


@pytest.mark.django_db
def test_a_failing_delivery_is_recorded_and_kept_for_the_sweep(settings):
    settings.EMAIL_BACKEND = "no.such.Backend"
    message = OutboxMessage.objects.create(
        kind="email",
        payload={"template": "invitation", "recipients": ["a@t.example"], "context": INVITATION, "language": "en"},
    )
    assert outbox.deliver(message.pk) == "failed"
    message.refresh_from_db()
    assert message.status == "pending" and message.attempts == 1 and message.last_error
    message.attempts = outbox.MAX_ATTEMPTS - 1
    message.save()
    outbox.deliver(message.pk)
    message.refresh_from_db()
    assert message.status == "failed"
    assert list(outbox.stuck()) == [message]


@pytest.mark.services
def test_a_message_whose_task_was_lost_is_sent_by_the_sweep(celery_worker):
    """As if the broker lost the task (or was down at commit): the row alone is enough."""
    lost = OutboxMessage.objects.create(
        kind="email",
        payload={
            "template": "invitation",
            "recipients": ["lost@test.example"],
            "context": INVITATION,
            "language": "en",
        },
    )
    OutboxMessage.objects.filter(pk=lost.pk).update(created_at=timezone.now() - timedelta(minutes=10))
    assert outbox.sweep() == 1
    [mail] = celery_worker.wait_for_mail(1)
    assert mail["To"] == "lost@test.example"
    lost.refresh_from_db()
    assert lost.status == "sent"


@pytest.mark.services
def test_the_broker_down_at_commit_loses_nothing(celery_worker, settings, monkeypatch):
    from core import tasks

    def broker_down(*args, **kwargs):
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(tasks.deliver_outbox_message, "delay", broker_down)
    _notify("later@test.example")
    message = OutboxMessage.objects.get()
    assert message.status == "pending"
    monkeypatch.undo()
    OutboxMessage.objects.filter(pk=message.pk).update(created_at=timezone.now() - timedelta(minutes=10))
    outbox.sweep()
    [mail] = celery_worker.wait_for_mail(1)
    assert mail["To"] == "later@test.example"


@pytest.mark.django_db
def test_a_claim_is_held_by_one_worker_until_its_lease_runs_out(mailoutbox, settings):
    """A worker that died after claiming a message: nobody else sends it during the lease, the sweep after it."""
    message = OutboxMessage.objects.create(
        kind="email",
        payload={"template": "invitation", "recipients": ["a@t.example"], "context": INVITATION, "language": "en"},
        status=OutboxMessage.Status.DELIVERING,
        claimed_at=timezone.now(),
    )
    assert outbox.deliver(message.pk) == "skipped"
    OutboxMessage.objects.filter(pk=message.pk).update(
        claimed_at=timezone.now() - timedelta(seconds=settings.OUTBOX_LEASE + 1)
    )
    assert outbox.deliver(message.pk) == "sent"
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_a_relayed_message_answers_to_its_sender_and_an_older_row_still_sends(mailoutbox):
    notify(template="invitation", recipients=["to@t.example"], context=INVITATION, reply_to="sender@t.example")
    relayed = OutboxMessage.objects.get()
    assert relayed.payload["reply_to"] == "sender@t.example"
    older = OutboxMessage.objects.create(
        kind="email",
        payload={"template": "invitation", "recipients": ["a@t.example"], "context": INVITATION, "language": "en"},
    )
    assert outbox.deliver(relayed.pk) == "sent" and outbox.deliver(older.pk) == "sent"
    assert mailoutbox[0].reply_to == ["sender@t.example"] and mailoutbox[0].to == ["to@t.example"]
    assert mailoutbox[1].reply_to == []


@pytest.mark.django_db
def test_a_private_message_keeps_its_words_only_until_it_is_delivered(mailoutbox):
    notify(template="invitation", recipients=["to@t.example"], context=INVITATION, private=True)
    message = OutboxMessage.objects.get()
    assert message.payload["context"] == INVITATION
    assert outbox.deliver(message.pk) == "sent"
    message.refresh_from_db()
    assert "context" not in message.payload and message.payload["redacted"]
    assert len(mailoutbox) == 1 and "Bergen" in mailoutbox[0].body


@pytest.mark.django_db
def test_many_messages_are_written_at_once_and_each_is_delivered_once(mailoutbox):
    from core.notifications import notify_many

    written = notify_many(
        template="invitation",
        messages=[{"recipients": [f"r{n}@t.example"], "context": INVITATION} for n in range(3)] + [{"recipients": []}],
    )
    assert written == 3
    ids = list(OutboxMessage.objects.values_list("pk", flat=True))
    assert [outbox.deliver(i) for i in ids] == ["sent"] * 3 and [outbox.deliver(i) for i in ids] == ["skipped"] * 3
    assert sorted(m.to[0] for m in mailoutbox) == ["r0@t.example", "r1@t.example", "r2@t.example"]
    with muted():
        assert notify_many(template="invitation", messages=[{"recipients": ["x@t.example"], "context": {}}]) == 0


def test_a_task_run_again_takes_its_own_claim_over_and_no_other_task_may(db, settings):
    """The broker gives a task back only when the process running it died: the same task id, running again, may
    take the dead claim at once; another task waits for the lease, as before."""
    settings.OUTBOX_LEASE = 3600
    message = outbox.enqueue("email", {"template": "no-such-template"})
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.DELIVERING, claimed_at=timezone.now(), claimed_by="task-1", attempts=1
    )
    assert outbox.deliver(message.pk, claimant="task-2") == "skipped"
    assert outbox.deliver(message.pk) == "skipped"
    outbox.deliver(message.pk, claimant="task-1")
    message.refresh_from_db()
    assert message.attempts == 2 and message.claimed_by == "task-1"
