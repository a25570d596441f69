from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Frequency


class SavedSearchQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)


class SavedSearch(models.Model):
    """A search of the public good-practice database that a reader keeps, with an e-mail digest of the practices and
    news published since the last one. A public subscriber confirms the address first (double opt-in)."""

    email = models.EmailField(_("e-mail"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    # The filters as the public page's query string holds them ({"field": "3", "q": "housing"}), checked by its
    # FilterSet when saved and each time a digest is built.
    query = models.JSONField(_("filters"), default=dict)
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    language = models.CharField(_("language"), max_length=5, default="en")
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # The next digest holds what was published after this moment; each digest moves it to when it was built.
    covered_until = models.DateTimeField(null=True, blank=True)
    last_sent_at = models.DateTimeField(_("last digest"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SavedSearchQuerySet.as_manager()

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["frequency", "covered_until"], name="savedsearch_due")]

    def __str__(self):
        return self.name or self.email
