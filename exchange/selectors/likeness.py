""" "Cities like mine" and "who is strong where we are weak?".

Likeness counts the traits of the Index's peer groups that two cities share (population band, foreign-born band,
country, national network: `index.selectors.recommendations.CityTraits`) and, where both have published Index
results, how close the shapes of their area scores are: the mean absolute difference over the areas both were
scored in. Every match says why. The ranking (`rank_similar`) is a pure function of plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from cities.choices import CityStatus
from cities.models import City
from core.cache import remember
from goodpractices.selectors import practices_per_city_in_fields
from index.models import IndexArea
from index.selectors.recommendations import (
    CityTraits,
    city_traits,
    latest_published_area_scores,
    latest_published_assessment,
    shared_labels,
    weakest_areas,
)

LIKE_MINE = 5
STRONG_PER_AREA = 3
MIN_COMMON_AREAS = 3  # a shape over fewer areas says little
SHAPE_WEIGHT = 2.0  # identical shapes weigh as much as two shared traits
SHAPE_SCALE = 25.0  # a mean difference of this many points (of 100) earns nothing
SIMILAR_SHAPE = 15.0  # within this, the shape is named among the reasons


@dataclass(frozen=True)
class Likeness:
    city_id: int
    score: float
    shared: tuple[str, ...]
    distance: float | None  # mean absolute difference of area scores; None without common published results
    common_areas: int = 0


def shape_distance(mine: dict[str, float | None], theirs: dict[str, float | None]) -> tuple[float | None, int]:
    """The mean absolute difference over the areas both were scored in, and how many they are."""
    common = [code for code in mine if mine[code] is not None and theirs.get(code) is not None]
    if len(common) < MIN_COMMON_AREAS:
        return None, len(common)
    return sum(abs(mine[code] - theirs[code]) for code in common) / len(common), len(common)


def rank_similar(
    me: CityTraits, others: list[CityTraits], shapes: dict[int, dict], *, limit: int = LIKE_MINE
) -> list[Likeness]:
    """The cities most like `me`: one point per shared trait, up to SHAPE_WEIGHT more for a close Index shape; on a
    tie, the closer shape, then the lower id (stable). Cities that share nothing are left out."""
    ranked = []
    my_shape = shapes.get(me.city_id) or {}
    for other in others:
        if other.city_id == me.city_id:
            continue
        shared = tuple(me.shared_with(other))
        distance, common = shape_distance(my_shape, shapes.get(other.city_id) or {}) if my_shape else (None, 0)
        shape_points = 0.0 if distance is None else max(0.0, SHAPE_WEIGHT * (1 - distance / SHAPE_SCALE))
        score = len(shared) + shape_points
        if score > 0:
            ranked.append(Likeness(other.city_id, score, shared, distance, common))
    ranked.sort(key=lambda m: (-m.score, m.distance if m.distance is not None else 999, m.city_id))
    return ranked[:limit]


def reasons(likeness: Likeness) -> list[str]:
    labels = shared_labels()
    found = [str(labels[key]) for key in likeness.shared]
    if likeness.distance is not None and likeness.distance <= SIMILAR_SHAPE:
        found.append(
            _("a similar Index profile (%(points)s points apart on average over %(n)s areas)")
            % {"points": number_format(likeness.distance, 1), "n": likeness.common_areas}
        )
    return found


def member_city_ids() -> list[int]:
    """Every member city's id, read once per change of the cities."""
    return remember(
        "member-city-ids",
        ("cities",),
        lambda: list(City.objects.filter(status=CityStatus.MEMBER).order_by("pk").values_list("pk", flat=True)),
    )


@dataclass
class SimilarCity:
    city: City
    likeness: Likeness

    @property
    def reasons(self) -> list[str]:
        return reasons(self.likeness)


def cities_like(city: City, *, limit: int = LIKE_MINE) -> list[SimilarCity]:
    """The member cities most like `city`, each with why: one query once the network's traits and scores are cached."""
    traits = city_traits()
    members = [traits[pk] for pk in member_city_ids() if pk != city.pk]
    shapes = latest_published_area_scores()
    ranked = rank_similar(traits[city.pk], members, shapes, limit=limit)
    cities = City.objects.select_related("country").in_bulk([m.city_id for m in ranked])
    return [SimilarCity(cities[m.city_id], m) for m in ranked]


@dataclass
class StrongCity:
    city: City
    score: float
    practices: int
    field_code: str


@dataclass
class WeakArea:
    code: str
    title: str
    score: float
    field_codes: list[str]
    strong: list[StrongCity] = field(default_factory=list)


def strong_where_weak(city: City, *, per_area: int = STRONG_PER_AREA) -> list[WeakArea]:
    """For `city`'s weakest areas in its latest published Index results, the cities that score higher there and have
    published good practices in the area's fields of action — the best scores first."""
    assessment = latest_published_assessment(city)
    if assessment is None:
        return []
    areas = {
        area.code: area
        for area in IndexArea.objects.filter(edition=assessment.edition_id).prefetch_related("fields_of_action")
    }
    weights = {code: float(area.weight) for code, area in areas.items()}
    scores = assessment.area_scores or {}
    others = latest_published_area_scores(exclude_city_id=city.pk)
    weak = []
    for code in weakest_areas(scores, weights):
        if code not in areas:
            continue
        codes = [f.code for f in areas[code].fields_of_action.all()]
        area = WeakArea(code=code, title=areas[code].title, score=scores[code], field_codes=codes)
        higher = {pk: s[code] for pk, s in others.items() if s.get(code) is not None and s[code] > scores[code]}
        area.strong = _with_practices(higher, codes, per_area) if codes else []
        weak.append(area)
    return weak


def _with_practices(higher: dict[int, float], field_codes: list[str], limit: int) -> list[StrongCity]:
    """The highest scorers that published practices in these fields (every city's count in a set of fields is read
    once per change, goodpractices.selectors)."""
    per_city = practices_per_city_in_fields(field_codes)
    counts = {pk: found.count for pk, found in per_city.items() if pk in higher}
    chosen = sorted((pk for pk in counts), key=lambda pk: (-higher[pk], pk))[:limit]
    cities = City.objects.select_related("country").in_bulk(chosen)
    return [StrongCity(cities[pk], higher[pk], counts[pk], field_codes[0]) for pk in chosen]
