from django.db import models
from django.utils.translation import gettext_lazy as _


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


# Statuses whose scores count for the peer groups (rule 7: validated, and published after it).
VALIDATED_STATUSES = (AssessmentStatus.VALIDATED, AssessmentStatus.PUBLISHED)

# By convention the choice that says "we do not know" carries this code; the secretariat's view counts it.
DONT_KNOW = "dont_know"


class PeerGroup(models.TextChoices):
    NETWORK = "network", _("All cities of the network")
    POPULATION_BAND = "population_band", _("Cities of the same size")
    DIVERSITY_BAND = "diversity_band", _("Cities with a similar foreign-born share")
    COUNTRY = "country", _("Cities of the same country")
