"""Permission-aware reads of the Index, and the results computation.

Results load plain data with a fixed number of queries, whatever the number of cities, and hand it to the
pure functions of `scoring`. Validated assessments carry their scores (stored by `services`), so the peer
groups read one row per city.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from cities import rules
from cities.choices import DiversityBand, PopulationBand, diversity_band, population_band

from . import scoring
from .choices import VALIDATED_STATUSES, AssessmentStatus, PeerGroup
from .models import Answer, AreaAssignment, Assessment, Band, Choice, IndexArea, IndexEdition, IndexGroup, Question

# Visibility -------------------------------------------------------------------------------------------------


def assessment_visible_to(*, user) -> QuerySet[Assessment]:
    """Published assessments for everyone; a city's members see their city's; the secretariat sees all."""
    queryset = Assessment.objects.select_related("city__country", "edition")
    return rules.city_content_visible_to(queryset, user, public=Q(status=AssessmentStatus.PUBLISHED))


def assessment_workable_by(*, user) -> QuerySet[Assessment]:
    """Assessments the user works on from the desk: their cities' (any status), or all for the secretariat."""
    queryset = Assessment.objects.select_related("city__country", "edition")
    if rules.is_secretariat(user):
        return queryset
    return queryset.filter(city_id__in=rules.member_city_ids(user))


def taken_areas(assessment: Assessment) -> list[IndexArea]:
    """The core areas and the optional areas the city chose, in questionnaire order."""
    optional = {a.pk for a in assessment.optional_areas.all()}
    return [a for a in assessment.edition.areas.select_related("group") if not a.optional or a.pk in optional]


def answerable_area_ids(*, user, assessment: Assessment) -> set[int]:
    """Coordinators and the secretariat answer every area taken; a colleague only the areas assigned to them."""
    if rules.can_coordinate(user, assessment.city):
        return {a.pk for a in taken_areas(assessment)}
    if rules.is_member_of(user, assessment.city):
        return set(AreaAssignment.objects.filter(assessment=assessment, user=user).values_list("area_id", flat=True))
    return set()


# The edition as plain data ----------------------------------------------------------------------------------


@dataclass
class EditionData:
    """An edition loaded in four queries: its areas, questions, choices and bands, plus the scoring spec."""

    edition: IndexEdition
    areas: list[IndexArea]
    questions: dict[str, Question]
    spec: scoring.EditionSpec


def edition_data(edition: IndexEdition) -> EditionData:
    areas = list(IndexArea.objects.filter(edition=edition).select_related("group").order_by("position"))
    questions = list(Question.objects.filter(edition=edition).order_by("area__position", "position"))
    choices, bands = defaultdict(list), defaultdict(list)
    for choice in Choice.objects.filter(question__edition=edition).order_by("position"):
        choices[choice.question_id].append(choice)
    for band in Band.objects.filter(question__edition=edition).order_by("position"):
        bands[band.question_id].append(band)
    by_area = defaultdict(list)
    for q in questions:
        q.choice_list, q.band_list = choices[q.pk], bands[q.pk]
        by_area[q.area_id].append(q)
    spec = scoring.EditionSpec(
        code=edition.code,
        areas=tuple(
            scoring.AreaSpec(
                code=a.code,
                questions=tuple(question_spec(q) for q in by_area[a.pk]),
                weight=a.weight,
                optional=a.optional,
                group=a.group.code if a.group else None,
            )
            for a in areas
        ),
    )
    for area in areas:
        area.question_list = by_area[area.pk]
    return EditionData(edition=edition, areas=areas, questions={q.code: q for q in questions}, spec=spec)


def question_spec(q: Question) -> scoring.QuestionSpec:
    return scoring.QuestionSpec(
        code=q.code,
        kind=q.kind,
        data_kind=q.data_kind,
        weight=q.weight,
        choices=tuple(scoring.ChoiceSpec(c.code, c.points) for c in q.choice_list),
        bands=tuple(scoring.BandSpec(b.min, b.max, b.points) for b in q.band_list),
        max_points=q.max_points,
    )


def answer_data(answer: Answer) -> scoring.AnswerData:
    return scoring.AnswerData(
        choices=tuple(answer.choices), value=answer.value, text=answer.text, override=answer.override_points
    )


def edition_as_file(edition: IndexEdition) -> dict:
    """The edition in the contract's file format (the canonical form `edition_format.normalize` gives)."""
    from .edition_format import field_order, number

    data = edition_data(edition)
    fields = defaultdict(list)
    for area_id, code in IndexArea.fields_of_action.through.objects.filter(indexarea__edition=edition).values_list(
        "indexarea_id", "fieldofaction__code"
    ):
        fields[area_id].append(code)
    return {
        "code": edition.code,
        "title": _texts(edition, "title"),
        "groups": [
            {"code": g.code, "title": _texts(g, "title")}
            for g in IndexGroup.objects.filter(edition=edition).order_by("position")
        ],
        "areas": [
            {
                "code": a.code,
                "title": _texts(a, "title"),
                "optional": a.optional,
                "group": a.group.code if a.group else None,
                "weight": number(a.weight),
                "fields_of_action": sorted(fields[a.pk], key=field_order),
                "questions": [
                    {
                        "code": q.code,
                        "kind": q.kind,
                        "data_kind": q.data_kind,
                        "weight": number(q.weight),
                        "text": _texts(q, "text"),
                        "example": _texts(q, "example"),
                        "max_points": number(q.max_points),
                        "choices": [
                            {"code": c.code, "label": _texts(c, "label"), "points": number(c.points)}
                            for c in q.choice_list
                        ],
                        "bands": [_band(b) for b in q.band_list],
                    }
                    for q in a.question_list
                ],
            }
            for a in data.areas
        ],
    }


def _texts(obj, name: str) -> dict:
    return {lang: getattr(obj, f"{name}_{lang}") for lang in ("en", "fr") if getattr(obj, f"{name}_{lang}")}


def _band(b: Band) -> dict:
    from .edition_format import number

    band = {"min": number(b.min)}
    if b.max is not None:
        band["max"] = number(b.max)
    band["points"] = number(b.points)
    return band


# Results ----------------------------------------------------------------------------------------------------


def compute_results(assessment: Assessment, data: EditionData | None = None) -> scoring.Results:
    """Scores from the answers as they stand (used for drafts, and by `services` to store them)."""
    data = data or edition_data(assessment.edition)
    answers = {
        code: answer_data(a)
        for code, a in (
            (a.question.code, a) for a in Answer.objects.filter(assessment=assessment).select_related("question")
        )
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


def city_profile(city, core: float) -> scoring.CityProfile:
    return scoring.CityProfile(
        city_id=city.pk,
        core=core,
        population_band=population_band(city.population),
        diversity_band=diversity_band(city.foreign_born_share),
        country=city.country_id,
    )


def peer_profiles(edition: IndexEdition, *, exclude_city_id: int | None = None) -> list[scoring.CityProfile]:
    """The latest validated assessment of each city on the edition, as peer profiles: one query."""
    rows = (
        Assessment.objects.filter(edition=edition, status__in=VALIDATED_STATUSES, core__isnull=False)
        .exclude(city_id=exclude_city_id)
        .order_by("city_id", "-year")
        .distinct("city_id")
        .values_list("city_id", "core", "city__population", "city__foreign_born_share", "city__country_id")
    )
    return [
        scoring.CityProfile(
            city_id=city_id,
            core=core,
            population_band=population_band(population),
            diversity_band=diversity_band(share),
            country=country,
        )
        for city_id, core, population, share, country in rows
    ]


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
        peers = {
            group: {
                "label": peer_label(group, s.key, assessment.city),
                "n": s.n,
                "average": s.average,
                "percentile": s.percentile,
            }
            for group, s in stats.items()
        }
    return {
        "core": scores.core,
        "extended": scores.extended,
        "areas": dict(scores.areas),
        "groups": dict(scores.groups),
        "peers": peers,
    }


def peer_area_averages(assessment: Assessment) -> dict[str, float]:
    """The network's mean score per area among other cities' latest validated assessments (for the chart)."""
    rows = (
        Assessment.objects.filter(edition=assessment.edition, status__in=VALIDATED_STATUSES, core__isnull=False)
        .exclude(city_id=assessment.city_id)
        .order_by("city_id", "-year")
        .distinct("city_id")
        .values_list("area_scores", flat=True)
    )
    sums, counts = defaultdict(float), defaultdict(int)
    for area_scores in rows:
        for code, score in area_scores.items():
            if score is not None:
                sums[code] += score
                counts[code] += 1
    return {code: sums[code] / counts[code] for code in sums}


def network_results(edition: IndexEdition, year: int) -> dict[int, dict]:
    """Every city's results and peer groups for one wave, in a handful of queries (the secretariat, the bench)."""
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
    peers = scoring.peer_groups_for_all(city_profile(a.city, results[a.pk].core) for a in validated)
    return {a.city_id: {"results": results[a.pk], "peers": peers.get(a.city_id, {})} for a in assessments}


# Progress and team ------------------------------------------------------------------------------------------


def city_waves(*, user, city) -> list[Assessment]:
    """The city's assessments the user may see results of, oldest first."""
    return list(assessment_visible_to(user=user).filter(city=city).order_by("year", "edition__created_at"))


def progress(waves: list[Assessment]) -> dict:
    """Scores per area and per question across waves, matched by code, so progress carries across editions."""
    datas = {}
    for wave in waves:
        if wave.edition_id not in datas:
            datas[wave.edition_id] = edition_data(wave.edition)
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


def area_progress(assessment: Assessment, areas: list[IndexArea]) -> dict[int, tuple[int, int]]:
    """(answered, total) questions per area id: progress on the desk."""
    totals = dict(
        Question.objects.filter(area__in=areas)
        .order_by()
        .values("area_id")
        .annotate(n=Count("pk"))
        .values_list("area_id", "n")
    )
    answered = defaultdict(int)
    for area_id, choices, value, text in Answer.objects.filter(assessment=assessment).values_list(
        "question__area_id", "choices", "value", "text"
    ):
        if choices or value is not None or (text or "").strip():
            answered[area_id] += 1
    return {a.pk: (answered[a.pk], totals.get(a.pk, 0)) for a in areas}
