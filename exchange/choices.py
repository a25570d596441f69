from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewStatus(models.TextChoices):
    """The states of what a city posts and the secretariat reviews: news and follow-ups of practices."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for changes")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


class VisitStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    SCHEDULED = "scheduled", _("Scheduled as an event")


class ContactRoute(models.TextChoices):
    """Where a message written on a city page goes: its coordinators (from a coordinator or the secretariat), or the
    secretariat, which forwards what the public writes."""

    COORDINATORS = "coordinators", _("The city's coordinators")
    SECRETARIAT = "secretariat", _("The secretariat")


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
