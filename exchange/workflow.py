"""Two transition tables on the kernel's engine (core.workflow), as the good-practice workflow is:

    news and follow-ups:  draft ─submit→ submitted ─publish→ published ─unpublish→ unpublished ─publish→ published
                            ↑                │
                            └── returned ←return┘   (returned ─submit→ submitted)

    study-visit requests: requested ─accept→ accepted ─schedule→ scheduled (an event)
                              │  └decline→ declined
                              └──────────── withdraw (requested or accepted) → withdrawn

The services check every move against these tables; the pages offer the buttons they allow.
"""

from django.utils.translation import gettext_lazy as _

from cities import rules
from core.workflow import Transition, Workflow

from .choices import ReviewStatus as Review
from .choices import VisitStatus as Visit


def _city_team(user, obj) -> bool:
    return rules.can_coordinate(user, obj.city)


def _secretariat(user, obj) -> bool:
    return rules.is_secretariat(user)


def _requesting_team(user, request) -> bool:
    return rules.can_coordinate(user, request.requesting_city)


REVIEW_WORKFLOW = Workflow(
    [
        Transition("edit", {Review.DRAFT, Review.RETURNED}, target="", label=_("Edit"), allowed=_city_team),
        Transition(
            "submit",
            {Review.DRAFT, Review.RETURNED},
            target=Review.SUBMITTED,
            label=_("Submit for review"),
            allowed=_city_team,
        ),
        Transition(
            "publish",
            {Review.SUBMITTED, Review.UNPUBLISHED},
            target=Review.PUBLISHED,
            label=_("Publish"),
            allowed=_secretariat,
        ),
        Transition(
            "return",
            {Review.SUBMITTED},
            target=Review.RETURNED,
            label=_("Return for changes"),
            allowed=_secretariat,
        ),
        Transition(
            "unpublish", {Review.PUBLISHED}, target=Review.UNPUBLISHED, label=_("Unpublish"), allowed=_secretariat
        ),
    ]
)

VISIT_WORKFLOW = Workflow(
    [
        Transition("accept", {Visit.REQUESTED}, target=Visit.ACCEPTED, label=_("Accept"), allowed=_city_team),
        Transition("decline", {Visit.REQUESTED}, target=Visit.DECLINED, label=_("Decline"), allowed=_city_team),
        Transition(
            "withdraw",
            {Visit.REQUESTED, Visit.ACCEPTED},
            target=Visit.WITHDRAWN,
            label=_("Withdraw the request"),
            allowed=_requesting_team,
        ),
        Transition(
            "schedule",
            {Visit.ACCEPTED},
            target=Visit.SCHEDULED,
            label=_("Turn into an event"),
            allowed=_secretariat,
        ),
    ]
)
