"""What the desk's pages show: the assessments a person works on, an assessment's page, an area's questions."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from cities import rules
from cities.models import City, Membership

from .. import scoring
from ..filters import AssessmentFilterSet
from ..models import Answer, AreaAssignment, Assessment, AssessmentEvent, IndexArea, IndexEdition, Question
from ..transitions import ANSWERABLE, available_actions, can_override
from .editions import question_spec
from .visibility import answerable_area_ids, assessment_workable_by, taken_areas


def desk_assessments(*, user, params) -> AssessmentFilterSet:
    """The assessments the user works on, filtered by the query string (`.qs` the rows, `.form` the filters)."""
    return AssessmentFilterSet(params, queryset=assessment_workable_by(user=user).order_by("-year", "city__name"))


def startable_cities(*, user) -> QuerySet[City]:
    """The cities the user may start an assessment for: those they coordinate, every public city for the
    secretariat."""
    if rules.is_secretariat(user):
        return City.objects.public()
    return City.objects.filter(pk__in=rules.coordinated_city_ids(user))


def editions_with_areas() -> QuerySet[IndexEdition]:
    return IndexEdition.objects.prefetch_related("areas")


def area_progress(assessment: Assessment, areas: list[IndexArea]) -> dict[int, tuple[int, int]]:
    """(answered, total) questions per area id: progress on the desk."""
    totals = dict(
        Question.objects.filter(area__in=areas)
        .order_by()
        .values("area_id")
        .annotate(n=Count("pk"))
        .values_list("area_id", "n")
    )
    answered = dict(
        Answer.objects.given()
        .filter(assessment=assessment)
        .order_by()
        .values("question__area_id")
        .annotate(n=Count("pk"))
        .values_list("question__area_id", "n")
    )
    return {a.pk: (answered.get(a.pk, 0), totals.get(a.pk, 0)) for a in areas}


def assessment_page(assessment: Assessment, *, user) -> dict:
    """An assessment's desk page: progress and people per area, recent answers, the team, the history, the
    optional areas and the workflow's buttons for this user."""
    areas = taken_areas(assessment)
    progress = area_progress(assessment, areas)
    answerable = answerable_area_ids(user=user, assessment=assessment)
    people = defaultdict(list)
    for assignment in AreaAssignment.objects.filter(assessment=assessment).select_related("user"):
        people[assignment.area_id].append(assignment.user)
    rows = [_area_row(area, *progress[area.pk], people[area.pk], area.pk in answerable) for area in areas]
    return {
        "rows": rows,
        "recent": Answer.objects.filter(assessment=assessment, answered_at__isnull=False)
        .select_related("question__area", "answered_by")
        .order_by("-answered_at")[:15],
        "team": Membership.objects.filter(city=assessment.city).select_related("user"),
        "events": AssessmentEvent.objects.filter(assessment=assessment).select_related("by"),
        "optional_areas": IndexArea.objects.filter(edition=assessment.edition, optional=True).order_by("position"),
        "taken_optional": set(assessment.optional_areas.values_list("code", flat=True)),
        "can_coordinate": rules.can_coordinate(user, assessment.city),
        "actions": available_actions(assessment, user),
        "answered": sum(row["answered"] for row in rows),
        "total": sum(row["total"] for row in rows),
    }


def _area_row(area: IndexArea, answered: int, total: int, people: list, can_answer: bool) -> dict:
    return {
        "area": area,
        "answered": answered,
        "total": total,
        "percent": round(100 * answered / total) if total else 0,
        "people": people,
        "can_answer": can_answer,
    }


def areas_of(assessment: Assessment) -> QuerySet[IndexArea]:
    return IndexArea.objects.filter(edition=assessment.edition)


def areas_by_code(assessment: Assessment, codes: list[str]) -> list[IndexArea]:
    """The areas of the assessment's edition that these codes name; a code with a NUL names none."""
    return list(areas_of(assessment).filter(code__in=[code for code in codes if "\x00" not in code]))


def questions_of(assessment: Assessment) -> QuerySet[Question]:
    return Question.objects.filter(edition=assessment.edition).select_related("area")


def team_member(assessment: Assessment, user_id) -> object | None:
    """The member of the city's team with this id, or None."""
    membership = Membership.objects.filter(city=assessment.city, user_id=user_id).select_related("user").first()
    return membership.user if membership else None


@dataclass
class QuestionRow:
    question: Question
    answer: Answer | None
    scored: bool  # the scoring module's own rule: fact and text questions, and those worth nothing, are not


def area_questions(assessment: Assessment, area: IndexArea) -> list[QuestionRow]:
    questions = area.questions.prefetch_related("choices", "bands").order_by("position")
    answers = {
        a.question_id: a
        for a in Answer.objects.filter(assessment=assessment, question__area=area).select_related(
            "answered_by", "overridden_by"
        )
    }
    return [QuestionRow(q, answers.get(q.pk), scoring.is_scored(question_spec(q))) for q in questions]


def area_page(assessment: Assessment, area: IndexArea, *, user) -> dict:
    """Who may do what on an area's page, and the area that follows it."""
    areas = taken_areas(assessment)
    codes = [a.code for a in areas]
    position = codes.index(area.code) if area.code in codes else -1
    return {
        "can_answer": assessment.status in ANSWERABLE
        and area.pk in answerable_area_ids(user=user, assessment=assessment),
        "can_override": can_override(assessment, user),
        "next_area": areas[position + 1] if 0 <= position < len(areas) - 1 else None,
    }
