"""Adoptions and follow-ups of practices: what a practice page and its cards show, in a fixed number of queries."""

from django.db.models import Max, Q, QuerySet

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


def adoptions_both_ways(practice) -> tuple[list[Adoption], list[Adoption]]:
    """The cities that adapted `practice` in the order they said so (with their own practice), and the published
    practices `practice` was adapted from: one query."""
    rows = (
        Adoption.objects.filter(Q(practice=practice) | Q(own_practice=practice, practice__status="published"))
        .select_related("city", "own_practice", "practice__city")
        # The links only: compiling and reading two whole practices per row cost the practice page milliseconds.
        .only(
            "practice_id",
            "own_practice_id",
            "created_at",
            "city__name",
            "city__slug",
            "own_practice__slug",
            "own_practice__status",
            "practice__slug",
            "practice__title",
            "practice__city__name",
            "practice__city__slug",
        )
        .order_by("created_at", "id")
    )
    adopted_by, adapted_from = [], []
    for row in rows:
        (adopted_by if row.practice_id == practice.pk else adapted_from).append(row)
    return adopted_by, adapted_from


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
