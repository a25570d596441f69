from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import DocumentStatus, ProfileLanguage


class Profile(models.Model):
    """A city's intercultural profile: the analytical report a mayor reads and an expert visit discusses.

    `published` makes its documents public; `stale_since` says that what it shows changed since the last build
    (the beat rebuilds it once, however many changes arrived meanwhile).
    """

    city = models.OneToOneField("cities.City", on_delete=models.CASCADE, related_name="profile")
    published = models.BooleanField(_("public"), default=False)
    stale_since = models.DateTimeField(null=True, blank=True)
    # The fields of action of the practices recommended in the last build: a practice published there changes it.
    watch_fields = ArrayField(models.CharField(max_length=10), default=list, blank=True)

    class Meta:
        verbose_name = _("intercultural profile")
        verbose_name_plural = _("intercultural profiles")

    def __str__(self):
        return str(self.city)


class ProfileDocument(models.Model):
    """One built edition of a profile in one language. Every edition is kept ("previous editions"); readers get
    the newest ready one, so a build in progress never replaces a complete PDF with a partial one."""

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="documents")
    language = models.CharField(max_length=2, choices=ProfileLanguage.choices, default=ProfileLanguage.EN)
    status = models.CharField(max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.QUEUED)
    error = models.TextField(blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    requested_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    built_at = models.DateTimeField(null=True, blank=True)
    file = models.FileField(upload_to="profiles/", blank=True)
    size = models.PositiveIntegerField(null=True, blank=True)
    checksum = models.CharField(max_length=64, blank=True)
    pages = models.PositiveSmallIntegerField(null=True, blank=True)
    timings = models.JSONField(default=dict, blank=True)
    batch = models.CharField(max_length=12, blank=True, db_index=True)
    snapshot = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        indexes = [models.Index(fields=["profile", "language", "status"])]

    def __str__(self):
        return f"{self.profile} ({self.language}, {self.status})"
