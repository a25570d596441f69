from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .choices import PracticeArea, PracticeLanguage, PracticeStatus, PracticeType, TargetGroup
from .search import EXACT_VECTOR_SQL, MATCH_VECTOR_SQL, RANK_VECTOR_SQL, SEARCH_VECTOR_SQL, TITLE_VECTOR_SQL

# Maximum lengths of the template's text (characters). The guide asks for "one or two sentences" of main purpose and
# short, concise sections; 10,000 characters is about three pages. Together they keep the weighted search vector far
# below PostgreSQL's 1 MB limit for a tsvector (0.9 MB of text in one field was a 500). Forms and the API say so.
SUMMARY_MAX_LENGTH = 1_000
SECTION_MAX_LENGTH = 10_000
REFERENCES_MAX_LENGTH = 5_000

MONTH = RegexValidator(r"^\d{4}-(0[1-9]|1[0-2])$", _("Use the form YYYY-MM, e.g. 2021-01."))
MAX_VERSION = 2_147_483_647  # the largest PostgreSQL integer: a version posted beyond it names no version


class FieldOfAction(models.Model):
    """One of the 16 fields of action of the ICC good-practice guide (1–16), or one of its sub-fields
    (3a–3c, 7a–7c, 9a, 14a–14c). A practice has one main field and may have secondary ones."""

    code = models.CharField(_("code"), max_length=4, unique=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("parent")
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("field of action")
        verbose_name_plural = _("fields of action")
        ordering = ["position"]

    def __str__(self):
        return f"{self.code}. {self.name}"


# The search vectors: kilobytes a row that the queries use in SQL and no page or answer shows.
VECTOR_COLUMNS = ("search_vector", "title_vector", "match_vector", "rank_vector", "exact_vector")
# The template's long sections: only the practice's own page, its PDF and the exports show them.
LONG_SECTIONS = ("purpose", "stimulus", "process", "impact", "references")


class GoodPracticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PracticeStatus.PUBLISHED)

    def without_vectors(self):
        return self.defer(*VECTOR_COLUMNS)

    def summaries(self):
        """What a result card or a link shows: no long section, no vector."""
        return self.defer(*LONG_SECTIONS, *VECTOR_COLUMNS)

    def for_cities(self, city_ids):
        return self.filter(city_id__in=city_ids)


class GoodPractice(models.Model):
    """A good practice reported by a member city through the ICC reporting template: contact details,
    the action, and its description (purpose, stimulus/rationale, process, impact, key references).
    The template's fields (sections, kinds, labels, what is required) are declared in `template.py`."""

    # Contact details
    city = models.ForeignKey(
        "cities.City", on_delete=models.PROTECT, related_name="good_practices", verbose_name=_("city")
    )
    department = models.CharField(_("department"), max_length=200, blank=True)
    form_date = models.DateField(_("date of completing the form"), null=True, blank=True)
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    # The action
    title = models.CharField(_("title"), max_length=255, blank=True)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    main_field = models.ForeignKey(
        FieldOfAction,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="main_practices",
        verbose_name=_("main field of action"),
    )
    secondary_fields = models.ManyToManyField(
        FieldOfAction, blank=True, related_name="secondary_practices", verbose_name=_("secondary fields of action")
    )
    main_purpose = models.TextField(_("main purpose"), max_length=SUMMARY_MAX_LENGTH, blank=True)
    period_start = models.CharField(_("start (month)"), max_length=7, blank=True, validators=[MONTH])
    period_end = models.CharField(_("end (month)"), max_length=7, blank=True, validators=[MONTH])
    period_text = models.CharField(
        _("implementation period"), max_length=200, blank=True, help_text=_('In words, e.g. "12 months".')
    )

    # Description of the action
    purpose = models.TextField(_("purpose"), max_length=SECTION_MAX_LENGTH, blank=True)
    stimulus = models.TextField(_("stimulus / rationale"), max_length=SECTION_MAX_LENGTH, blank=True)
    process = models.TextField(_("process"), max_length=SECTION_MAX_LENGTH, blank=True)
    impact = models.TextField(_("impact"), max_length=SECTION_MAX_LENGTH, blank=True)
    references = models.TextField(_("key reference documents"), max_length=REFERENCES_MAX_LENGTH, blank=True)
    reference_links = ArrayField(
        models.URLField(max_length=500), default=list, blank=True, verbose_name=_("reference links")
    )

    # Facets of the catalogue card
    target_groups = ArrayField(
        models.CharField(max_length=30, choices=TargetGroup.choices),
        default=list,
        blank=True,
        verbose_name=_("target groups"),
    )
    practice_types = ArrayField(
        models.CharField(max_length=30, choices=PracticeType.choices),
        default=list,
        blank=True,
        verbose_name=_("types of practice"),
    )
    areas = ArrayField(
        models.CharField(max_length=30, choices=PracticeArea.choices), default=list, blank=True, verbose_name=_("areas")
    )
    language = models.CharField(
        _("language of the text"), max_length=5, choices=PracticeLanguage.choices, default=PracticeLanguage.EN
    )
    available_languages = ArrayField(
        models.CharField(max_length=5, choices=PracticeLanguage.choices),
        default=list,
        blank=True,
        verbose_name=_("available in"),
    )

    # Workflow
    status = models.CharField(
        _("status"), max_length=20, choices=PracticeStatus.choices, default=PracticeStatus.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # An edit of a published practice is a separate draft that goes through review while the published
    # practice stays online; publishing it copies its text onto this original (see services.practice_revise).
    revision_of = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pending_revisions",
        verbose_name=_("new version of"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, help_text=_("The year the action started, else the year published.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic locking: a save must name the version it started from (two editors never overwrite silently).
    version = models.PositiveIntegerField(default=1)

    # Search data, computed by PostgreSQL whatever writes the row (services, admin, bulk loads): see docs/search.md.
    # The weighted full-text vector (title A, main purpose B, purpose and impact C, stimulus and process D) in the
    # practice's language, and a small title-only vector that finds the strongest candidates cheaply.
    search_vector = models.GeneratedField(
        expression=RawSQL(SEARCH_VECTOR_SQL, ()), output_field=SearchVectorField(), db_persist=True
    )
    title_vector = models.GeneratedField(
        expression=RawSQL(TITLE_VECTOR_SQL, ()), output_field=SearchVectorField(), db_persist=True
    )
    # Every word without positions (matching: GIN-indexed, inline), migration 0007.
    match_vector = models.GeneratedField(
        expression=RawSQL(MATCH_VECTOR_SQL, ()), output_field=SearchVectorField(), db_persist=True
    )
    # Small ranking vectors, stored inline (migration 0006): title A + main purpose B, stemmed in the practice's
    # language and as exact word forms ('simple'); ranking reads these, never the long TOASTed search_vector.
    rank_vector = models.GeneratedField(
        expression=RawSQL(RANK_VECTOR_SQL, ()), output_field=SearchVectorField(), db_persist=True
    )
    exact_vector = models.GeneratedField(
        expression=RawSQL(EXACT_VECTOR_SQL, ()), output_field=SearchVectorField(), db_persist=True
    )
    # The city's country, kept by a trigger (migration 0006) so that field + country is one index scan.
    country_code = models.CharField(max_length=2, blank=True, default="", editable=False)
    # Codes of the main and secondary fields and of their parents, kept by a trigger (migration 0003), so that
    # `field=3` is one indexed array test and facet counts need no join.
    field_codes = ArrayField(models.CharField(max_length=4), default=list, blank=True, editable=False)

    objects = GoodPracticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="gp_status_published"),
            models.Index(fields=["city", "status"], name="gp_city_status"),
            # A city's newest published practices (its page, "cities like mine"): without it PostgreSQL walks every
            # published practice newest first looking for the city's, 100,000 rows for a city with none.
            models.Index(
                fields=["city", "-published_at", "-id"],
                condition=models.Q(status="published"),
                name="gp_city_published",
            ),
            # Newest first over every published practice, carrying the columns the filters test and the facets
            # count: a list filtered by year, language, target group, type or field walks it without reading the
            # wide rows (an index-only scan: 10 ms instead of 180 ms for a year at 100,000 practices).
            models.Index(
                fields=["-published_at", "-id"],
                include=[
                    "city",
                    "year",
                    "language",
                    "field_codes",
                    "target_groups",
                    "practice_types",
                    "country_code",
                ],  # fmt: skip
                condition=models.Q(status="published"),
                name="gp_published_facets",
            ),
            models.Index(fields=["status", "title"], name="gp_status_title"),
            GinIndex(fields=["match_vector"], name="gp_match_vector"),
            GinIndex(fields=["title_vector"], name="gp_title_vector"),
            GinIndex(fields=["field_codes"], name="gp_field_codes"),
            # Newest first within a country, carrying the facet columns: the list by country (and field) and its
            # facet counts are an index-only scan, whatever the size of the table.
            models.Index(
                fields=["country_code", "-published_at", "-id"],
                include=["city", "year", "language", "field_codes", "target_groups", "practice_types"],
                condition=models.Q(status="published"),
                name="gp_country_published",
            ),
        ]

    def __str__(self):
        return self.title or str(_("Untitled practice"))  # str(): admin and f-strings need a str, not a lazy one

    def get_absolute_url(self):
        return reverse("goodpractices:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        """Online at its public address."""
        return self.status == PracticeStatus.PUBLISHED

    # (value, label) pairs of the facets, for templates.
    @property
    def target_group_choices(self):
        return _labelled(self.target_groups, TargetGroup)

    @property
    def practice_type_choices(self):
        return _labelled(self.practice_types, PracticeType)

    @property
    def area_choices(self):
        return _labelled(self.areas, PracticeArea)

    @property
    def available_language_choices(self):
        return _labelled(self.available_languages, PracticeLanguage)


def _labelled(values, choices) -> list[tuple[str, str]]:
    labels = dict(choices.choices)
    return [(value, labels[value]) for value in values or [] if value in labels]


class PracticeFacetCount(models.Model):
    """How many published practices each filter option gives when no filter is set (the database's front page).
    Maintained by triggers on the practice and city tables (migration 0003), so it is never stale."""

    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=100)
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["facet", "value"], name="gp_facet_value_unique")]

    def __str__(self):
        return f"{self.facet}={self.value}: {self.count}"


def _reference_file_path(instance, filename: str) -> str:
    # A random name: the original name is kept in the database, never used as a path on disk.
    import uuid

    return f"practices/{uuid.uuid4().hex}"


class PracticeRevision(models.Model):
    """One saved version of a practice's text: every save is kept so that versions can be compared and
    nothing a coordinator typed is ever lost (a save refused by the optimistic lock is kept too)."""

    class Kind(models.TextChoices):
        SAVED = "saved", _("Saved")
        AUTOSAVED = "autosaved", _("Saved automatically")
        IMPORTED = "imported", _("Imported from Word")
        REFUSED = "refused", _("Refused save (someone else saved first)")
        PUBLISHED = "published", _("Published")

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="revisions")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SAVED)
    data = models.JSONField(_("content"))
    version = models.PositiveIntegerField(_("version"), help_text=_("The practice's version this text was saved as."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("saved version")
        verbose_name_plural = _("saved versions")
        ordering = ["-id"]

    def __str__(self):
        return f"{self.practice} v{self.version} ({self.get_kind_display()})"


class PracticeTransition(models.Model):
    """A step of the review workflow (submitted, changes requested, published…): who, when, and why."""

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(_("action"), max_length=30)
    from_status = models.CharField(_("from"), max_length=20, choices=PracticeStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=PracticeStatus.choices)
    comment = models.TextField(_("comment"), blank=True)
    revision = models.ForeignKey(PracticeRevision, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.practice}: {self.from_status} → {self.to_status}"


class PracticeReview(models.Model):
    """The secretariat's assessment of a submission against the six quality criteria of the ICC guide."""

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="reviews")
    transition = models.OneToOneField(
        PracticeTransition, on_delete=models.CASCADE, null=True, blank=True, related_name="review"
    )
    # {criterion code: {"rating": "met" | "partly" | "not_met" | "", "note": str}}
    criteria = models.JSONField(_("quality criteria"), default=dict)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.practice} ({self.created_at:%Y-%m-%d})"


class ReferenceFile(models.Model):
    """A key reference document uploaded with a practice (PDF, Word, OpenDocument or an image), stored under
    MEDIA_ROOT and served only through a view that checks who may see the practice."""

    practice = models.ForeignKey(GoodPractice, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("file"), upload_to=_reference_file_path, max_length=200)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reference file")
        verbose_name_plural = _("reference files")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("practice-file", kwargs={"pk": self.pk, "name": self.name})
