"""The secretariat's view of a wave across the network: completion, the questions most often left unanswered or
answered "don't know", and the rows of its two CSV exports."""

from __future__ import annotations

from django.db.models import Count, Q

from ..choices import DONT_KNOW
from ..filters import AssessmentFilterSet
from ..models import Answer, Assessment, IndexEdition, Question, answer_given
from ..scoring import PEER_GROUPS
from .editions import edition_data
from .results import network_results


def wave_overview(filters: AssessmentFilterSet) -> dict:
    """The wave the filters name (by default the newest edition and its latest year), its assessments with the
    number of questions answered, and the 15 questions with the most gaps among them."""
    filters.is_valid()  # an impossible value is left out of `cleaned_data`: the default stands in for it
    chosen = filters.form.cleaned_data
    edition = IndexEdition.objects.filter(code=chosen.get("edition") or "").first() or IndexEdition.objects.first()
    if edition is None:
        return {}
    years = sorted(set(edition.assessments.values_list("year", flat=True)), reverse=True)
    year = chosen.get("year") or (years[0] if years else None)
    assessments = list(
        filters.qs.filter(edition=edition, year=year)
        .annotate(answered=Count("answers", filter=answer_given("answers__")))
        .prefetch_related("optional_areas")
        .order_by("city__name")
    )
    _expected_answers(edition, assessments)
    return {
        "edition": edition,
        "editions": IndexEdition.objects.all(),
        "years": years,
        "year": year,
        "assessments": assessments,
        "total": edition.questions.count(),
        "gaps": _gaps(edition, assessments),
    }


def _expected_answers(edition: IndexEdition, assessments: list[Assessment]) -> None:
    """Each assessment's number of questions to answer: the required areas' and those of the optional areas the city
    took (an optional area it did not take is not "unanswered": 73 of 79, not 73 / 83)."""
    per_area = dict(edition.questions.order_by().values("area_id").annotate(n=Count("pk")).values_list("area_id", "n"))
    required_ids = set(edition.areas.filter(optional=False).values_list("pk", flat=True))
    required = sum(n for area_id, n in per_area.items() if area_id in required_ids)
    for assessment in assessments:
        assessment.expected = required + sum(per_area.get(area.pk, 0) for area in assessment.optional_areas.all())


def _gaps(edition: IndexEdition, assessments: list[Assessment]) -> list[dict]:
    ids = [a.pk for a in assessments]
    questions = (
        Question.objects.filter(edition=edition)
        .annotate(
            given=Count("answers", filter=Q(answers__assessment__in=ids) & answer_given("answers__")),
            dont_know=Count("answers", filter=Q(answers__assessment__in=ids, answers__choices__contains=[DONT_KNOW])),
        )
        .select_related("area")
    )
    rows = [{"question": q, "unanswered": len(ids) - q.given, "dont_know": q.dont_know} for q in questions]
    return sorted(rows, key=lambda row: (-(row["unanswered"] + row["dont_know"]), row["question"].code))[:15]


def results_table(edition: IndexEdition, year: int) -> tuple[list[str], list[list]]:
    """The results export: one row per city of the wave, scores unrounded, each peer group's percentile (empty
    where rule 7 shows none)."""
    data = edition_data(edition)
    computed = network_results(edition, year)
    area_codes = [a.code for a in data.areas]
    group_codes = list(edition.groups.values_list("code", flat=True))
    header = ["city", "country", "status", "core", "extended", *area_codes, *[f"group:{g}" for g in group_codes]]
    header += [f"peers:{p}:percentile" for p in PEER_GROUPS]
    rows = []
    for assessment in (
        Assessment.objects.filter(edition=edition, year=year).select_related("city").order_by("city__name")
    ):
        entry = computed[assessment.city_id]
        r, peers = entry["results"], entry["peers"]
        rows.append(
            [assessment.city.slug, assessment.city.country_id, assessment.status, _num(r.core), _num(r.extended)]
            + [_num(r.areas.get(code)) for code in area_codes]
            + [_num(r.groups.get(code)) for code in group_codes]
            + [_num(peers[p].percentile) if p in peers else None for p in PEER_GROUPS]
        )
    return header, rows


ANSWER_COLUMNS = ["city", "area", "question", "kind", "data_kind", "choices", "value", "text", "comment"]
ANSWER_COLUMNS += ["evidence_url", "answered_by", "answered_at", "override_points", "override_reason"]


def answers_table(edition: IndexEdition, year: int) -> tuple[list[str], list[list]]:
    """The answers export: every answer of the wave as given, with who gave it and any override."""
    answers = (
        Answer.objects.filter(assessment__edition=edition, assessment__year=year)
        .select_related("assessment__city", "question__area", "answered_by")
        .order_by("assessment__city__name", "question__area__position", "question__position")
    )
    rows = [
        [
            a.assessment.city.slug,
            a.question.area.code,
            a.question.code,
            a.question.kind,
            a.question.data_kind,
            " ".join(a.choices),
            _num(a.value),
            a.text,
            a.comment,
            a.evidence_url,
            a.answered_by.email if a.answered_by else "",
            a.answered_at,
            _num(a.override_points),
            a.override_reason,
        ]
        for a in answers
    ]
    return ANSWER_COLUMNS, rows


def _num(value) -> float | None:
    """Numbers as floats (the CSV writes 50.0, not 50), None as an empty cell."""
    return None if value is None else float(value)
