from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    """The kinds of event the ICC programme runs (annual report 2017, seed 003)."""

    STUDY_VISIT = "study_visit", _("Study visit")
    THEMATIC_SEMINAR = "thematic_seminar", _("Thematic seminar")
    COORDINATORS_MEETING = "coordinators_meeting", _("Coordinators' meeting")
    POLICY_LAB = "policy_lab", _("Policy lab")
    TRAINING = "training", _("Training")
    ACADEMY = "academy", _("Academy")
    EXPERT_VISIT = "expert_visit", _("Expert visit")
    CONFERENCE = "conference", _("Conference")
    WEBINAR = "webinar", _("Webinar")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CLOSED = "closed", _("Registration closed")
    CANCELLED = "cancelled", _("Cancelled")


# What the public sees: an event once published, whatever happened to it since.
PUBLIC_STATUSES = (EventStatus.PUBLISHED, EventStatus.CLOSED, EventStatus.CANCELLED)


class Audience(models.TextChoices):
    """Who may register people for an event."""

    MEMBERS = "members", _("All member cities")
    NETWORK = "network", _("The cities of a national network")
    INVITED = "invited", _("Invited cities")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


ACTIVE_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


class Gender(models.TextChoices):
    """As the annual report counts participants (121 men / 149 women), with room for everyone else."""

    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Another gender")
    NOT_SAID = "not_said", _("Prefers not to say")


class DocumentKind(models.TextChoices):
    """An event's documents: the programme before it, the report and the conclusions after."""

    PROGRAMME = "programme", _("Programme")
    REPORT = "report", _("Report")
    CONCLUSIONS = "conclusions", _("Conclusions")


class RegistrationAction(models.TextChoices):
    """The steps a registration goes through, kept with who and why (the secretariat's desk shows them)."""

    REGISTERED = "registered", _("Registered")
    PROMOTED = "promoted", _("Promoted from the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    MOVED = "moved", _("Moved to another event")
