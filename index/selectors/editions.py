"""An edition as plain data: for the scoring functions (`EditionData.spec`) and in the contract's file format."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet

from core.cache import remember

from .. import scoring
from ..edition_format import field_order, number
from ..models import Answer, Band, Choice, IndexArea, IndexEdition, IndexGroup, Question


@dataclass
class EditionData:
    """An edition loaded in four queries: its areas, questions, choices and bands, plus the scoring spec."""

    edition: IndexEdition
    areas: list[IndexArea]
    questions: dict[str, Question]
    spec: scoring.EditionSpec


def editions() -> QuerySet[IndexEdition]:
    return IndexEdition.objects.all()


def group_titles(edition: IndexEdition) -> dict[str, str]:
    """The titles of the edition's groups of areas, by code."""
    return {g.code: g.title for g in IndexGroup.objects.filter(edition=edition)}


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


def read_edition(edition: IndexEdition) -> EditionData:
    """`edition_data`, read once per change of the Index (core.cache) for pages that only show it: the results and
    progress of every city of the edition. What it gives must not be modified."""
    return remember(f"edition-data:{edition.pk}", ("index",), lambda: edition_data(edition))


def question_spec(q: Question, *, choices=None, bands=None) -> scoring.QuestionSpec:
    """The question as the scoring functions see it. Its choices and bands are those given, else the lists
    `edition_data` attached, else the prefetched `choices` and `bands`."""
    if choices is None:
        choices = q.choice_list if hasattr(q, "choice_list") else q.choices.all()
    if bands is None:
        bands = q.band_list if hasattr(q, "band_list") else q.bands.all()
    return scoring.QuestionSpec(
        code=q.code,
        kind=q.kind,
        data_kind=q.data_kind,
        weight=q.weight,
        choices=tuple(scoring.ChoiceSpec(c.code, c.points) for c in choices),
        bands=tuple(scoring.BandSpec(b.min, b.max, b.points) for b in bands),
        max_points=q.max_points,
    )


def answer_data(answer: Answer) -> scoring.AnswerData:
    return scoring.AnswerData(
        choices=tuple(answer.choices), value=answer.value, text=answer.text, override=answer.override_points
    )


def edition_as_file(edition: IndexEdition) -> dict:
    """The edition in the contract's file format (the canonical form `edition_format.normalize` gives)."""
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
                "questions": [_question_as_file(q) for q in a.question_list],
            }
            for a in data.areas
        ],
    }


def _question_as_file(q: Question) -> dict:
    return {
        "code": q.code,
        "kind": q.kind,
        "data_kind": q.data_kind,
        "weight": number(q.weight),
        "text": _texts(q, "text"),
        "example": _texts(q, "example"),
        "max_points": number(q.max_points),
        "choices": [{"code": c.code, "label": _texts(c, "label"), "points": number(c.points)} for c in q.choice_list],
        "bands": [_band(b) for b in q.band_list],
    }


def _texts(obj, name: str) -> dict:
    return {lang: getattr(obj, f"{name}_{lang}") for lang in ("en", "fr") if getattr(obj, f"{name}_{lang}")}


def _band(b: Band) -> dict:
    band = {"min": number(b.min)}
    if b.max is not None:
        band["max"] = number(b.max)
    band["points"] = number(b.points)
    return band
