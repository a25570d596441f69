"""E-mails of the workflow: outbox rows written with the change, sent by the worker once the transaction commits."""

from __future__ import annotations

from django.urls import reverse

from cities.notifications import notify_city_coordinators
from core.notifications import absolute_url, notify_secretariat

from ..models import GoodPractice, PracticeTransition


def _context(practice: GoodPractice, *, by, comment: str = "", link: str) -> dict:
    return {
        "title": practice.title,
        "city": practice.city.name,
        "by": str(by) if by else "",
        "comment": comment,
        "url": absolute_url(link),
    }


def notify_secretariat_of_submission(practice: GoodPractice, *, by) -> None:
    context = _context(practice, by=by, link=reverse("review-practice", args=[practice.pk]))
    notify_secretariat(template="practice_submitted", context=context)


def notify_city(practice: GoodPractice, template: str, step: PracticeTransition, *, link: str) -> None:
    context = _context(practice, by=step.by, comment=step.comment, link=link)
    notify_city_coordinators(city=practice.city, template=template, context=context)
