"""Study-visit requests: a coordinator asks another city to host a visit on a field of action; the host accepts or
declines; the requesting city may withdraw; the secretariat turns an accepted request into an event (`schedule`)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cities import rules
from cities.choices import CityStatus
from cities.notifications import notify_city_coordinators
from core.notifications import absolute_url, notify_secretariat

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
