"""Adoptions and follow-ups of good practices.

"We adapted this": a coordinator of another city records that their city took up a published practice, linking
their own practice when they reported one. "What happened next": the owning city's dated follow-ups, reviewed like
news (services.review) before they appear on the practice page.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cities import rules
from cities.notifications import notify_city_coordinators
from core.notifications import absolute_url
from goodpractices.choices import PracticeStatus
from goodpractices.models import GoodPractice

from ..models import Adoption, FollowUp
from .review import check_editable

FOLLOW_UP_FIELDS = ("title", "body", "date")


def _published(practice: GoodPractice) -> None:
    if practice.status != PracticeStatus.PUBLISHED:
        raise ValidationError(_("Only a published practice can be adapted or followed up."))


@transaction.atomic
def adoption_record(*, practice: GoodPractice, city, by, own_practice: GoodPractice | None = None, note: str = ""):
    """Records (or updates) that `city` adapted `practice`; the practice's city hears of it."""
    rules.require_coordinator_of(by, city)
    _published(practice)
    if practice.city_id == city.pk:
        raise ValidationError(_("A city does not adapt its own practice: post a follow-up instead."))
    if own_practice is not None and own_practice.city_id != city.pk:
        raise ValidationError({"own_practice": [_("Link one of your own city's practices.")]})
    adoption, created = Adoption.objects.update_or_create(
        practice=practice, city=city, defaults={"own_practice": own_practice, "note": (note or "").strip(), "by": by}
    )
    if created:
        notify_city_coordinators(
            city=practice.city,
            template="exchange_adopted",
            context={
                "title": practice.title,
                "city": city.name,
                "note": adoption.note,
                "link": absolute_url(practice.get_absolute_url()),
            },
        )
    return adoption


@transaction.atomic
def adoption_remove(*, adoption: Adoption, by) -> None:
    rules.require_coordinator_of(by, adoption.city)
    adoption.delete()


@transaction.atomic
def follow_up_create(*, practice: GoodPractice, by, data: dict) -> FollowUp:
    """A draft follow-up by the practice's own city (another city's coordinators are refused)."""
    if not rules.can_coordinate(by, practice.city):
        raise PermissionDenied(_("Only the practice's own city posts its follow-ups."))
    _published(practice)
    follow_up = FollowUp(practice=practice, created_by=by, **{k: data[k] for k in FOLLOW_UP_FIELDS if k in data})
    follow_up.full_clean()
    follow_up.save()
    return follow_up


@transaction.atomic
def follow_up_update(*, follow_up: FollowUp, by, data: dict) -> FollowUp:
    follow_up = FollowUp.objects.select_for_update().select_related("practice__city").get(pk=follow_up.pk)
    check_editable(follow_up, by)
    for name in FOLLOW_UP_FIELDS:
        if name in data:
            setattr(follow_up, name, data[name])
    follow_up.full_clean()
    follow_up.save()
    return follow_up
