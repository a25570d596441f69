from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .choices import MIN_DIVERSITY_SHARE, MIN_POPULATION, CityStatus, diversity_band, population_band


class Country(models.Model):
    """A country, by its ISO 3166-1 alpha-2 code."""

    code = models.CharField(
        _("ISO code"), max_length=2, primary_key=True, validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capitals."))]
    )
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]

    def __str__(self):
        return self.name


class NationalNetwork(models.Model):
    """A national intercultural cities network (Italy, Morocco, Norway, Portugal, Spain, Ukraine, …)
    that brings a country's cities together around the ICC approach."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="networks", verbose_name=_("country"))
    lead_city = models.ForeignKey(
        "City", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("lead city")
    )
    coordinator_name = models.CharField(_("coordinator"), max_length=200, blank=True)
    coordinator_email = models.EmailField(_("coordinator's e-mail"), blank=True)

    class Meta:
        verbose_name = _("national network")
        verbose_name_plural = _("national networks")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CityQuerySet(models.QuerySet):
    def public(self):
        """Cities shown in the public directory: members and candidates, not former members."""
        return self.exclude(status=CityStatus.FORMER)

    def in_population_band(self, band: str):
        from .choices import POPULATION_BAND_LIMITS, PopulationBand

        low, high = POPULATION_BAND_LIMITS[PopulationBand(band)]
        condition = Q(population__gte=low)
        if high is not None:
            condition &= Q(population__lt=high)
        return self.filter(condition)

    def in_diversity_band(self, band: str):
        from .choices import DIVERSITY_BAND_LIMITS, DiversityBand

        low, high = DIVERSITY_BAND_LIMITS[DiversityBand(band)]
        condition = Q(foreign_born_share__gte=low)
        if high is not None:
            condition &= Q(foreign_born_share__lt=high)
        return self.filter(condition)


class City(models.Model):
    """A member or candidate city of the Intercultural Cities network."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="cities", verbose_name=_("country"))
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    foreign_born_share = models.DecimalField(
        _("foreign-born share (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Foreign residents, foreign-born people or national minorities, as a share of the population."),
    )
    joined_year = models.PositiveSmallIntegerField(
        _("year joined"), null=True, blank=True, validators=[MinValueValidator(2008), MaxValueValidator(2100)]
    )
    status = models.CharField(_("status"), max_length=20, choices=CityStatus.choices, default=CityStatus.MEMBER)
    national_network = models.ForeignKey(
        NationalNetwork,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cities",
        verbose_name=_("national network"),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("short description"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Membership",
        through_fields=("city", "user"),
        related_name="cities",
        verbose_name=_("members"),
    )

    objects = CityQuerySet.as_manager()

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(foreign_born_share__isnull=True)
                | Q(foreign_born_share__gte=0, foreign_born_share__lte=100),
                name="city_foreign_born_share_is_a_percentage",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cities:detail", kwargs={"slug": self.slug})

    @property
    def population_band(self) -> str | None:
        return population_band(self.population)

    @property
    def diversity_band(self) -> str | None:
        return diversity_band(self.foreign_born_share)

    def membership_warnings(self) -> list[str]:
        """What keeps a candidate from meeting the membership criteria (at least 30,000 inhabitants
        and 5 % foreign residents, foreign-born people or national minorities)."""
        if self.status != CityStatus.CANDIDATE:
            return []
        warnings = []
        if self.population is None:
            warnings.append(_("The population is not known."))
        elif self.population < MIN_POPULATION:
            warnings.append(
                _("%(population)s inhabitants: the membership criteria ask for at least %(minimum)s.")
                % {"population": f"{self.population:,}", "minimum": f"{MIN_POPULATION:,}"}
            )
        if self.foreign_born_share is None:
            warnings.append(_("The foreign-born share is not known."))
        elif self.foreign_born_share < MIN_DIVERSITY_SHARE:
            warnings.append(
                _("%(share)s %% foreign-born: the membership criteria ask for at least %(minimum)s %%.")
                % {"share": self.foreign_born_share, "minimum": MIN_DIVERSITY_SHARE}
            )
        return warnings


class Membership(models.Model):
    """A person's place in a city's team: its ICC coordinator, or a colleague from another department
    who helps fill the Index for the areas they are assigned."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        COLLEAGUE = "colleague", _("Colleague")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.COORDINATOR)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "city"], name="one_membership_per_user_and_city")]

    def __str__(self):
        return f"{self.user} – {self.city} ({self.get_role_display()})"
