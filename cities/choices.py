from django.db import models
from django.utils.translation import gettext_lazy as _

# Membership criteria of the medium-term strategy 2016-2019.
MIN_POPULATION = 30_000
MIN_DIVERSITY_SHARE = 5


class CityStatus(models.TextChoices):
    CANDIDATE = "candidate", _("Candidate")
    MEMBER = "member", _("Member")
    FORMER = "former", _("Former member")


class PopulationBand(models.TextChoices):
    """The Index's population bands for comparing like with like (contract, scoring rule 7)."""

    SMALL = "lt100k", _("Under 100,000")
    MEDIUM = "100k-200k", _("100,000 – 199,999")
    LARGE = "200k-500k", _("200,000 – 499,999")
    METROPOLIS = "gte500k", _("500,000 and more")


POPULATION_BAND_LIMITS = {
    PopulationBand.SMALL: (0, 100_000),
    PopulationBand.MEDIUM: (100_000, 200_000),
    PopulationBand.LARGE: (200_000, 500_000),
    PopulationBand.METROPOLIS: (500_000, None),
}


class DiversityBand(models.TextChoices):
    """Bands of the foreign-born share of the population (contract, scoring rule 7)."""

    LOW = "lt10", _("Under 10 %")
    MODERATE = "10-15", _("10 – 14.99 %")
    HIGH = "15-20", _("15 – 19.99 %")
    VERY_HIGH = "gte20", _("20 % and more")


DIVERSITY_BAND_LIMITS = {
    DiversityBand.LOW: (0, 10),
    DiversityBand.MODERATE: (10, 15),
    DiversityBand.HIGH: (15, 20),
    DiversityBand.VERY_HIGH: (20, None),
}


def population_band(population: int | None) -> str | None:
    return _band_of(population, POPULATION_BAND_LIMITS)


def diversity_band(share) -> str | None:
    return _band_of(share, DIVERSITY_BAND_LIMITS)


def _band_of(value, limits) -> str | None:
    if value is None:
        return None
    for band, (low, high) in limits.items():
        if value >= low and (high is None or value < high):
            return band.value
    return None
