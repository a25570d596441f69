"""Study-visit requests: a coordinator asks another city to host a visit on a field of action; the host accepts or
declines; the requesting city may withdraw; the secretariat turns an accepted request into an event (`schedule`)."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cities import rules
from cities.choices import CityStatus
from cities.notifications import notify_city_coordinators
from core.notifications import absolute_url, notify_secretariat
from events.choices import Audience, EventKind
from events.services import event_create

from ..models import VisitRequest
from ..workflow import VISIT_WORKFLOW


def _context(request: VisitRequest) -> dict:
    return {
        "requesting_city": request.requesting_city.name,
        "host_city": request.host_city.name,
        "field": str(request.field),
        "message": request.message,
        "period": request.period,
        "answer": request.answer,
        "link": absolute_url(reverse("exchange:desk-visits")),
    }


@transaction.atomic
def visit_request(
    *, requesting_city, host_city, field, message: str, by, practices=(), period: str = ""
) -> VisitRequest:
    rules.require_coordinator_of(by, requesting_city)
    if host_city.pk == requesting_city.pk:
        raise ValidationError(_("A city cannot ask itself for a study visit."))
    if host_city.status != CityStatus.MEMBER:
        raise ValidationError(_("Only member cities host study visits."))
    if not (message or "").strip():
        raise ValidationError({"message": [_("Say what you would like to learn.")]})
    practices = list(practices)
    if any(p.status != "published" for p in practices):
        raise ValidationError({"practices": [_("Only published practices can be named.")]})
    request = VisitRequest.objects.create(
        requesting_city=requesting_city,
        host_city=host_city,
        field=field,
        message=message.strip(),
        period=(period or "").strip(),
        requested_by=by,
    )
    request.practices.set(practices)
    notify_city_coordinators(city=host_city, template="exchange_visit_requested", context=_context(request))
    return request


def _lock(request: VisitRequest, action: str) -> VisitRequest:
    return VISIT_WORKFLOW.lock(
        request,
        (action,),
        related=("requesting_city", "host_city", "field"),
        message=lambda status: _("This request is %(status)s.") % {"status": status},
    )


@transaction.atomic
def visit_answer(*, request: VisitRequest, action: str, by, answer: str = "") -> VisitRequest:
    """The host city accepts or declines."""
    if action not in ("accept", "decline"):
        raise ValidationError(_("Unknown answer."))
    request = _lock(request, action)
    if not VISIT_WORKFLOW[action].allowed(by, request):
        raise PermissionDenied(_("Only the host city's coordinators answer a request."))
    VISIT_WORKFLOW.move(request, action)
    request.answer = (answer or "").strip()
    request.answered_by, request.answered_at = by, timezone.now()
    request.save()
    template = "exchange_visit_accepted" if action == "accept" else "exchange_visit_declined"
    notify_city_coordinators(city=request.requesting_city, template=template, context=_context(request))
    if action == "accept":
        notify_secretariat(template="exchange_visit_accepted", context=_context(request))
    return request


@transaction.atomic
def visit_withdraw(*, request: VisitRequest, by) -> VisitRequest:
    request = _lock(request, "withdraw")
    if not VISIT_WORKFLOW["withdraw"].allowed(by, request):
        raise PermissionDenied(_("Only the requesting city's coordinators withdraw a request."))
    VISIT_WORKFLOW.move(request, "withdraw")
    request.save()
    return request


# Where the draft event starts until the secretariat sets the dates agreed with the cities.
DRAFT_LEAD = datetime.timedelta(days=60)
DRAFT_LENGTH = datetime.timedelta(days=2)


@transaction.atomic
def visit_schedule(*, request: VisitRequest, by):
    """Turns an accepted request into a draft study-visit event (the events app's `event_create`): hosted by the
    host city, on the request's field and practices, open to the requesting city. The secretariat sets its dates and
    publishes it from the events desk."""
    rules.require_secretariat(by)
    request = _lock(request, "schedule")
    host, guest = request.host_city, request.requesting_city
    starts = (timezone.now() + DRAFT_LEAD).replace(hour=9, minute=0, second=0, microsecond=0)
    title = _("Study visit of %(guest)s to %(host)s: %(field)s") % {
        "guest": guest.name,
        "host": host.name,
        "field": request.field.name,
    }
    description = "\n\n".join(part for part in [request.message, request.period and f"({request.period})"] if part)
    event = event_create(
        data={
            "title_en": title[:255],
            "description_en": description,
            "kind": EventKind.STUDY_VISIT,
            "host_city": host,
            "place": host.name,
            "starts_at": starts,
            "ends_at": starts + DRAFT_LENGTH,
            "capacity": 15,
            "audience": Audience.INVITED,
            "fields_of_action": [request.field],
            "practices": list(request.practices.all()),
            "invited_cities": [guest],
        },
        by=by,
    )
    VISIT_WORKFLOW.move(request, "schedule")
    request.event = event
    request.save()
    return event
