"""The review workflow of a good practice as one transition table.

    draft ─submit→ submitted ─publish→ published ─unpublish→ unpublished ─republish→ published
      ↑                │ └─reject→ rejected
      └ changes_requested ←request_changes┘   (changes_requested ─submit→ submitted)
    draft ─delete→ (gone: only a draft that was never submitted)

The services check every move against it (`PRACTICE_WORKFLOW.check`), and the pages offer the buttons it
allows (`available_actions(practice, user)`), so that no template restates the rules with status tests.
"""

from django.utils.translation import gettext_lazy as _

from cities import rules
from core.workflow import Transition, Workflow

from .choices import PracticeStatus as Status


def _city_team(user, practice) -> bool:
    return rules.can_coordinate(user, practice.city)


def _secretariat(user, practice) -> bool:
    return rules.is_secretariat(user)


PRACTICE_WORKFLOW = Workflow(
    [
        # Editing keeps the state; it is in the table because it is allowed in these states only.
        Transition("edit", {Status.DRAFT, Status.CHANGES_REQUESTED}, target="", label=_("Edit"), allowed=_city_team),
        Transition(
            "submit",
            {Status.DRAFT, Status.CHANGES_REQUESTED},
            target=Status.SUBMITTED,
            label=_("Submit for review"),
            allowed=_city_team,
        ),
        Transition("publish", {Status.SUBMITTED}, target=Status.PUBLISHED, label=_("Publish"), allowed=_secretariat),
        Transition(
            "request_changes",
            {Status.SUBMITTED},
            target=Status.CHANGES_REQUESTED,
            label=_("Request changes"),
            allowed=_secretariat,
        ),
        Transition("reject", {Status.SUBMITTED}, target=Status.REJECTED, label=_("Reject"), allowed=_secretariat),
        Transition(
            "unpublish", {Status.PUBLISHED}, target=Status.UNPUBLISHED, label=_("Unpublish"), allowed=_secretariat
        ),
        Transition(
            "republish",
            {Status.UNPUBLISHED},
            target=Status.PUBLISHED,
            label=_("Publish again"),
            allowed=_secretariat,
        ),
        # Only a draft that was never submitted (a new version included: the published practice stays as it is).
        Transition("delete", {Status.DRAFT}, target="", label=_("Delete draft"), allowed=_city_team),
        # A new version is a draft of its own (`services.practice_revise`); the published practice keeps its state.
        Transition(
            "revise",
            {Status.PUBLISHED, Status.UNPUBLISHED},
            target=Status.DRAFT,
            label=_("Edit: start a new version"),
            allowed=_city_team,
        ),
    ]
)

# The states a new version is still open in (being written or reviewed): one at a time.
IN_PROGRESS = frozenset({Status.DRAFT, Status.CHANGES_REQUESTED, Status.SUBMITTED})


def can_edit(practice) -> bool:
    return PRACTICE_WORKFLOW.can(practice, "edit")


def available_actions(practice, user, *, among=None) -> list[Transition]:
    """The moves `user` may make on `practice` now, in the table's order (optionally only those named in `among`)."""
    actions = PRACTICE_WORKFLOW.available_actions(practice, user)
    return [action for action in actions if among is None or action.action in among]


def actions_by_name(practice, user) -> dict[str, Transition]:
    """For templates: `{% if actions.revise %}`."""
    return {action.action: action for action in available_actions(practice, user)}
