"""The review of what cities post — news and follow-ups of practices — on the kernel's workflow engine, the way the
good-practice services run theirs: each step re-reads the object under a row lock with its state checked
(`Workflow.lock`), records who moved it and why (`Workflow.move`), and notifies through the outbox."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cities import rules
from cities.notifications import notify_city_coordinators
from core.notifications import absolute_url, notify_secretariat

from ..choices import ReviewStatus
from ..models import FollowUp, FollowUpStep, News, NewsStep
from ..workflow import REVIEW_WORKFLOW

# Each reviewed model's history table and the name of its column there.
STEPS = {News: (NewsStep, "news"), FollowUp: (FollowUpStep, "follow_up")}


def kind_label(item) -> str:
    return str(_("news item") if isinstance(item, News) else _("follow-up"))


def _lock(item, actions: tuple[str, ...], verb: str):
    return REVIEW_WORKFLOW.lock(
        item,
        actions,
        message=lambda status: (
            _("A %(kind)s that is %(status)s cannot be %(action)s.")
            % {"kind": kind_label(item), "status": status, "action": verb}
        ),
    )


def _step(item, action: str, *, by, comment: str = ""):
    log, column = STEPS[type(item)]
    return REVIEW_WORKFLOW.move(item, action, log=log, by=by, comment=(comment or "").strip(), **{column: item})


def _context(item, step=None) -> dict:
    city = item.city
    return {
        "kind": kind_label(item),
        "title": item.title,
        "city": city.name,
        "comment": step.comment if step else "",
        "link": absolute_url(item.get_absolute_url()),
    }


def check_editable(item, by) -> None:
    rules.require_coordinator_of(by, item.city)
    REVIEW_WORKFLOW.check(item, "edit", _("It can be edited only as a draft or when it is returned for changes."))


@transaction.atomic
def review_submit(*, item, by):
    """Sends a draft (or a returned item) to the secretariat."""
    rules.require_coordinator_of(by, item.city)
    item = _lock(item, ("submit",), _("submitted"))
    missing = item.missing_fields()
    if missing:
        raise ValidationError(_("Fill in before submitting: %(fields)s.") % {"fields": ", ".join(missing)})
    item.submitted_at = timezone.now()
    _step(item, "submit", by=by)
    item.save()
    notify_secretariat(template="exchange_submitted", context=_context(item))
    return item


@transaction.atomic
def review_publish(*, item, by, comment: str = ""):
    rules.require_secretariat(by)
    item = _lock(item, ("publish",), _("published"))
    step = _step(item, "publish", by=by, comment=comment)
    item.published_at = item.published_at or timezone.now()
    item.save()
    notify_city_coordinators(city=item.city, template="exchange_published", context=_context(item, step))
    return item


@transaction.atomic
def review_return(*, item, by, comment: str):
    rules.require_secretariat(by)
    if not (comment or "").strip():
        raise ValidationError({"comment": [_("Say what to change: the city reads this.")]})
    item = _lock(item, ("return",), _("returned"))
    step = _step(item, "return", by=by, comment=comment)
    item.save()
    notify_city_coordinators(city=item.city, template="exchange_returned", context=_context(item, step))
    return item


@transaction.atomic
def review_unpublish(*, item, by, comment: str = ""):
    rules.require_secretariat(by)
    item = _lock(item, ("unpublish",), _("unpublished"))
    _step(item, "unpublish", by=by, comment=comment)
    item.save()
    return item


ACTIONS = {"submit": review_submit, "publish": review_publish, "return": review_return, "unpublish": review_unpublish}


def review_act(*, item, action: str, by, comment: str = ""):
    """One entry for the pages and the API: the step named `action`."""
    if action not in ACTIONS:
        raise ValidationError(_("Unknown action."))
    if action == "submit":
        return review_submit(item=item, by=by)
    return ACTIONS[action](item=item, by=by, comment=comment)


def is_draft(item) -> bool:
    return item.status in (ReviewStatus.DRAFT, ReviewStatus.RETURNED)
