"""What the Index's services share: locking an assessment, its history, and the checks every write makes first."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.models import User
from cities import rules
from core.errors import StateConflict

from ..choices import AssessmentEventKind
from ..models import Assessment, AssessmentEvent
from ..transitions import ANSWERABLE


def lock(assessment: Assessment) -> Assessment:
    """The assessment's row, locked until the transaction ends: two requests never move it at once."""
    return Assessment.objects.select_for_update().select_related("city__country", "edition").get(pk=assessment.pk)


def log(assessment: Assessment, kind: AssessmentEventKind, by: User, comment: str = "") -> None:
    AssessmentEvent.objects.create(assessment=assessment, action=kind, by=by, comment=comment)


def require_coordinator(assessment: Assessment, by: User) -> None:
    rules.require_coordinator_of(by, assessment.city)


def require_answerable(assessment: Assessment) -> None:
    if assessment.status not in ANSWERABLE:
        raise StateConflict(
            _("The assessment is %(status)s: answers can only change in a draft.")
            % {"status": assessment.get_status_display().lower()}
        )


def require_no_null(text: str | None, what: str) -> None:
    """PostgreSQL cannot store a NUL character: refuse it as bad input instead of failing on save."""
    if text and "\x00" in text:
        raise ValidationError(_("The %(what)s contains a null character.") % {"what": what})
