from django.db import models


class OutboxMessage(models.Model):
    """A side effect of a change (an e-mail, a profile build, a digest), written in the change's own transaction.

    A worker claims it by id for a lease (`OUTBOX_LEASE` seconds), performs it outside any transaction and marks it
    sent; the beat's sweep hands pending ones, and claims whose worker died, to a worker again, so a dead worker or
    broker only delays it. Two workers never hold the same claim, so a message is not sent twice by accident.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "pending"
        DELIVERING = "delivering", "delivering"
        SENT = "sent", "sent"
        FAILED = "failed", "failed"

    kind = models.CharField(max_length=50)
    payload = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    # The Celery task that claimed it: if that task runs again, the process that held the claim died (the broker only
    # hands a task back once its worker is lost), and the new run may take the claim over before the lease ends.
    claimed_by = models.CharField(max_length=64, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [
            models.Index(fields=["created_at"], name="outbox_pending_idx", condition=models.Q(status="pending")),
        ]

    def __str__(self):
        return f"{self.kind} #{self.pk} ({self.status})"


class Heartbeat(models.Model):
    """The last time a periodic process (the Celery beat) showed it is alive; `/healthz` reports it."""

    name = models.CharField(max_length=50, primary_key=True)
    at = models.DateTimeField()

    def __str__(self):
        return f"{self.name} at {self.at:%Y-%m-%d %H:%M:%S}"
