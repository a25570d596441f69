"""Who sees which news: published news for everyone; a city's members also see their city's drafts; the secretariat
sees everything (others get 404s, never a hint that a draft exists)."""

from django.db.models import Q, QuerySet

from cities import rules

from ..choices import ReviewStatus
from ..models import News

LATEST = 3


def published_news() -> QuerySet[News]:
    return News.objects.published().select_related("city__country").prefetch_related("fields_of_action")


def news_visible_to(*, user) -> QuerySet[News]:
    queryset = News.objects.select_related("city__country").prefetch_related("fields_of_action")
    return rules.city_content_visible_to(queryset, user, public=Q(status=ReviewStatus.PUBLISHED))


def news_written_by(*, user) -> QuerySet[News]:
    """The news `user` may write: their coordinated cities' (every city's for the secretariat)."""
    queryset = News.objects.select_related("city").order_by("-updated_at")
    if rules.is_secretariat(user):
        return queryset
    return queryset.filter(city_id__in=rules.coordinated_city_ids(user))


def news_in_review() -> QuerySet[News]:
    return News.objects.filter(status=ReviewStatus.SUBMITTED).select_related("city").order_by("submitted_at", "id")


def latest_news(*, city=None, limit: int = LATEST) -> list[News]:
    queryset = (
        News.objects.published()
        .select_related("city")
        .only("title", "summary", "date", "published_at", "language", "image", "image_alt", "city__name", "city__slug")
    )
    if city is not None:
        queryset = queryset.filter(city=city)
    return list(queryset.order_by("-published_at", "-id")[:limit])
