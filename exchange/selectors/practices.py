"""Adoptions and follow-ups of practices: what a practice page and its cards show, in a fixed number of queries."""

from django.db.models import Max, QuerySet

from ..choices import ReviewStatus
from ..models import Adoption, FollowUp


def follow_ups_in_review() -> QuerySet[FollowUp]:
    return (
        FollowUp.objects.filter(status=ReviewStatus.SUBMITTED)
        .select_related("practice__city")
        .order_by("submitted_at", "id")
    )


def published_follow_ups(practice) -> list[FollowUp]:
    return list(FollowUp.objects.published().filter(practice=practice).order_by("date", "id"))


def adoptions_of(practice) -> list[Adoption]:
    """The cities that adapted `practice`, in the order they said so (with their own practice when published)."""
    return list(
        Adoption.objects.filter(practice=practice).select_related("city", "own_practice").order_by("created_at")
    )


def adapted_from(practice) -> list[Adoption]:
    """The other way round: the practices `practice` was adapted from."""
    return list(
        Adoption.objects.filter(own_practice=practice, practice__status="published").select_related("practice__city")
    )


def last_updates(practice_ids) -> dict[int, object]:
    """The date of each practice's latest published follow-up: one query for a page of cards."""
    rows = (
        FollowUp.objects.published()
        .filter(practice_id__in=list(practice_ids))
        .values("practice_id")
        .annotate(last=Max("date"))
        .values_list("practice_id", "last")
    )
    return dict(rows)
