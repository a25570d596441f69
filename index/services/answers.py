"""Answering an assessment, and the secretariat's overrides of an answer's points.

What an answer may look like is checked on plain data by `answer_format`; here are the checks that need the
database: who may answer which area, whether the assessment still takes answers, optional areas not taken.
"""

from __future__ import annotations

import math

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from cities import rules
from core.errors import StateConflict

from .. import answer_format
from ..choices import AssessmentEventKind
from ..models import Answer, Assessment, Question
from ..selectors import answerable_area_ids, question_spec, taken_areas
from ..transitions import OVERRIDABLE, PUBLISHED, VALIDATED
from .common import lock, log, require_answerable, require_no_null
from .workflow import assessment_rescore


@transaction.atomic
def answers_save(*, assessment: Assessment, items: list[dict], by: User) -> list[Answer]:
    """Upsert answers. Every item is checked first; one problem and nothing is written, so nothing is lost.

    Only the keys an item gives change: `{"question", "comment"}` keeps the choices already saved.
    """
    assessment = lock(assessment)
    require_answerable(assessment)
    if not isinstance(items, list):
        raise ValidationError(_("Send a list of answers."))
    allowed_areas = answerable_area_ids(user=by, assessment=assessment)
    if not allowed_areas and not rules.is_member_of(by, assessment.city) and not rules.is_secretariat(by):
        raise PermissionDenied(_("Only the city's team and the secretariat answer its assessment."))
    questions = {
        q.code: q
        for q in Question.objects.filter(edition=assessment.edition).select_related("area").prefetch_related("choices")
    }
    _check(assessment, items, questions, allowed_areas)
    existing = {
        a.question_id: a
        for a in Answer.objects.filter(assessment=assessment, question__code__in=[i["question"] for i in items])
    }
    saved, now = [], timezone.now()
    for item in items:
        question = questions[item["question"]]
        answer = existing.get(question.pk) or Answer(assessment=assessment, question=question)
        _apply(answer, item, by=by, now=now)
        existing[question.pk] = answer
        saved.append(answer)
    return saved


def _check(assessment: Assessment, items: list, questions: dict[str, Question], allowed_areas: set[int]) -> None:
    """PermissionDenied naming the areas not assigned to the user, else ValidationError naming every problem."""
    specs = {code: question_spec(q, bands=()) for code, q in questions.items()}
    elsewhere = _editions_of(answer_format.unknown_codes(items, specs))
    taken = {a.pk for a in taken_areas(assessment)}
    problems, refused = [], []
    for position, item in enumerate(items, start=1):
        problems += answer_format.answer_problems(
            item, position, specs, edition=assessment.edition.code, elsewhere=elsewhere
        )
        question = questions.get(item.get("question")) if isinstance(item, dict) else None
        if question is None:
            continue
        where = {"code": question.code, "area": question.area.title}
        if question.area.optional and question.area_id not in taken:
            problems.append(_("Question '%(code)s': the optional area '%(area)s' is not taken.") % where)
        elif question.area_id not in allowed_areas:
            refused.append(_("Question '%(code)s': the area '%(area)s' is not assigned to you.") % where)
    if refused:
        raise PermissionDenied(" ".join(refused))
    if problems:
        raise ValidationError(problems)


def _editions_of(codes: set[str]) -> dict[str, str]:
    """The edition each of these question codes belongs to, to say so when one is sent to another edition."""
    rows = Question.objects.filter(code__in=codes).order_by("-edition__created_at").values_list("code", "edition__code")
    return dict(rows)


def _apply(answer: Answer, item: dict, *, by: User, now) -> None:
    before = (list(answer.choices), answer.value, answer.text)
    if "choices" in item:
        answer.choices = list(dict.fromkeys(item["choices"] or []))
    if "value" in item:
        answer.value = None if item["value"] in (None, "") else float(item["value"])
    for key in answer_format.TEXT_KEYS:
        if key in item:
            setattr(answer, key, (item[key] or "").strip())
    if answer.pk is None or before != (list(answer.choices), answer.value, answer.text):
        answer.answered_by, answer.answered_at = by, now
    answer.save()


@transaction.atomic
def question_override(
    *, assessment: Assessment, question: Question, points: float | None, reason: str, by: User
) -> Answer:
    """The secretariat sets the points of the city's answer to `question` with a written reason (`points=None`
    removes the override). Everything is checked before the answer's row is written, so a refusal leaves none."""
    if not rules.is_secretariat(by):
        raise PermissionDenied(_("Only the secretariat overrides points."))
    assessment = lock(assessment)
    if assessment.status not in OVERRIDABLE:
        raise StateConflict(_("Points are overridden on a submitted assessment, not on a draft."))
    if question.edition_id != assessment.edition_id:
        raise ValidationError(_("Question '%(code)s' is not part of this edition.") % {"code": question.code})
    if points is not None:
        if not (reason or "").strip():
            raise ValidationError(_("Write the reason for the override."))
        require_no_null(reason, _("reason"))
        if not math.isfinite(points) or points < 0:
            raise ValidationError(_("The points must be a number of 0 or more."))
    answer, _created = Answer.objects.get_or_create(assessment=assessment, question=question)
    answer.override_points = points
    answer.override_reason = (reason or "").strip() if points is not None else ""
    answer.overridden_by = by if points is not None else None
    answer.overridden_at = timezone.now() if points is not None else None
    answer.save()
    shown = points if points is not None else "–"
    log(assessment, AssessmentEventKind.OVERRIDE, by, f"{question.code}: {shown} ({reason})")
    if assessment.status in (VALIDATED, PUBLISHED):
        assessment_rescore(assessment=assessment)
    return answer


def answer_override(*, answer: Answer, points: float | None, reason: str, by: User) -> Answer:
    """`question_override` for an answer in hand."""
    return question_override(
        assessment=answer.assessment, question=answer.question, points=points, reason=reason, by=by
    )
