import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from goodpractices.choices import PracticeLanguage

from ..choices import ReviewStatus
from .review import Reviewed, ReviewStep

MAX_SUMMARY = 500


def _image_path(instance, filename: str) -> str:
    # A random name: what the uploader called the file never becomes a path on disk.
    return f"news/{uuid.uuid4().hex}"


class NewsQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ReviewStatus.PUBLISHED)


class News(Reviewed):
    """News from a member city for the network's newsroom: an initiative, a meeting, a result (seed 001: "initiatives
    and meetings (to be published as news)"). Written by the city's coordinators, published by the secretariat."""

    city = models.ForeignKey("cities.City", on_delete=models.PROTECT, related_name="news", verbose_name=_("city"))
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=MAX_SUMMARY, help_text=_("Two or three sentences, plain text."))
    body = models.TextField(_("text"), blank=True)
    fields_of_action = models.ManyToManyField(
        "goodpractices.FieldOfAction", blank=True, related_name="news", verbose_name=_("fields of action")
    )
    date = models.DateField(_("date"), help_text=_("When it happened, or will happen."))
    language = models.CharField(
        _("language"), max_length=5, choices=PracticeLanguage.choices, default=PracticeLanguage.EN
    )
    image = models.FileField(_("image"), upload_to=_image_path, max_length=200, blank=True)
    image_type = models.CharField(max_length=30, blank=True, editable=False)
    image_alt = models.CharField(
        _("image description"), max_length=200, blank=True, help_text=_("What the image shows, for screen readers.")
    )

    objects = NewsQuerySet.as_manager()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["status", "-published_at"], name="news_status_published")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("exchange:news-detail", kwargs={"pk": self.pk})

    def missing_fields(self) -> list[str]:
        """What the secretariat needs before it can review the news."""
        return [
            str(label) for name, label in [("title", _("title")), ("summary", _("summary"))] if not getattr(self, name)
        ]


class NewsStep(ReviewStep):
    news = models.ForeignKey(News, on_delete=models.CASCADE, related_name="steps")

    class Meta(ReviewStep.Meta):
        verbose_name = _("news review step")
        verbose_name_plural = _("news review steps")
