"""Results of the Index: an assessment's scores, its peer groups, the network's wave, progress across waves.

Results load plain data with a fixed number of queries, whatever the number of cities, and hand it to the pure
functions of `scoring`. Validated assessments carry their scores (stored by the services), so the peer groups read
one row per city. What a peer group may show is `scoring.shown`'s to say (rule 7: at least three peers).
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from cities.choices import DiversityBand, PopulationBand, diversity_band, population_band
from core.cache import remember

from .. import scoring
from ..choices import VALIDATED_STATUSES, PeerGroup
from ..models import Answer, Assessment, IndexEdition
from .editions import EditionData, answer_data, edition_data, question_spec, read_edition
from .visibility import assessment_visible_to


def compute_results(assessment: Assessment, data: EditionData | None = None) -> scoring.Results:
    """Scores from the answers as they stand (used for drafts, and by the services to store them)."""
    data = data or edition_data(assessment.edition)
    answers = {
        a.question.code: answer_data(a) for a in Answer.objects.filter(assessment=assessment).select_related("question")
    }
    optional = assessment.optional_areas.values_list("code", flat=True)
    return scoring.results(data.spec, answers, optional)


def assessment_scores(assessment: Assessment) -> scoring.Results:
    """Stored scores once validated; computed from the answers before."""
    if assessment.status in VALIDATED_STATUSES and assessment.core is not None:
        return scoring.Results(
            core=assessment.core,
            extended=assessment.extended,
            areas=assessment.area_scores,
            groups=assessment.group_scores,
        )
    return compute_results(assessment)


def unanswered_area_codes(assessment: Assessment, codes) -> set[str]:
    """Of these areas, those where nobody has answered anything: their 0 is "no answer", not a measured 0."""
    answered = (
        Answer.objects.filter(assessment=assessment, question__area__code__in=list(codes))
        .exclude(choices=[], value__isnull=True, text="", override_points__isnull=True)
        .values_list("question__area__code", flat=True)
    )
    return set(codes) - set(answered)


def city_profile(city, core: float) -> scoring.CityProfile:
    return scoring.CityProfile(
        city_id=city.pk,
        core=core,
        population_band=population_band(city.population),
        diversity_band=diversity_band(city.foreign_born_share),
        country=city.country_id,
    )


def _latest_validated(edition: IndexEdition) -> QuerySet[Assessment]:
    """Rule 7's peers: the latest validated (or published) assessment of each city on the edition, one row each.
    Drafts, submitted and returned assessments are never peers."""
    return (
        Assessment.objects.filter(edition=edition, status__in=VALIDATED_STATUSES, core__isnull=False)
        .order_by("city_id", "-year")
        .distinct("city_id")
    )


def _peers(edition: IndexEdition) -> list[tuple[scoring.CityProfile, dict]]:
    """Every city's latest validated assessment on the edition, as a profile and its area scores: one query per
    change of the Index or the cities (core.cache), shared by every results page of the edition."""

    def read():
        rows = _latest_validated(edition).values_list(
            "city_id", "core", "city__population", "city__foreign_born_share", "city__country_id", "area_scores"
        )
        return [
            (
                scoring.CityProfile(
                    city_id=city_id,
                    core=core,
                    population_band=population_band(population),
                    diversity_band=diversity_band(share),
                    country=country,
                ),
                area_scores or {},
            )
            for city_id, core, population, share, country, area_scores in rows
        ]

    return remember(f"index-peers:{edition.pk}", ("index", "cities"), read)


def peer_profiles(edition: IndexEdition, *, exclude_city_id: int | None = None) -> list[scoring.CityProfile]:
    """The peers as profiles."""
    return [profile for profile, _scores in _peers(edition) if profile.city_id != exclude_city_id]


def peer_label(group: str, key: str | None, city) -> str:
    if group == PeerGroup.POPULATION_BAND and key:
        return f"{_('Population')}: {PopulationBand(key).label}"
    if group == PeerGroup.DIVERSITY_BAND and key:
        return f"{_('Foreign-born')}: {DiversityBand(key).label}"
    if group == PeerGroup.COUNTRY:
        return str(city.country.name)
    return str(PeerGroup(group).label)


def assessment_results(assessment: Assessment) -> dict:
    """The results of the contract's API: core, extended, areas, groups and the four peer groups."""
    scores = assessment_scores(assessment)
    peers = {}
    if scores.core is not None:
        profile = city_profile(assessment.city, scores.core)
        stats = scoring.peer_groups(profile, peer_profiles(assessment.edition, exclude_city_id=assessment.city_id))
        peers = {group: _peer_entry(group, s, assessment.city) for group, s in stats.items()}
    return {
        "core": scores.core,
        "extended": scores.extended,
        "areas": dict(scores.areas),
        "groups": dict(scores.groups),
        "peers": peers,
    }


def _peer_entry(group: str, stats: scoring.PeerStats, city) -> dict:
    stats = scoring.shown(stats)
    return {
        "label": peer_label(group, stats.key, city),
        "n": stats.n,
        "average": stats.average,
        "percentile": stats.percentile,
    }


def peer_area_averages(assessment: Assessment) -> dict[str, float]:
    """The network's mean score per area among the other cities' latest validated assessments (for the chart);
    empty when the network has fewer than `scoring.MIN_PEERS` of them, like its average."""
    rows = [scores for profile, scores in _peers(assessment.edition) if profile.city_id != assessment.city_id]
    if len(rows) < scoring.MIN_PEERS:
        return {}
    sums, counts = defaultdict(float), defaultdict(int)
    for area_scores in rows:
        for code, score in area_scores.items():
            if score is not None:
                sums[code] += score
                counts[code] += 1
    return {code: sums[code] / counts[code] for code in sums}


def network_results(edition: IndexEdition, year: int) -> dict[int, dict]:
    """Every city's results for one wave and, for the validated ones, their peer groups as the API gives them
    (among the other cities' latest validated assessments), in a handful of queries (the secretariat, the bench)."""
    data = edition_data(edition)
    assessments = list(Assessment.objects.filter(edition=edition, year=year).select_related("city"))
    optional = defaultdict(list)
    for assessment_id, code in Assessment.optional_areas.through.objects.filter(
        assessment__edition=edition, assessment__year=year
    ).values_list("assessment_id", "indexarea__code"):
        optional[assessment_id].append(code)
    answers = defaultdict(dict)
    question_codes = {q.pk: code for code, q in data.questions.items()}
    for assessment_id, question_id, choices, value, text, override in Answer.objects.filter(
        assessment__in=assessments
    ).values_list("assessment_id", "question_id", "choices", "value", "text", "override_points"):
        answers[assessment_id][question_codes[question_id]] = scoring.AnswerData(
            choices=tuple(choices), value=value, text=text, override=override
        )
    computed = scoring.results_many(data.spec, [(answers[a.pk], optional[a.pk]) for a in assessments])
    results = {a.pk: r for a, r in zip(assessments, computed, strict=True)}
    validated = [a for a in assessments if a.status in VALIDATED_STATUSES and results[a.pk].core is not None]
    peers = scoring.peer_groups_for_all(
        (city_profile(a.city, results[a.pk].core) for a in validated), pool=peer_profiles(edition)
    )
    return {
        a.city_id: {
            "results": results[a.pk],
            "peers": {group: scoring.shown(s) for group, s in peers.get(a.city_id, {}).items()},
        }
        for a in assessments
    }


# Progress across waves --------------------------------------------------------------------------------------


def city_waves(*, user, city) -> list[Assessment]:
    """The city's assessments the user may see results of, oldest first."""
    return list(assessment_visible_to(user=user).filter(city=city).order_by("year", "edition__created_at"))


def progress(waves: list[Assessment]) -> dict:
    """Scores per area and per question across waves, matched by code, so progress carries across editions."""
    datas = {}
    for wave in waves:
        if wave.edition_id not in datas:
            datas[wave.edition_id] = read_edition(wave.edition)
    answers = defaultdict(dict)
    for answer in Answer.objects.filter(assessment__in=waves).select_related("question"):
        answers[answer.assessment_id][answer.question.code] = answer_data(answer)
    areas: dict[str, dict] = {}
    questions: dict[str, dict] = {}
    for index, wave in enumerate(waves):
        data = datas[wave.edition_id]
        scores = assessment_scores(wave)
        for area in data.areas:
            row = areas.setdefault(area.code, {"title": area.title, "scores": [None] * len(waves)})
            row["scores"][index] = scores.areas.get(area.code)
            for q in area.question_list:
                spec = question_spec(q)
                if not scoring.is_scored(spec):
                    continue
                qrow = questions.setdefault(q.code, {"text": q.text, "area": area.title, "scores": [None] * len(waves)})
                qrow["scores"][index] = 100 * scoring.question_score(spec, answers[wave.pk].get(q.code))
    return {"areas": areas, "questions": questions}
