from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import ReviewStatus
from .review import Reviewed, ReviewStep


class Adoption(models.Model):
    """ "We adapted this": another city says it took up a published practice, linking its own when it has one."""

    practice = models.ForeignKey(
        "goodpractices.GoodPractice", on_delete=models.CASCADE, related_name="adoptions", verbose_name=_("practice")
    )
    city = models.ForeignKey("cities.City", on_delete=models.CASCADE, related_name="adoptions", verbose_name=_("city"))
    own_practice = models.ForeignKey(
        "goodpractices.GoodPractice",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adapted_from",
        verbose_name=_("our own practice"),
    )
    note = models.TextField(_("what we changed"), max_length=1000, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["practice", "city"], name="one_adoption_per_city")]

    def __str__(self):
        return f"{self.city} ← {self.practice}"


class FollowUpQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ReviewStatus.PUBLISHED)


class FollowUp(Reviewed):
    """What happened next: the owning city's dated update on one of its practices, reviewed like news."""

    practice = models.ForeignKey(
        "goodpractices.GoodPractice", on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("practice")
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("what happened next"), max_length=5000)
    date = models.DateField(_("date"))

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["practice", "status", "date"], name="followup_practice_status")]

    def __str__(self):
        return self.title

    @property
    def city(self):
        """The practice's city: its coordinators write the follow-up (the workflow's rules ask for `city`)."""
        return self.practice.city

    def get_absolute_url(self):
        return self.practice.get_absolute_url() + f"#follow-up-{self.pk}"

    def missing_fields(self) -> list[str]:
        return [str(label) for name, label in [("title", _("title")), ("body", _("text"))] if not getattr(self, name)]


class FollowUpStep(ReviewStep):
    follow_up = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="steps")

    class Meta(ReviewStep.Meta):
        verbose_name = _("follow-up review step")
        verbose_name_plural = _("follow-up review steps")
