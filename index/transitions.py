"""The assessment workflow as one transition table: draft → submitted → validated → published, and back to draft
when the secretariat returns a submitted or validated assessment with comments.

The services check every move against it (`ASSESSMENT_WORKFLOW.check`), and the desk offers the buttons that
`available_actions(assessment, user)` gives, so a template never restates which status allows what.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cities import rules
from core.workflow import Transition, Workflow

from .choices import AssessmentStatus

DRAFT, SUBMITTED, VALIDATED, PUBLISHED = (s.value for s in AssessmentStatus)


def _coordinates_its_city(user, assessment) -> bool:
    return rules.can_coordinate(user, assessment.city)


def _is_secretariat(user, assessment) -> bool:
    return rules.is_secretariat(user)


ASSESSMENT_WORKFLOW = Workflow(
    [
        Transition("submit", {DRAFT}, SUBMITTED, _("Submit to the secretariat"), _coordinates_its_city),
        Transition("validate", {SUBMITTED}, VALIDATED, _("Validate"), _is_secretariat),
        Transition("publish", {VALIDATED}, PUBLISHED, _("Publish the results"), _is_secretariat),
        Transition("return", {SUBMITTED, VALIDATED}, DRAFT, _("Return to the city"), _is_secretariat),
    ]
)

ACTIONS = frozenset(transition.action for transition in ASSESSMENT_WORKFLOW.transitions)

# Answers change only in a draft; the secretariat overrides points once the city has submitted.
ANSWERABLE = frozenset({DRAFT})
OVERRIDABLE = frozenset({SUBMITTED, VALIDATED, PUBLISHED})


def available_actions(assessment, user) -> list[Transition]:
    """The workflow's moves `user` may make on `assessment` now, in the table's order (the desk's buttons)."""
    return ASSESSMENT_WORKFLOW.available_actions(assessment, user)


def can_override(assessment, user) -> bool:
    return rules.is_secretariat(user) and assessment.status in OVERRIDABLE
