"""Permission-aware reads of good practices."""

from django.db.models import Q, QuerySet

from accounts import rules

from .choices import PracticeStatus
from .models import GoodPractice


def practice_visible_to(*, user) -> QuerySet[GoodPractice]:
    """Published practices for everyone; the secretariat sees all; a city's members also see their city's."""
    queryset = GoodPractice.objects.select_related("city__country", "main_field")
    if rules.is_secretariat(user):
        return queryset
    member_of = rules.member_city_ids(user)
    if member_of:
        return queryset.filter(Q(status=PracticeStatus.PUBLISHED) | Q(city_id__in=member_of))
    return queryset.published()
