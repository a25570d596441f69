"""A workflow as one transition table: the services check a move against it, the pages ask it what to offer.

PRACTICE_WORKFLOW = Workflow([
    Transition("submit", sources={"draft", "changes_requested"}, target="submitted",
               label=_("Submit for review"), allowed=can_coordinate_object),
    ...
])
PRACTICE_WORKFLOW.check(practice, "submit")            # StateConflict unless the status allows it
PRACTICE_WORKFLOW.available_actions(practice, user)    # what this user may do now, in the table's order
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .errors import StateConflict


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str
    label: str = ""
    allowed: Callable[[object, object], bool] = field(default=lambda user, obj: True, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "sources", frozenset(self.sources))


class Workflow:
    def __init__(self, transitions: Iterable[Transition], *, status_field: str = "status"):
        self.transitions = list(transitions)
        self.status_field = status_field
        self._by_action = {transition.action: transition for transition in self.transitions}

    def __getitem__(self, action: str) -> Transition:
        return self._by_action[action]

    def can(self, obj, action: str) -> bool:
        """Whether the object's state allows `action` (whoever asks)."""
        return getattr(obj, self.status_field) in self[action].sources

    def check(self, obj, action: str, message: str | None = None) -> Transition:
        """The transition, or StateConflict with a readable message when the object's state does not allow it."""
        transition = self[action]
        if not self.can(obj, action):
            status = getattr(obj, f"get_{self.status_field}_display", lambda: getattr(obj, self.status_field))()
            raise StateConflict(
                message or _("This cannot be done while it is %(status)s.") % {"status": str(status).lower()}
            )
        return transition

    def available_actions(self, obj, user) -> list[Transition]:
        """The moves `user` may make on `obj` now, in the table's order: what templates offer as buttons."""
        return [t for t in self.transitions if self.can(obj, t.action) and t.allowed(user, obj)]

    def available_action_names(self, obj, user) -> set[str]:
        return {transition.action for transition in self.available_actions(obj, user)}
