"""Writing news: a city's coordinators create and edit drafts; the review steps are services.review's."""

from __future__ import annotations

from django.db import transaction

from cities import rules

from ..images import check_news_image
from ..models import News
from .review import check_editable, review_publish, review_return, review_submit, review_unpublish

FIELDS = ("title", "summary", "body", "date", "language", "image_alt")

__all__ = ["news_create", "news_update", "review_publish", "review_return", "review_submit", "review_unpublish"]


@transaction.atomic
def news_create(*, city, by, data: dict, image=None) -> News:
    """A draft for `city`; `data` holds FIELDS and `fields_of_action` (FieldOfAction rows)."""
    rules.require_coordinator_of(by, city)
    news = News(city=city, created_by=by, **{name: data[name] for name in FIELDS if name in data})
    _set_image(news, image)
    news.full_clean(exclude=["image"])
    news.save()
    news.fields_of_action.set(data.get("fields_of_action", []))
    return news


@transaction.atomic
def news_update(*, news: News, by, data: dict, image=None, remove_image: bool = False) -> News:
    news = News.objects.select_for_update().get(pk=news.pk)
    check_editable(news, by)
    for name in FIELDS:
        if name in data:
            setattr(news, name, data[name])
    if remove_image and news.image:
        news.image.delete(save=False)
        news.image, news.image_type = "", ""
    _set_image(news, image)
    news.full_clean(exclude=["image"])
    news.save()
    if "fields_of_action" in data:
        news.fields_of_action.set(data["fields_of_action"])
    return news


def _set_image(news: News, image) -> None:
    if image is None:
        return
    news.image_type = check_news_image(image)
    if news.image:
        news.image.delete(save=False)
    news.image.save(image.name, image, save=False)
