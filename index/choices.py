from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class QuestionKind(models.TextChoices):
    YES_NO = "yes_no", _("Yes / no")
    SINGLE = "single", _("One choice")
    MULTIPLE = "multiple", _("Several choices")
    NUMBER = "number", _("Number")
    PERCENT = "percent", _("Percentage")
    TEXT = "text", _("Text")


CHOICE_KINDS = {QuestionKind.YES_NO, QuestionKind.SINGLE, QuestionKind.MULTIPLE}
BAND_KINDS = {QuestionKind.NUMBER, QuestionKind.PERCENT}


class DataKind(models.TextChoices):
    """The Index mixes facts (mostly figures), inputs (policies, structures) and impacts (attitudes, behaviour)."""

    FACT = "fact", _("Fact")
    INPUT = "input", _("Input")
    IMPACT = "impact", _("Impact")


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    VALIDATED = "validated", _("Validated")
    PUBLISHED = "published", _("Published")


class AssessmentEventKind(models.TextChoices):
    """The steps of an assessment's history (`AssessmentEvent.action`), named as the desk's history shows them."""

    CREATED = "created", pgettext_lazy("assessment history", "started")
    SUBMITTED = "submitted", pgettext_lazy("assessment history", "submitted")
    RETURNED = "returned", pgettext_lazy("assessment history", "returned to the city")
    VALIDATED = "validated", pgettext_lazy("assessment history", "validated")
    PUBLISHED = "published", pgettext_lazy("assessment history", "published")
    OVERRIDE = "override", pgettext_lazy("assessment history", "points overridden")
    OPTIONAL_AREAS = "optional_areas", pgettext_lazy("assessment history", "optional areas changed")


# Statuses whose scores count for the peer groups (rule 7: validated, and published after it).
VALIDATED_STATUSES = (AssessmentStatus.VALIDATED, AssessmentStatus.PUBLISHED)

# By convention the choice that says "we do not know" carries this code; the secretariat's view counts it.
DONT_KNOW = "dont_know"


class PeerGroup(models.TextChoices):
    """The four peer groups of rule 7, in the order of `scoring.PEER_GROUPS` (the one list; a test holds them equal)."""

    NETWORK = "network", _("All cities of the network")
    POPULATION_BAND = "population_band", _("Cities of the same size")
    DIVERSITY_BAND = "diversity_band", _("Cities with a similar foreign-born share")
    COUNTRY = "country", _("Cities of the same country")
