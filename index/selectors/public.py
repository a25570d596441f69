"""The public Index page: each city's latest published result, in whatever peer group the visitor narrows it to.

Two steps, so that the page's FilterSet sees every published assessment (an edition filter then gives each city's
latest result on that edition) and the page shows one row per city, by city name: a list, never a rank.
"""

from __future__ import annotations

from django.db.models import QuerySet

from cities.selectors import city_list

from ..choices import AssessmentStatus
from ..models import Assessment


def published_assessments(*, user) -> QuerySet[Assessment]:
    """Published assessments with scores, of the cities the user sees in the directory (former members are the
    secretariat's only)."""
    return Assessment.objects.filter(
        status=AssessmentStatus.PUBLISHED, core__isnull=False, city__in=city_list(user=user)
    )


def latest_per_city(assessments: QuerySet[Assessment]) -> QuerySet[Assessment]:
    """The latest of `assessments` for each city, by city name, with what a row shows: one query."""
    latest = assessments.order_by("city_id", "-year", "-published_at", "-pk").distinct("city_id").values("pk")
    return (
        Assessment.objects.filter(pk__in=latest)
        .select_related("city__country", "city__national_network", "edition")
        .order_by("city__name", "pk")
    )
