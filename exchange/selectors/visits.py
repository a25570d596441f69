"""Study-visit requests as each reader may see them, and the demand the secretariat reads."""

from django.db.models import Count, Q, QuerySet

from cities import rules

from ..choices import VisitStatus
from ..models import VisitRequest

OPEN = (VisitStatus.REQUESTED, VisitStatus.ACCEPTED, VisitStatus.SCHEDULED)


def visits_visible_to(*, user) -> QuerySet[VisitRequest]:
    """The requests a user's cities sent or received (every request for the secretariat)."""
    queryset = VisitRequest.objects.select_related("requesting_city", "host_city", "field").prefetch_related(
        "practices"
    )
    if rules.is_secretariat(user):
        return queryset
    cities = rules.coordinated_city_ids(user)
    return queryset.filter(Q(requesting_city_id__in=cities) | Q(host_city_id__in=cities))


def demand_by_field() -> list[dict]:
    """How many cities asked for visits in each field of action (declined and withdrawn requests not counted)."""
    return list(
        VisitRequest.objects.filter(status__in=OPEN)
        .values("field__code", "field__name")
        .annotate(requests=Count("id"), cities=Count("requesting_city", distinct=True))
        .order_by("-requests", "field__code")
    )


def demand_by_host() -> list[dict]:
    return list(
        VisitRequest.objects.filter(status__in=OPEN)
        .values("host_city__slug", "host_city__name")
        .annotate(
            requests=Count("id"),
            accepted=Count("id", filter=Q(status=VisitStatus.ACCEPTED)),
            scheduled=Count("id", filter=Q(status=VisitStatus.SCHEDULED)),
        )
        .order_by("-requests", "host_city__name")
    )


def accepted_requests() -> QuerySet[VisitRequest]:
    return (
        VisitRequest.objects.filter(status=VisitStatus.ACCEPTED)
        .select_related("requesting_city", "host_city", "field")
        .order_by("answered_at", "id")
    )
