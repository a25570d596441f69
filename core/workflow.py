"""A workflow as one transition table: the services check a move against it, the pages ask it what to offer.

PRACTICE_WORKFLOW = Workflow([
    Transition("submit", sources={"draft", "changes_requested"}, target="submitted",
               label=_("Submit for review"), allowed=can_coordinate_object),
    ...
])
PRACTICE_WORKFLOW.check(practice, "submit")            # StateConflict unless the status allows it
PRACTICE_WORKFLOW.available_actions(practice, user)    # what this user may do now, in the table's order

and the two steps every reviewed workflow's services take (good practices, news, follow-ups):

practice = PRACTICE_WORKFLOW.lock(practice, ("submit",))            # re-read under a row lock, state checked
step = PRACTICE_WORKFLOW.move(practice, "submit", log=PracticeTransition, practice=practice, by=user)
practice.save()                                                     # the caller saves what it changed
"""

from collections.abc import Callable, Iterable, Sequence
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
            raise self.conflict(obj, message)
        return transition

    def conflict(self, obj, message: str | Callable[[str], str] | None = None) -> StateConflict:
        """The refusal for `obj` in its current state; `message` may be a function of the status's label."""
        status = getattr(obj, f"get_{self.status_field}_display", lambda: getattr(obj, self.status_field))()
        status = str(status).lower()
        if callable(message):
            return StateConflict(message(status))
        return StateConflict(message or _("This cannot be done while it is %(status)s.") % {"status": status})

    def lock(
        self,
        obj,
        actions: Sequence[str],
        *,
        message: str | Callable[[str], str] | None = None,
        related: Sequence[str] = (),
    ):
        """`obj` read again under a row lock (inside the caller's transaction) when its state allows one of
        `actions`; StateConflict otherwise. Two reviewers clicking at once: the second sees the first one's state."""
        queryset = type(obj)._default_manager.select_for_update()
        locked = (queryset.select_related(*related) if related else queryset).filter(pk=obj.pk).first()
        if locked is None:
            # Whoever held the lock before us merged or removed it (20 parallel publishes of a new version gave
            # 19 × 500): a state conflict like any other, not a server error.
            raise StateConflict(
                _("This was published or removed while you were acting on it; reload it to see where it stands.")
            )
        if not any(self.can(locked, action) for action in actions):
            raise self.conflict(locked, message)
        return locked

    def move(self, obj, action: str, *, log=None, recorded_as: str | None = None, **details):
        """Checks `action`, sets `obj`'s status to its target and, given a history model `log` (with `action`,
        `from_status` and `to_status` columns), records the step with `details` (who, why, the object itself).
        Returns the recorded row (or None). The caller saves `obj`, with whatever else the step changed."""
        transition = self.check(obj, action)
        step = None
        if log is not None:
            step = log.objects.create(
                action=recorded_as or action,
                from_status=getattr(obj, self.status_field),
                to_status=transition.target,
                **details,
            )
        setattr(obj, self.status_field, transition.target)
        return step

    def available_actions(self, obj, user) -> list[Transition]:
        """The moves `user` may make on `obj` now, in the table's order: what templates offer as buttons."""
        return [t for t in self.transitions if self.can(obj, t.action) and t.allowed(user, obj)]

    def available_action_names(self, obj, user) -> set[str]:
        return {transition.action for transition in self.available_actions(obj, user)}
