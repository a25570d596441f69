from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    UNPUBLISHED = "unpublished", _("Unpublished")


class TargetGroup(models.TextChoices):
    """Target groups of a good-practice card (seed 002)."""

    COUNSELLORS = "counsellors", _("Counsellors")
    INTERESTED_CITIZENS = "interested_citizens", _("Interested citizens")
    SOCIAL_WORKERS = "social_workers", _("Social workers")
    TEACHERS_TRAINERS = "teachers_trainers", _("Teachers / trainers")
    YOUNG_PEOPLE = "young_people", _("Young people")
    YOUTH_WORKERS = "youth_workers", _("Youth workers")
    MUNICIPALITIES = "municipalities", _("Municipalities")
    OTHER = "other", _("Other")


class PracticeType(models.TextChoices):
    """Types of good practice (seed 002)."""

    COUNSELLING = "counselling", _("Counselling")
    INITIATIVE_CAMPAIGN = "initiative_campaign", _("Initiative / campaign")
    NETWORK = "network", _("Network")
    PROGRAMME = "programme", _("Programme")
    PROJECT = "project", _("Project")
    TRAINING_MATERIAL = "training_material", _("Training / learning material")
    WEBSITE_APP = "website_app", _("Website / app")
    OTHER = "other", _("Other")


class PracticeArea(models.TextChoices):
    """Areas of a good practice (seed 002)."""

    EDUCATIONAL = "educational", _("Educational")
    POLITICAL = "political", _("Political")
    RELIGIOUS = "religious", _("Religious")
    SOCIO_CULTURAL = "socio_cultural", _("Socio / cultural")
    OTHER = "other", _("Other")


class PracticeLanguage(models.TextChoices):
    """Languages a practice is written or available in; English and French drive full-text search."""

    EN = "en", _("English")
    FR = "fr", _("French")
    DE = "de", _("German")
    ES = "es", _("Spanish")
    IT = "it", _("Italian")
    PT = "pt", _("Portuguese")
    NO = "no", _("Norwegian")
    OTHER = "other", _("Other")
