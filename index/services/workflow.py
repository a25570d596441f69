"""The assessment's workflow: submit, validate, return, publish (the moves of `transitions.ASSESSMENT_WORKFLOW`),
the scores stored on validation, and the e-mails each move sends once the transaction commits."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from cities import rules
from cities.notifications import notify_city_coordinators
from core.notifications import absolute_url, notify_secretariat

from ..choices import AssessmentEventKind
from ..models import Assessment
from ..selectors import compute_results
from ..transitions import ASSESSMENT_WORKFLOW
from .common import lock, log, require_coordinator, require_no_null

# The message when the state does not allow a move, per move (whole sentences, so that French can agree).
WRONG_STATE = {
    "submit": gettext_lazy("Only a draft assessment can be submitted; this one is %(status)s."),
    "validate": gettext_lazy("Only a submitted assessment can be validated; this one is %(status)s."),
    "publish": gettext_lazy("Only a validated assessment can be published; this one is %(status)s."),
    "return": gettext_lazy("A %(status)s assessment cannot be returned."),
}
# The history's step and the time stamp each move leaves.
EVENTS = {
    "submit": (AssessmentEventKind.SUBMITTED, "submitted_at"),
    "validate": (AssessmentEventKind.VALIDATED, "validated_at"),
    "publish": (AssessmentEventKind.PUBLISHED, "published_at"),
    "return": (AssessmentEventKind.RETURNED, None),
}


@transaction.atomic
def assessment_submit(*, assessment: Assessment, by: User) -> Assessment:
    require_coordinator(assessment, by)
    assessment = _move(assessment, "submit", by)
    link = reverse("index_desk:assessment", args=[assessment.pk])
    notify_secretariat(template="index_assessment_submitted", context=_context(assessment, by=by, link=link))
    return assessment


@transaction.atomic
def assessment_validate(*, assessment: Assessment, by: User, comment: str = "") -> Assessment:
    rules.require_secretariat(by)
    require_no_null(comment, _("comment"))
    assessment = assessment_rescore(assessment=_move(assessment, "validate", by, comment))
    _notify_city(assessment, "index_assessment_validated", by=by, comment=comment, link=_results_path(assessment))
    return assessment


@transaction.atomic
def assessment_return(*, assessment: Assessment, by: User, comment: str) -> Assessment:
    """Send a submitted (or validated, unpublished) assessment back to the city with comments."""
    rules.require_secretariat(by)
    if not (comment or "").strip():
        raise ValidationError(_("Say what the city should change: a comment is required."))
    require_no_null(comment, _("comment"))
    assessment = _move(assessment, "return", by, comment)
    assessment.core, assessment.extended, assessment.area_scores, assessment.group_scores = None, None, {}, {}
    assessment.save(update_fields=["core", "extended", "area_scores", "group_scores"])
    link = reverse("index_desk:assessment", args=[assessment.pk])
    _notify_city(assessment, "index_assessment_returned", by=by, comment=comment.strip(), link=link)
    return assessment


@transaction.atomic
def assessment_publish(*, assessment: Assessment, by: User) -> Assessment:
    rules.require_secretariat(by)
    assessment = _move(assessment, "publish", by)
    _notify_city(assessment, "index_assessment_published", by=by, link=_results_path(assessment))
    return assessment


STEPS = {
    "submit": lambda assessment, by, comment: assessment_submit(assessment=assessment, by=by),
    "validate": lambda assessment, by, comment: assessment_validate(assessment=assessment, by=by, comment=comment),
    "return": lambda assessment, by, comment: assessment_return(assessment=assessment, by=by, comment=comment),
    "publish": lambda assessment, by, comment: assessment_publish(assessment=assessment, by=by),
}


def assessment_step(*, assessment: Assessment, action: str, by: User, comment: str = "") -> Assessment:
    """The move named `action`, as the desk's buttons name it (one of the table's; another name is a KeyError)."""
    return STEPS[action](assessment, by, comment)


def assessment_rescore(*, assessment: Assessment) -> Assessment:
    """Store the unrounded scores, so that peer groups read one row per city."""
    results = compute_results(assessment)
    assessment.core, assessment.extended = results.core, results.extended
    assessment.area_scores, assessment.group_scores = results.areas, results.groups
    assessment.save(update_fields=["core", "extended", "area_scores", "group_scores"])
    return assessment


def _move(assessment: Assessment, action: str, by: User, comment: str = "") -> Assessment:
    assessment = lock(assessment)
    wrong = WRONG_STATE[action] % {"status": assessment.get_status_display().lower()}
    transition = ASSESSMENT_WORKFLOW.check(assessment, action, wrong)
    kind, stamp = EVENTS[action]
    assessment.status = transition.target
    if stamp:
        setattr(assessment, stamp, timezone.now())
    assessment.save()
    log(assessment, kind, by, comment)
    return assessment


# Notifications (sent by the worker through the outbox once the transaction commits) -------------------------


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


def _notify_city(assessment: Assessment, template: str, *, by: User, link: str, comment: str = "") -> None:
    context = _context(assessment, by=by, comment=comment, link=link)
    notify_city_coordinators(city=assessment.city, template=template, context=context)
