"""The Index scoring rules of the contract, as pure functions of plain data (no database, no Django).

Rules, numbered as in the contract:
1. only `input` and `impact` questions of kinds other than `text` are scored;
2. a question's maximum: highest choice (yes_no, single), sum of positive choices capped at max_points
   (multiple), highest band (number, percent);
3. a question's score is earned / maximum clamped to [0, 1], 0 when unanswered; a secretariat override counts;
4. an area's score is 100 × Σ(weight × score) / Σ weight over its scored questions;
5. a group's score is the weighted mean of its areas (area weights);
6. core = weighted mean of the non-optional areas; extended adds the optional areas taken (none taken: none);
7. peer groups among other cities' latest validated assessments: network, population band, foreign-born band,
   country; `percentile` is the share of peers whose core index is lower. A group of fewer than `MIN_PEERS`
   keeps its `n` but shows no average or percentile (`shown`): one or two peers' scores would be revealed.

A question whose maximum is 0 cannot be scored and is left out; an area with no scored question has no
score (None) and is left out of the group and index means. Scores are returned unrounded.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import NamedTuple

SCORED_DATA_KINDS = frozenset({"input", "impact"})
CHOICE_KINDS = frozenset({"yes_no", "single", "multiple"})
BAND_KINDS = frozenset({"number", "percent"})
# The peer groups of rule 7: the one list that results, exports and pages read (`choices.PeerGroup` labels them).
PEER_GROUPS = ("network", "population_band", "diversity_band", "country")
MIN_PEERS = 3


@dataclass(frozen=True)
class ChoiceSpec:
    code: str
    points: float


@dataclass(frozen=True)
class BandSpec:
    min: float
    max: float | None
    points: float

    def contains(self, value: float) -> bool:
        return value >= self.min and (self.max is None or value < self.max)


@dataclass(frozen=True)
class QuestionSpec:
    code: str
    kind: str
    data_kind: str = "input"
    weight: float = 1
    choices: tuple[ChoiceSpec, ...] = ()
    bands: tuple[BandSpec, ...] = ()
    max_points: float | None = None


@dataclass(frozen=True)
class AreaSpec:
    code: str
    questions: tuple[QuestionSpec, ...]
    weight: float = 1
    optional: bool = False
    group: str | None = None


@dataclass(frozen=True)
class EditionSpec:
    code: str
    areas: tuple[AreaSpec, ...]


class AnswerData(NamedTuple):
    """What the city answered. `override` is the secretariat's points, which replace the earned points.

    A named tuple rather than a dataclass: a wave of the network holds tens of thousands of answers.
    """

    choices: tuple[str, ...] = ()
    value: float | None = None
    text: str = ""
    override: float | None = None


@dataclass(frozen=True)
class Results:
    core: float | None
    extended: float | None
    areas: dict[str, float | None]
    groups: dict[str, float | None]


@dataclass(frozen=True)
class CityProfile:
    """A city as the peer groups see it: its bands and the core index of its latest validated assessment."""

    city_id: int
    core: float
    population_band: str | None = None
    diversity_band: str | None = None
    country: str | None = None
    network: str = "icc"  # the whole network: every city shares it


@dataclass(frozen=True)
class PeerStats:
    key: str | None
    n: int
    average: float | None
    percentile: float | None
    peer_ids: tuple[int, ...] = field(default=(), compare=False)


# Questions -------------------------------------------------------------------------------------------------


def is_scored(question: QuestionSpec) -> bool:
    """Rule 1, and a question worth nothing cannot be scored either."""
    return (
        question.data_kind in SCORED_DATA_KINDS
        and question.kind != "text"
        and question.weight > 0
        and question_max(question) > 0
    )


def question_max(question: QuestionSpec) -> float:
    """Rule 2."""
    if question.kind in ("yes_no", "single"):
        return max((c.points for c in question.choices), default=0.0)
    if question.kind == "multiple":
        total = sum(c.points for c in question.choices if c.points > 0)
        return min(total, question.max_points) if question.max_points is not None else total
    if question.kind in BAND_KINDS:
        return max((b.points for b in question.bands), default=0.0)
    return 0.0


def question_points(
    question: QuestionSpec, answer: AnswerData | None, choice_points: Mapping[str, float] | None = None
) -> float:
    """The points the answer as given earns (before any override); 0 when unanswered.

    `choice_points` (code → points) may be passed in when scoring many answers to the same question.
    """
    if answer is None:
        return 0.0
    if question.kind in ("yes_no", "single", "multiple"):
        points = choice_points if choice_points is not None else {c.code: c.points for c in question.choices}
    if question.kind in ("yes_no", "single"):
        return max((points[code] for code in answer.choices if code in points), default=0.0)
    if question.kind == "multiple":
        total = sum(points[code] for code in set(answer.choices) if code in points)
        return min(total, question.max_points) if question.max_points is not None else total
    if question.kind in BAND_KINDS and answer.value is not None:
        return next((b.points for b in question.bands if b.contains(answer.value)), 0.0)
    return 0.0


def question_score(question: QuestionSpec, answer: AnswerData | None) -> float:
    """Rule 3: earned / maximum in [0, 1]; the secretariat's override replaces the earned points."""
    maximum = question_max(question)
    if maximum <= 0:
        return 0.0
    earned = (
        answer.override if answer is not None and answer.override is not None else question_points(question, answer)
    )
    return min(1.0, max(0.0, earned / maximum))


# Areas, groups, indices ------------------------------------------------------------------------------------


def area_score(area: AreaSpec, answers: Mapping[str, AnswerData]) -> float | None:
    """Rule 4; None for an area without a scored question."""
    return _area_score(_compile_area(area), answers)


def weighted_mean(pairs: Iterable[tuple[float, float | None]]) -> float | None:
    """Mean of the (weight, score) pairs that have a score; None if none has or all weights are 0."""
    pairs = [(w, s) for w, s in pairs if s is not None and w > 0]
    total = sum(w for w, _ in pairs)
    if not pairs or total <= 0:
        return None
    return sum(w * s for w, s in pairs) / total


def results(edition: EditionSpec, answers: Mapping[str, AnswerData], optional_taken: Iterable[str] = ()) -> Results:
    """Rules 4–6 for one assessment. Optional areas not taken have no score and stay out of everything."""
    return results_many(edition, [(answers, optional_taken)])[0]


def results_many(
    edition: EditionSpec, assessments: Iterable[tuple[Mapping[str, AnswerData], Iterable[str]]]
) -> list[Results]:
    """`results` for many assessments of one edition, preparing the edition's questions only once."""
    compiled = [(area, _compile_area(area)) for area in edition.areas]
    return [_results(compiled, answers, set(optional)) for answers, optional in assessments]


def _results(compiled, answers: Mapping[str, AnswerData], taken: set[str]) -> Results:
    areas_in = [(a, scored) for a, scored in compiled if not a.optional or a.code in taken]
    areas = {a.code: _area_score(scored, answers) for a, scored in areas_in}
    groups: dict[str, list[tuple[float, float | None]]] = defaultdict(list)
    for area, _ in areas_in:
        if area.group:
            groups[area.group].append((area.weight, areas[area.code]))
    core_areas = [a for a, _ in areas_in if not a.optional]
    core = weighted_mean((a.weight, areas[a.code]) for a in core_areas)
    extended = None
    if len(areas_in) > len(core_areas):
        extended = weighted_mean((a.weight, areas[a.code]) for a, _ in areas_in)
    return Results(
        core=core,
        extended=extended,
        areas=areas,
        groups={code: weighted_mean(pairs) for code, pairs in groups.items()},
    )


class _Scored(NamedTuple):
    question: QuestionSpec
    weight: float
    maximum: float
    choice_points: dict[str, float]


def _compile_area(area: AreaSpec) -> list[_Scored]:
    return [
        _Scored(q, q.weight, question_max(q), {c.code: c.points for c in q.choices})
        for q in area.questions
        if is_scored(q)
    ]


def _area_score(scored: list[_Scored], answers: Mapping[str, AnswerData]) -> float | None:
    total_weight = sum(s.weight for s in scored)
    if not scored or total_weight <= 0:
        return None
    earned = 0.0
    for question, weight, maximum, choice_points in scored:
        answer = answers.get(question.code)
        if answer is None:
            continue
        points = answer.override if answer.override is not None else question_points(question, answer, choice_points)
        earned += weight * min(1.0, max(0.0, points / maximum))
    return 100 * earned / total_weight


# Peers -----------------------------------------------------------------------------------------------------


def peer_groups(city: CityProfile, others: Iterable[CityProfile]) -> dict[str, PeerStats]:
    """Rule 7 for one city, by definition: each peer group's size, mean core index and the city's percentile."""
    others = [o for o in others if o.city_id != city.city_id]
    stats = {}
    for group in PEER_GROUPS:
        key = getattr(city, group)
        peers = [o for o in others if key is not None and getattr(o, group) == key]
        stats[group] = _stats(key, city.core, [p.core for p in peers], tuple(p.city_id for p in peers))
    return stats


def peer_groups_for_all(
    profiles: Iterable[CityProfile], pool: Iterable[CityProfile] | None = None
) -> dict[int, dict[str, PeerStats]]:
    """Rule 7 for every city at once in O(n log n): sorted cores per group, bisected for each city.

    `pool` holds the peers, one profile per city (by default the profiles themselves); a city's own entry in the
    pool, which may be another wave than the one compared, is taken out. Gives the same numbers as `peer_groups`
    city by city (a property test checks it), without the n² scan.
    """
    profiles = list(profiles)
    pool = profiles if pool is None else list(pool)
    own = {p.city_id: p for p in pool}
    by_group: dict[tuple[str, str], list[float]] = defaultdict(list)
    for p in pool:
        for group in PEER_GROUPS:
            key = getattr(p, group)
            if key is not None:
                by_group[(group, key)].append(p.core)
    sorted_cores = {k: sorted(v) for k, v in by_group.items()}
    sums = {k: sum(v) for k, v in by_group.items()}
    return {
        p.city_id: {group: _bisected(p, group, own.get(p.city_id), sorted_cores, sums) for group in PEER_GROUPS}
        for p in profiles
    }


def _bisected(city: CityProfile, group: str, own: CityProfile | None, sorted_cores: dict, sums: dict) -> PeerStats:
    key = getattr(city, group)
    if key is None:
        return PeerStats(key=None, n=0, average=None, percentile=None)
    cores = sorted_cores.get((group, key), [])
    inside = own is not None and getattr(own, group) == key  # the city is not its own peer
    n = len(cores) - inside
    if n == 0:
        return PeerStats(key=key, n=0, average=None, percentile=None)
    lower = bisect_left(cores, city.core) - (inside and own.core < city.core)  # strictly lower
    total = sums[(group, key)] - (own.core if inside else 0)
    return PeerStats(key=key, n=n, average=total / n, percentile=100 * lower / n)


def shown(stats: PeerStats, min_peers: int = MIN_PEERS) -> PeerStats:
    """What may be shown of a peer group: its size always, its average and percentile from `min_peers` peers."""
    if stats.n >= min_peers:
        return stats
    return replace(stats, average=None, percentile=None)


def _stats(key: str | None, core: float, peer_cores: list[float], peer_ids: tuple[int, ...]) -> PeerStats:
    if not peer_cores:
        return PeerStats(key=key, n=0, average=None, percentile=None, peer_ids=peer_ids)
    n = len(peer_cores)
    lower = sum(1 for c in peer_cores if c < core)
    return PeerStats(key=key, n=n, average=sum(peer_cores) / n, percentile=100 * lower / n, peer_ids=peer_ids)
