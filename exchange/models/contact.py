from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import ContactRoute


class ContactMessage(models.Model):
    """A message relayed from a city page: who wrote, to which city, where it went and when — never the text, which
    exists only in the e-mail. The secretariat reads this record; the rate limit counts it."""

    city = models.ForeignKey("cities.City", on_delete=models.CASCADE, related_name="+", verbose_name=_("city"))
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sender_email = models.EmailField(_("sender"))
    # A keyed hash of the sender's network address: enough to count a flood, not to find anyone.
    sender_address = models.CharField(max_length=64, blank=True, db_index=True)
    routed_to = models.CharField(_("sent to"), max_length=20, choices=ContactRoute.choices)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("relayed message")
        verbose_name_plural = _("relayed messages")
        ordering = ["-sent_at", "-id"]
        indexes = [models.Index(fields=["sender_email", "sent_at"], name="contact_sender_sent")]

    def __str__(self):
        return f"{self.sender_email} → {self.city} ({self.get_routed_to_display()})"
