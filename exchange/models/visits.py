from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import VisitStatus


class VisitRequest(models.Model):
    """A city asks another to host a study visit on a field of action (seed 004: a visit to "a fellow city which has
    compelling experience or advantage in an area which the member city seeks to develop"). The host accepts or
    declines; the secretariat turns an accepted request into an event."""

    requesting_city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="visit_requests_sent", verbose_name=_("requesting city")
    )
    host_city = models.ForeignKey(
        "cities.City", on_delete=models.CASCADE, related_name="visit_requests_received", verbose_name=_("host city")
    )
    field = models.ForeignKey(
        "goodpractices.FieldOfAction", on_delete=models.PROTECT, related_name="+", verbose_name=_("field of action")
    )
    practices = models.ManyToManyField(
        "goodpractices.GoodPractice", blank=True, related_name="+", verbose_name=_("practices that prompted it")
    )
    message = models.TextField(_("what we would like to learn"), max_length=2000)
    period = models.CharField(_("when"), max_length=100, blank=True, help_text=_('In words, e.g. "spring 2026".'))
    status = models.CharField(
        _("status"), max_length=20, choices=VisitStatus.choices, default=VisitStatus.REQUESTED, db_index=True
    )
    answer = models.TextField(_("answer"), max_length=2000, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    event = models.OneToOneField(
        "events.Event",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visit_request",
        verbose_name=_("event"),
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("study-visit request")
        verbose_name_plural = _("study-visit requests")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(requesting_city=models.F("host_city")), name="visit_request_other_city"
            )
        ]

    def __str__(self):
        return f"{self.requesting_city} → {self.host_city}: {self.field}"

    @property
    def city(self):
        """The host: its coordinators answer (the workflow's rules ask for `city`)."""
        return self.host_city
