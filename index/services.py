"""Every write of the Index: importing editions, starting and filling assessments, the workflow, overrides.

Bad input raises `ValidationError` naming every problem and writes nothing; a state that does not allow the
operation raises `StateConflict` (409 in the API); a person who may not do it gets `PermissionDenied`.
"""

from __future__ import annotations

import math

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from accounts.models import User
from cities import rules
from cities.models import City, Membership
from cities.notifications import notify_city_coordinators
from cities.services import member_invite
from core.errors import StateConflict
from core.notifications import absolute_url, notify_secretariat
from goodpractices.models import FieldOfAction

from . import edition_format, selectors
from .choices import BAND_KINDS, CHOICE_KINDS, AssessmentStatus, QuestionKind
from .models import (
    Answer,
    AreaAssignment,
    Assessment,
    AssessmentEvent,
    Band,
    Choice,
    IndexArea,
    IndexEdition,
    IndexGroup,
    Question,
)

# The names of the history's steps (AssessmentEvent.action), as the pages show them.
EVENT_LABELS = {
    "created": pgettext_lazy("assessment history", "started"),
    "submitted": pgettext_lazy("assessment history", "submitted"),
    "returned": pgettext_lazy("assessment history", "returned to the city"),
    "validated": pgettext_lazy("assessment history", "validated"),
    "published": pgettext_lazy("assessment history", "published"),
    "override": pgettext_lazy("assessment history", "points overridden"),
    "optional_areas": pgettext_lazy("assessment history", "optional areas changed"),
}


def event_label(action: str) -> str:
    return str(EVENT_LABELS.get(action, action))


# Editions ---------------------------------------------------------------------------------------------------


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
            question = Question.objects.create(
                edition=edition,
                area=area,
                code=q["code"],
                kind=q["kind"],
                data_kind=q["data_kind"],
                weight=q["weight"],
                max_points=q["max_points"],
                position=q_position,
                **_translated("text", q["text"]),
                **_translated("example", q["example"]),
            )
            Choice.objects.bulk_create(
                Choice(
                    question=question,
                    code=c["code"],
                    points=c["points"],
                    position=i,
                    **_translated("label", c["label"]),
                )
                for i, c in enumerate(q["choices"])
            )
            Band.objects.bulk_create(
                Band(question=question, min=b["min"], max=b.get("max"), points=b["points"], position=i)
                for i, b in enumerate(sorted(q["bands"], key=lambda b: b["min"]))
            )
    return edition


def _translated(name: str, texts: dict) -> dict:
    values = {f"{name}_{lang}": texts.get(lang, "") for lang in edition_format.LANGUAGES}
    values[name] = texts.get("en", "")
    return values


# Assessments and the team -----------------------------------------------------------------------------------


@transaction.atomic
def assessment_create(
    *, city: City, edition: IndexEdition, year: int, optional_areas: list[str] = (), by: User
) -> Assessment:
    """Start a draft: one per city, edition and year; optional areas are named by code."""
    if not rules.can_coordinate(by, city):
        raise PermissionDenied(_("Only the city's coordinators and the secretariat start an assessment."))
    problems = []
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        problems.append(_("The year must be a year between 2000 and 2100."))
    optional = {a.code: a for a in edition.areas.filter(optional=True)}
    unknown = [code for code in optional_areas if code not in optional]
    if unknown:
        problems.append(_unknown_optional(unknown, optional))
    already = _("%(city)s already has an assessment of %(edition)s for %(year)s.") % {
        "city": city.name,
        "edition": edition.code,
        "year": year,
    }
    if not problems and Assessment.objects.filter(city=city, edition=edition, year=year).exists():
        problems.append(already)
    if problems:
        raise ValidationError(problems)
    try:
        with transaction.atomic():
            assessment = Assessment.objects.create(city=city, edition=edition, year=year, created_by=by)
    except IntegrityError as error:  # a concurrent request created it first
        raise ValidationError(already) from error
    assessment.optional_areas.set([optional[code] for code in optional_areas])
    _log(assessment, "created", by)
    return assessment


def _unknown_optional(unknown: list, optional: dict) -> str:
    return _("Unknown optional area(s): %(unknown)s (this edition offers: %(offered)s).") % {
        "unknown": ", ".join(map(str, unknown)),
        "offered": ", ".join(optional) or _("none"),
    }


@transaction.atomic
def assessment_set_optional_areas(*, assessment: Assessment, codes: list[str], by: User) -> Assessment:
    """Change the optional areas a draft takes. Answers already given in an area that is dropped are kept
    (they count again if the area is taken back)."""
    _require_coordinator(assessment, by)
    assessment = _lock(assessment)
    _require_draft(assessment)
    optional = {a.code: a for a in assessment.edition.areas.filter(optional=True)}
    unknown = [c for c in codes if c not in optional]
    if unknown:
        raise ValidationError(_unknown_optional(unknown, optional))
    before = set(assessment.optional_areas.values_list("code", flat=True))
    assessment.optional_areas.set([optional[c] for c in codes])
    if before != set(codes):
        _log(assessment, "optional_areas", by, ", ".join(str(optional[c].title) for c in codes) or "–")
    return assessment


@transaction.atomic
def area_assign(*, assessment: Assessment, area: IndexArea, user: User, by: User) -> AreaAssignment:
    """Ask a member of the city's team to answer an area."""
    _require_coordinator(assessment, by)
    if area.edition_id != assessment.edition_id:
        raise ValidationError(
            _("Area '%(area)s' is not part of %(edition)s.") % {"area": area.code, "edition": assessment.edition.code}
        )
    if not Membership.objects.filter(city=assessment.city, user=user).exists():
        raise ValidationError(
            _("%(email)s is not a member of %(city)s's team.") % {"email": user.email, "city": assessment.city.name}
        )
    assignment, _created = AreaAssignment.objects.get_or_create(
        assessment=assessment, area=area, user=user, defaults={"assigned_by": by}
    )
    return assignment


@transaction.atomic
def area_unassign(*, assessment: Assessment, area: IndexArea, user: User, by: User) -> None:
    _require_coordinator(assessment, by)
    AreaAssignment.objects.filter(assessment=assessment, area=area, user=user).delete()


@transaction.atomic
def colleague_invite(
    *,
    assessment: Assessment,
    email: str,
    areas: list[IndexArea],
    by: User,
    first_name: str = "",
    last_name: str = "",
    department: str = "",
    language: str = "en",
) -> Membership:
    """Invite a colleague from another department (an account tied to the city) and assign them areas."""
    _require_coordinator(assessment, by)
    membership = member_invite(
        city=assessment.city,
        email=email,
        invited_by=by,
        role=Membership.Role.COLLEAGUE,
        first_name=first_name,
        last_name=last_name,
        department=department,
        language=language,
    )
    for area in areas:
        area_assign(assessment=assessment, area=area, user=membership.user, by=by)
    return membership


# Answers ----------------------------------------------------------------------------------------------------

ANSWER_KEYS = {"question", "choices", "value", "text", "comment", "evidence_url"}


@transaction.atomic
def answers_save(*, assessment: Assessment, items: list[dict], by: User) -> list[Answer]:
    """Upsert answers. Every item is checked first; one problem and nothing is written, so nothing is lost.

    Only the keys an item gives change: `{"question", "comment"}` keeps the choices already saved.
    """
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    _require_draft(assessment)
    if not isinstance(items, list):
        raise ValidationError(_("Send a list of answers."))
    allowed_areas = selectors.answerable_area_ids(user=by, assessment=assessment)
    if not allowed_areas and not rules.is_member_of(by, assessment.city) and not rules.is_secretariat(by):
        raise PermissionDenied(_("Only the city's team and the secretariat answer its assessment."))
    questions = {
        q.code: q
        for q in Question.objects.filter(edition=assessment.edition).select_related("area").prefetch_related("choices")
    }
    taken = {a.pk for a in selectors.taken_areas(assessment)}
    problems, refused = [], []
    for position, item in enumerate(items, start=1):
        problems += _answer_problems(item, position, questions, assessment)
        question = questions.get(item.get("question")) if isinstance(item, dict) else None
        if question is not None and question.area.optional and question.area_id not in taken:
            problems.append(
                _("Question '%(code)s': the optional area '%(area)s' is not taken.")
                % {"code": question.code, "area": question.area.title}
            )
        elif question is not None and question.area_id not in allowed_areas:
            refused.append(
                _("Question '%(code)s': the area '%(area)s' is not assigned to you.")
                % {"code": question.code, "area": question.area.title}
            )
    if refused:
        raise PermissionDenied(" ".join(refused))
    if problems:
        raise ValidationError(problems)
    existing = {
        a.question_id: a
        for a in Answer.objects.filter(assessment=assessment, question__code__in=[i["question"] for i in items])
    }
    saved, now = [], timezone.now()
    for item in items:
        question = questions[item["question"]]
        answer = existing.get(question.pk) or Answer(assessment=assessment, question=question)
        before = (list(answer.choices), answer.value, answer.text)
        if "choices" in item:
            answer.choices = list(dict.fromkeys(item["choices"] or []))
        if "value" in item:
            answer.value = None if item["value"] in (None, "") else float(item["value"])
        if "text" in item:
            answer.text = (item["text"] or "").strip()
        if "comment" in item:
            answer.comment = (item["comment"] or "").strip()
        if "evidence_url" in item:
            answer.evidence_url = (item["evidence_url"] or "").strip()
        if answer.pk is None or before != (list(answer.choices), answer.value, answer.text):
            answer.answered_by, answer.answered_at = by, now
        answer.save()
        existing[question.pk] = answer
        saved.append(answer)
    return saved


def _answer_problems(item, position: int, questions: dict, assessment: Assessment) -> list[str]:
    if not isinstance(item, dict):
        return [_("Answer %(n)s: must be an object with a question code.") % {"n": position}]
    code = item.get("question")
    unknown_keys = set(item) - ANSWER_KEYS
    problems = (
        [_("Answer %(n)s: unknown key(s) %(keys)s.") % {"n": position, "keys": ", ".join(sorted(unknown_keys))}]
        if unknown_keys
        else []
    )
    question = questions.get(code) if isinstance(code, str) else None
    if question is None:
        other = Question.objects.filter(code=code).select_related("edition").first() if isinstance(code, str) else None
        if other is not None:
            return [
                *problems,
                _("Question '%(code)s' belongs to edition %(other)s, not %(edition)s.")
                % {"code": code, "other": other.edition.code, "edition": assessment.edition.code},
            ]
        return [
            *problems,
            _("Answer %(n)s: unknown question '%(code)s' in %(edition)s.")
            % {"n": position, "code": code, "edition": assessment.edition.code},
        ]
    where = {"code": code, "kind": question.get_kind_display().lower()}
    if "choices" in item:
        choices = item["choices"] or []
        if question.kind not in CHOICE_KINDS:
            problems.append(_("Question '%(code)s' (%(kind)s) takes no choices.") % where)
        elif not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
            problems.append(_("Question '%(code)s': choices must be a list of choice codes.") % where)
        else:
            known = [c.code for c in question.choices.all()]
            for c in choices:
                if c not in known:
                    problems.append(
                        _("Question '%(code)s': unknown choice '%(choice)s' (use one of %(known)s).")
                        % {**where, "choice": c, "known": ", ".join(known)}
                    )
            if question.kind != QuestionKind.MULTIPLE and len(set(choices)) > 1:
                problems.append(_("Question '%(code)s': only one choice may be given.") % where)
    if "value" in item and item["value"] not in (None, ""):
        value = item["value"]
        if question.kind not in BAND_KINDS:
            problems.append(_("Question '%(code)s' (%(kind)s) takes no number.") % where)
        else:
            try:
                value = float(value)
            except (TypeError, ValueError):
                value = math.nan
            if isinstance(item["value"], bool) or not math.isfinite(value):
                problems.append(
                    _("Question '%(code)s': '%(value)s' is not a number.") % {**where, "value": item["value"]}
                )
            elif question.kind == QuestionKind.PERCENT and not 0 <= value <= 100:
                problems.append(
                    _("Question '%(code)s': a percentage must be between 0 and 100, not %(value)s.")
                    % {**where, "value": item["value"]}
                )
            elif value < 0:
                problems.append(_("Question '%(code)s': the number cannot be negative.") % where)
    if "text" in item and item["text"] and question.kind != QuestionKind.TEXT:
        problems.append(_("Question '%(code)s' (%(kind)s) takes no text answer: use the comment.") % where)
    if "text" in item and item["text"] is not None and not isinstance(item["text"], str):
        problems.append(_("Question '%(code)s': the text must be a string.") % where)
    for key in ("comment", "evidence_url"):
        if key in item and item[key] is not None and not isinstance(item[key], str):
            problems.append(_("Question '%(code)s': %(key)s must be a string.") % {**where, "key": key})
    for key in ("text", "comment", "evidence_url"):
        if isinstance(item.get(key), str) and "\x00" in item[key]:
            problems.append(_("Question '%(code)s': %(key)s contains a null character.") % {**where, "key": key})
    if isinstance(item.get("evidence_url"), str) and item["evidence_url"].strip():
        try:
            URLValidator(schemes=["http", "https"])(item["evidence_url"].strip())
        except ValidationError:
            problems.append(
                _("Question '%(code)s': the evidence link '%(url)s' is not a web address.")
                % {**where, "url": item["evidence_url"]}
            )
    return problems


@transaction.atomic
def answer_override(*, answer: Answer, points: float | None, reason: str, by: User) -> Answer:
    """The secretariat sets an answer's points with a written reason; `points=None` removes the override."""
    if not rules.is_secretariat(by):
        raise PermissionDenied(_("Only the secretariat overrides points."))
    if answer.assessment.status == AssessmentStatus.DRAFT:
        raise StateConflict(_("Points are overridden on a submitted assessment, not on a draft."))
    if points is not None:
        if not (reason or "").strip():
            raise ValidationError(_("Write the reason for the override."))
        _require_no_null(reason, _("reason"))
        if not math.isfinite(points) or points < 0:
            raise ValidationError(_("The points must be a number of 0 or more."))
    answer.override_points = points
    answer.override_reason = (reason or "").strip() if points is not None else ""
    answer.overridden_by = by if points is not None else None
    answer.overridden_at = timezone.now() if points is not None else None
    answer.save()
    _log(
        answer.assessment, "override", by, f"{answer.question.code}: {points if points is not None else '–'} ({reason})"
    )
    if answer.assessment.status in (AssessmentStatus.VALIDATED, AssessmentStatus.PUBLISHED):
        assessment_rescore(assessment=answer.assessment)
    return answer


# Workflow ---------------------------------------------------------------------------------------------------

# The message when the state does not allow a step, per step (whole sentences, so that French can agree).
WRONG_STATE = {
    "submitted": gettext_lazy("Only a draft assessment can be submitted; this one is %(status)s."),
    "validated": gettext_lazy("Only a submitted assessment can be validated; this one is %(status)s."),
    "published": gettext_lazy("Only a validated assessment can be published; this one is %(status)s."),
}


@transaction.atomic
def assessment_submit(*, assessment: Assessment, by: User) -> Assessment:
    _require_coordinator(assessment, by)
    assessment = _move(assessment, AssessmentStatus.DRAFT, AssessmentStatus.SUBMITTED, by, "submitted")
    _notify_secretariat(assessment, by=by)
    return assessment


@transaction.atomic
def assessment_validate(*, assessment: Assessment, by: User, comment: str = "") -> Assessment:
    rules.require_secretariat(by)
    _require_no_null(comment, _("comment"))
    assessment = _move(assessment, AssessmentStatus.SUBMITTED, AssessmentStatus.VALIDATED, by, "validated", comment)
    assessment = assessment_rescore(assessment=assessment)
    _notify_city(assessment, "index_assessment_validated", by=by, comment=comment, link=_results_path(assessment))
    return assessment


@transaction.atomic
def assessment_return(*, assessment: Assessment, by: User, comment: str) -> Assessment:
    """Send a submitted (or validated, unpublished) assessment back to the city with comments."""
    rules.require_secretariat(by)
    if not (comment or "").strip():
        raise ValidationError(_("Say what the city should change: a comment is required."))
    _require_no_null(comment, _("comment"))
    assessment = _lock(assessment)
    if assessment.status not in (AssessmentStatus.SUBMITTED, AssessmentStatus.VALIDATED):
        raise StateConflict(
            _("A %(status)s assessment cannot be returned.") % {"status": assessment.get_status_display().lower()}
        )
    assessment.status = AssessmentStatus.DRAFT
    assessment.core, assessment.extended, assessment.area_scores, assessment.group_scores = None, None, {}, {}
    assessment.save()
    _log(assessment, "returned", by, comment)
    link = reverse("index_desk:assessment", args=[assessment.pk])
    _notify_city(assessment, "index_assessment_returned", by=by, comment=comment.strip(), link=link)
    return assessment


@transaction.atomic
def assessment_publish(*, assessment: Assessment, by: User) -> Assessment:
    rules.require_secretariat(by)
    assessment = _move(assessment, AssessmentStatus.VALIDATED, AssessmentStatus.PUBLISHED, by, "published")
    _notify_city(assessment, "index_assessment_published", by=by, link=_results_path(assessment))
    return assessment


def assessment_rescore(*, assessment: Assessment) -> Assessment:
    """Store the unrounded scores, so that peer groups read one row per city."""
    results = selectors.compute_results(assessment)
    assessment.core, assessment.extended = results.core, results.extended
    assessment.area_scores, assessment.group_scores = results.areas, results.groups
    assessment.save(update_fields=["core", "extended", "area_scores", "group_scores"])
    return assessment


def _move(assessment, source, target, by, action, comment="") -> Assessment:
    assessment = _lock(assessment)
    if assessment.status != source:
        raise StateConflict(WRONG_STATE[action] % {"status": assessment.get_status_display().lower()})
    assessment.status = target
    setattr(assessment, f"{action}_at", timezone.now())
    assessment.save()
    _log(assessment, action, by, comment)
    return assessment


def _lock(assessment: Assessment) -> Assessment:
    return Assessment.objects.select_for_update().select_related("city__country", "edition").get(pk=assessment.pk)


def _require_no_null(text: str | None, what: str) -> None:
    """PostgreSQL cannot store a NUL character: refuse it as bad input instead of failing on save."""
    if text and "\x00" in text:
        raise ValidationError(_("The %(what)s contains a null character.") % {"what": what})


def _log(assessment: Assessment, action: str, by: User, comment: str = "") -> None:
    AssessmentEvent.objects.create(assessment=assessment, action=action, by=by, comment=comment)


def _require_draft(assessment: Assessment) -> None:
    if assessment.status != AssessmentStatus.DRAFT:
        raise StateConflict(
            _("The assessment is %(status)s: answers can only change in a draft.")
            % {"status": assessment.get_status_display().lower()}
        )


def _require_coordinator(assessment: Assessment, by: User) -> None:
    rules.require_coordinator_of(by, assessment.city)


# Notifications (sent by the Celery worker once the transaction commits) ---------------------------------------


def _results_path(assessment: Assessment) -> str:
    return reverse("index_city:wave", args=[assessment.city.slug, assessment.edition.code, assessment.year])


def _context(assessment: Assessment, *, by: User | None, comment: str = "", link: str) -> dict:
    return {
        "city": assessment.city.name,
        "edition": assessment.edition.code,
        "year": assessment.year,
        "by": str(by) if by else "",
        "comment": comment or "",
        "url": absolute_url(link),
    }


def _notify_secretariat(assessment: Assessment, *, by: User) -> None:
    link = reverse("index_desk:assessment", args=[assessment.pk])
    notify_secretariat(template="index_assessment_submitted", context=_context(assessment, by=by, link=link))


def _notify_city(assessment: Assessment, template: str, *, by: User, link: str, comment: str = "") -> None:
    context = _context(assessment, by=by, comment=comment, link=link)
    notify_city_coordinators(city=assessment.city, template=template, context=context)
