"""Where a city could look for ideas: its three weakest Index areas, and for each, published good practices of
other cities in the area's fields of action — cities like it first, then cities that score well in that area.

One selector for the public results page ("Where to look for ideas") and the intercultural profile. The ranking
is a pure function of plain data (`rank_practices`), tested without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from cities.choices import diversity_band, population_band
from core.cache import remember
from goodpractices.models import FieldOfAction, GoodPractice
from goodpractices.selectors import practices_per_city_in_fields

from ..choices import AssessmentStatus
from ..models import Assessment

WEAKEST = 3
PER_AREA = 3


@dataclass(frozen=True)
class CityTraits:
    """What makes two cities alike in the Index's peer groups (and the national network)."""

    city_id: int
    population_band: str | None
    diversity_band: str | None
    country: str | None
    network_id: int | None

    def shared_with(self, other: CityTraits) -> list[str]:
        shared = []
        if self.population_band and self.population_band == other.population_band:
            shared.append("population_band")
        if self.diversity_band and self.diversity_band == other.diversity_band:
            shared.append("diversity_band")
        if self.country and self.country == other.country:
            shared.append("country")
        if self.network_id and self.network_id == other.network_id:
            shared.append("national_network")
        return shared


@dataclass(frozen=True)
class Candidate:
    practice_id: int
    city_id: int
    published_at: object = None


def shared_labels() -> dict[str, str]:
    """What each shared trait reads as, in the current language ("cities like mine" gives the same reasons)."""
    return {
        "population_band": _("a city of similar size"),
        "diversity_band": _("a similar share of foreign-born residents"),
        "country": _("the same country"),
        "national_network": _("the same national network"),
    }


@dataclass
class Recommendation:
    practice: GoodPractice
    shared: list[str]
    area_score: float | None

    @property
    def reasons(self) -> list[str]:
        labels = shared_labels()
        reasons = [str(labels[key]) for key in self.shared]
        if self.area_score is not None:
            reasons.append(_("scores %(score)s in this area") % {"score": number_format(self.area_score, 1)})
        return reasons


@dataclass
class WeakArea:
    code: str
    title: str
    score: float
    weight: float
    recommendations: list[Recommendation] = field(default_factory=list)


def weakest_areas(area_scores: dict[str, float | None], weights: dict[str, float], n: int = WEAKEST) -> list[str]:
    """The `n` lowest-scoring areas; on a tie, the heavier area first (it moves the index more)."""
    scored = [(score, -weights.get(code, 1), code) for code, score in area_scores.items() if score is not None]
    return [code for _score, _weight, code in sorted(scored)[:n]]


def rank_practices(
    candidates: list[Candidate],
    *,
    me: CityTraits,
    traits: dict[int, CityTraits],
    area_scores: dict[int, float],
    limit: int = PER_AREA,
) -> list[tuple[Candidate, list[str]]]:
    """Practices of cities sharing the most peer groups with `me` first, then of cities scoring higher in the area,
    then the newest; one practice per city so that the ideas come from several places."""

    def key(candidate: Candidate):
        shared = me.shared_with(traits[candidate.city_id])
        return (-len(shared), -(area_scores.get(candidate.city_id) or -1), -(_timestamp(candidate.published_at)))

    chosen, cities = [], set()
    for candidate in sorted(candidates, key=key):
        if candidate.city_id in cities or candidate.city_id == me.city_id:
            continue
        cities.add(candidate.city_id)
        chosen.append((candidate, me.shared_with(traits[candidate.city_id])))
        if len(chosen) == limit:
            break
    return chosen


def recommendations_for(assessment: Assessment) -> list[WeakArea]:
    """The weakest areas of a published (or validated) assessment, each with practices from other cities."""
    areas = {area.code: area for area in assessment.edition.areas.prefetch_related("fields_of_action")}
    weights = {code: float(area.weight) for code, area in areas.items()}
    weak = [
        WeakArea(code=code, title=areas[code].title, score=assessment.area_scores[code], weight=weights[code])
        for code in weakest_areas(assessment.area_scores or {}, weights)
        if code in areas
    ]
    if not weak:
        return []
    others = latest_published_area_scores(edition_id=assessment.edition_id, exclude_city_id=assessment.city_id)
    traits = city_traits()
    chosen = {}
    for area in weak:
        fields = list(areas[area.code].fields_of_action.all())
        candidates = _candidates(fields, exclude_city_id=assessment.city_id)
        scores = {city_id: (scores or {}).get(area.code) for city_id, scores in others.items()}
        ranked = rank_practices(
            candidates, me=traits[assessment.city_id], traits=traits, area_scores=scores, limit=PER_AREA
        )
        chosen[area.code] = [(candidate, shared, scores.get(candidate.city_id)) for candidate, shared in ranked]
    ids = [candidate.practice_id for ranked in chosen.values() for candidate, _shared, _score in ranked]
    practices = GoodPractice.objects.summaries().select_related("city", "main_field").in_bulk(ids)
    for area in weak:
        area.recommendations = [
            Recommendation(practice=practices[candidate.practice_id], shared=shared, area_score=score)
            for candidate, shared, score in chosen[area.code]
        ]
    return weak


def latest_published_assessment(city) -> Assessment | None:
    return (
        Assessment.objects.filter(city=city, status=AssessmentStatus.PUBLISHED, core__isnull=False)
        .select_related("edition", "city")
        .order_by("-year", "-published_at")
        .first()
    )


def _candidates(fields: list[FieldOfAction], *, exclude_city_id: int) -> list[Candidate]:
    """Each other city's newest published practice in these fields: one practice per city is recommended, and of a
    city's practices the ranking prefers the newest, so no other can be chosen."""
    if not fields:
        return []
    per_city = practices_per_city_in_fields([f.code for f in fields])
    return [
        Candidate(practice_id=found.newest_id, city_id=city_id, published_at=found.newest_published_at)
        for city_id, found in per_city.items()
        if city_id != exclude_city_id
    ]


def latest_published_area_scores(
    *, edition_id: int | None = None, exclude_city_id: int | None = None
) -> dict[int, dict[str, float]]:
    """Each city's area scores from its latest published assessment (public data only), of one edition or whatever
    the edition. Read once per change of the Index or the cities and kept in the shared cache: every city page and
    results page asks."""
    every_city = remember(
        f"latest-published-area-scores:{edition_id or 'any'}",
        ("index", "cities"),
        lambda: _latest_published_area_scores(edition_id),
    )
    return {city_id: scores for city_id, scores in every_city.items() if city_id != exclude_city_id}


def _latest_published_area_scores(edition_id: int | None) -> dict[int, dict[str, float]]:
    published = Assessment.objects.filter(status=AssessmentStatus.PUBLISHED, core__isnull=False)
    if edition_id is not None:
        published = published.filter(edition_id=edition_id)
    latest = published.order_by("city_id", "-year", "-published_at").distinct("city_id")
    return {city_id: scores or {} for city_id, scores in latest.values_list("city_id", "area_scores")}


def city_traits() -> dict[int, CityTraits]:
    """The peer-group traits of every city, by id: read once per change of the cities and kept in the shared cache
    (every city page ranks the network by them)."""
    return remember("city-traits", ("cities",), _every_city_traits)


def _every_city_traits() -> dict[int, CityTraits]:
    from cities.models import City

    rows = City.objects.values_list("pk", "population", "foreign_born_share", "country_id", "national_network_id")
    return {
        pk: CityTraits(pk, population_band(population), diversity_band(share), country, network)
        for pk, population, share, country, network in rows
    }


def _timestamp(value) -> float:
    return value.timestamp() if value else 0.0
