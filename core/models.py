from django.db import models


class OutboxMessage(models.Model):
    """A side effect of a change (an e-mail, a profile build, a digest), written in the change's own transaction.

    A worker delivers it by id and marks it sent; the beat's sweep hands pending ones to a worker again, so a dead
    worker or broker only delays it. A message is locked while it is delivered, so two workers never send it twice.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "pending"
        SENT = "sent", "sent"
        FAILED = "failed", "failed"

    kind = models.CharField(max_length=50)
    payload = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
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
