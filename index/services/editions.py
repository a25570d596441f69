"""Importing an edition of the questionnaire from the contract's file format."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from goodpractices.models import FieldOfAction

from .. import edition_format
from ..models import Band, Choice, IndexArea, IndexEdition, IndexGroup, Question


@transaction.atomic
def edition_import(*, data: dict, replace: bool = False) -> IndexEdition:
    """Create an edition from the contract's file format. With `replace`, an unused edition of that code is
    rewritten; an edition already used by an assessment is frozen and never changes."""
    known_fields = set(FieldOfAction.objects.values_list("code", flat=True))
    problems = edition_format.edition_problems(data, known_fields=known_fields)
    existing = IndexEdition.objects.filter(code=data.get("code")).first() if isinstance(data, dict) else None
    if existing is not None:
        if existing.is_frozen:
            problems.append(
                _("Edition '%(code)s' is already used by assessments: it is frozen.") % {"code": existing.code}
            )
        elif not replace:
            problems.append(_("Edition '%(code)s' already exists.") % {"code": existing.code})
    if problems:
        raise ValidationError(problems)
    if existing is not None:
        existing.delete()
    data = edition_format.normalize(data)
    edition = IndexEdition.objects.create(code=data["code"], **_translated("title", data["title"]))
    groups = {
        g["code"]: IndexGroup.objects.create(
            edition=edition, code=g["code"], position=i, **_translated("title", g["title"])
        )
        for i, g in enumerate(data["groups"])
    }
    fields = {f.code: f for f in FieldOfAction.objects.all()}
    for position, a in enumerate(data["areas"]):
        area = IndexArea.objects.create(
            edition=edition,
            code=a["code"],
            optional=a["optional"],
            group=groups.get(a["group"]),
            weight=a["weight"],
            position=position,
            **_translated("title", a["title"]),
        )
        area.fields_of_action.set([fields[code] for code in a["fields_of_action"]])
        for q_position, q in enumerate(a["questions"]):
            _question_create(edition, area, q, q_position)
    return edition


def _question_create(edition: IndexEdition, area: IndexArea, q: dict, position: int) -> Question:
    question = Question.objects.create(
        edition=edition,
        area=area,
        code=q["code"],
        kind=q["kind"],
        data_kind=q["data_kind"],
        weight=q["weight"],
        max_points=q["max_points"],
        position=position,
        **_translated("text", q["text"]),
        **_translated("example", q["example"]),
    )
    Choice.objects.bulk_create(
        Choice(question=question, code=c["code"], points=c["points"], position=i, **_translated("label", c["label"]))
        for i, c in enumerate(q["choices"])
    )
    Band.objects.bulk_create(
        Band(question=question, min=b["min"], max=b.get("max"), points=b["points"], position=i)
        for i, b in enumerate(sorted(q["bands"], key=lambda b: b["min"]))
    )
    return question


def _translated(name: str, texts: dict) -> dict:
    values = {f"{name}_{lang}": texts.get(lang, "") for lang in edition_format.LANGUAGES}
    values[name] = texts.get("en", "")
    return values
