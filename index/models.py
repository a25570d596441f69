"""The ICC Index: editions of the questionnaire, and the assessments cities make with them.

An edition (e.g. "ICC-2019") is the versioned questionnaire: groups, areas, questions, choices and bands,
exactly as the contract's edition file describes them. It is frozen once a city has used it.
An assessment is one city's answers to one edition in one year (a "wave").
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import AssessmentEventKind, AssessmentStatus, DataKind, QuestionKind


class IndexEdition(models.Model):
    """A version of the Index questionnaire. Assessments point to it, so it never changes once used."""

    code = models.SlugField(_("code"), max_length=40, unique=True, help_text=_('For example "ICC-2019".'))
    title = models.CharField(_("title"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Index edition")
        verbose_name_plural = _("Index editions")
        ordering = ["-created_at", "code"]

    def __str__(self):
        return self.code

    @property
    def is_frozen(self) -> bool:
        """Used by at least one assessment: its questions and points may no longer change."""
        return self.assessments.exists()


class IndexGroup(models.Model):
    """A group of areas scored together, such as "the city through an intercultural lens"."""

    edition = models.ForeignKey(IndexEdition, on_delete=models.CASCADE, related_name="groups")
    code = models.SlugField(_("code"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("group of areas")
        verbose_name_plural = _("groups of areas")
        ordering = ["edition", "position"]
        constraints = [models.UniqueConstraint(fields=["edition", "code"], name="index_group_code_unique_in_edition")]

    def __str__(self):
        return f"{self.edition.code} {self.code}"


class IndexArea(models.Model):
    """A policy area of the Index (Commitment, Education, …); Participation and Interaction are optional."""

    edition = models.ForeignKey(IndexEdition, on_delete=models.CASCADE, related_name="areas")
    code = models.SlugField(_("code"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    optional = models.BooleanField(_("optional"), default=False)
    group = models.ForeignKey(
        IndexGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="areas", verbose_name=_("group")
    )
    weight = models.FloatField(_("weight"), default=1, validators=[MinValueValidator(0)])
    fields_of_action = models.ManyToManyField(
        "goodpractices.FieldOfAction", blank=True, related_name="index_areas", verbose_name=_("fields of action")
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("Index area")
        verbose_name_plural = _("Index areas")
        ordering = ["edition", "position"]
        constraints = [models.UniqueConstraint(fields=["edition", "code"], name="index_area_code_unique_in_edition")]

    def __str__(self):
        return self.title


class Question(models.Model):
    """A question of an edition. Its code may carry over to a later edition, which lets progress be followed."""

    edition = models.ForeignKey(IndexEdition, on_delete=models.CASCADE, related_name="questions")
    area = models.ForeignKey(IndexArea, on_delete=models.CASCADE, related_name="questions")
    code = models.CharField(_("code"), max_length=60)
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    data_kind = models.CharField(_("data kind"), max_length=10, choices=DataKind.choices, default=DataKind.INPUT)
    weight = models.FloatField(_("weight"), default=1, validators=[MinValueValidator(0)])
    text = models.TextField(_("question"))
    example = models.TextField(_("example of a full-marks answer"), blank=True)
    max_points = models.FloatField(
        _("maximum points"), null=True, blank=True, help_text=_("Several choices only: a cap on the summed points.")
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["edition", "area__position", "position"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="index_question_code_unique_in_edition")
        ]

    def __str__(self):
        return self.code


class Choice(models.Model):
    """An answer a yes/no, single or multiple question offers, with its points."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    code = models.CharField(_("code"), max_length=40)
    label = models.CharField(_("label"), max_length=300)
    points = models.FloatField(_("points"), default=0)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["question", "position"]
        constraints = [models.UniqueConstraint(fields=["question", "code"], name="index_choice_code_unique")]

    def __str__(self):
        return f"{self.code}: {self.label}"


class Band(models.Model):
    """A range of a number or percent answer and its points: min inclusive, max exclusive (none = no upper end)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="bands")
    min = models.FloatField(_("from"))
    max = models.FloatField(_("below"), null=True, blank=True)
    points = models.FloatField(_("points"), default=0)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("band")
        verbose_name_plural = _("bands")
        ordering = ["question", "position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(max__isnull=True) | Q(max__gt=models.F("min")), name="index_band_ordered"
            )
        ]

    def __str__(self):
        return f"[{self.min}, {self.max if self.max is not None else '∞'}) → {self.points}"


class Assessment(models.Model):
    """A city's answers to an edition in one year: one wave of the Index, repeated every two to three years."""

    city = models.ForeignKey("cities.City", on_delete=models.CASCADE, related_name="index_assessments")
    edition = models.ForeignKey(IndexEdition, on_delete=models.PROTECT, related_name="assessments")
    year = models.PositiveSmallIntegerField(_("year (wave)"))
    status = models.CharField(
        _("status"), max_length=12, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    optional_areas = models.ManyToManyField(
        IndexArea, blank=True, related_name="+", verbose_name=_("optional areas taken")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    validated_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    # Scores stored unrounded when the secretariat validates (and after every override), so peer groups
    # read one number per city instead of recomputing every city's answers.
    core = models.FloatField(_("core index"), null=True, blank=True)
    extended = models.FloatField(_("extended index"), null=True, blank=True)
    area_scores = models.JSONField(_("area scores"), default=dict, blank=True)
    group_scores = models.JSONField(_("group scores"), default=dict, blank=True)

    class Meta:
        verbose_name = _("Index assessment")
        verbose_name_plural = _("Index assessments")
        ordering = ["-year", "city__name"]
        constraints = [
            models.UniqueConstraint(fields=["city", "edition", "year"], name="one_assessment_per_city_edition_year")
        ]
        indexes = [models.Index(fields=["edition", "status", "year"])]

    def __str__(self):
        return f"{self.city} – {self.edition.code} – {self.year}"

    @property
    def is_draft(self) -> bool:
        return self.status == AssessmentStatus.DRAFT


class AreaAssignment(models.Model):
    """A colleague from a city department asked to answer one area of an assessment."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="assignments")
    area = models.ForeignKey(IndexArea, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="index_assignments")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("area assignment")
        verbose_name_plural = _("area assignments")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "area", "user"], name="one_assignment_per_area_and_user")
        ]

    def __str__(self):
        return f"{self.user} – {self.area}"


def answer_given(prefix: str = "") -> Q:
    """The one definition of "answered": a choice, a number or a text (a comment or a link alone is not an answer).

    `prefix` reaches answers through a relation (`"answers__"`). Services strip texts, so an empty text is "".
    """
    return Q(**{f"{prefix}value__isnull": False}) | ~Q(**{f"{prefix}choices": []}) | ~Q(**{f"{prefix}text": ""})


class AnswerQuerySet(models.QuerySet):
    def given(self):
        return self.filter(answer_given())


class Answer(models.Model):
    """The city's answer to one question, with who gave it, a comment and a link to the evidence.

    The secretariat may override the points with a written reason; the original answer stays as given.
    """

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    choices = ArrayField(models.CharField(max_length=40), default=list, blank=True, verbose_name=_("choices"))
    value = models.FloatField(_("value"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)
    comment = models.TextField(_("comment"), blank=True)
    evidence_url = models.URLField(_("evidence link"), max_length=500, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    override_points = models.FloatField(_("points set by the secretariat"), null=True, blank=True)
    override_reason = models.TextField(_("reason for the override"), blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    overridden_at = models.DateTimeField(null=True, blank=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "question"], name="one_answer_per_assessment_question"),
            models.CheckConstraint(
                condition=Q(override_points__isnull=True) | ~Q(override_reason=""),
                name="index_override_needs_a_reason",
            ),
        ]

    def __str__(self):
        return f"{self.assessment} {self.question.code}"

    @property
    def is_given(self) -> bool:
        """`answer_given` for an answer in hand."""
        return bool(self.choices) or self.value is not None or bool(self.text)


class AssessmentEvent(models.Model):
    """The assessment's history: created, submitted, returned with comments, validated, published, overrides."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=20, choices=AssessmentEventKind.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("assessment event")
        verbose_name_plural = _("assessment events")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.action} ({self.at:%Y-%m-%d})"
