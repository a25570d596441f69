"""Open data views: CSV and JSON exports of the filtered list, and Atom feeds of newly published practices."""

from django.contrib.syndication.views import Feed
from django.http import JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.feeds import AtomFeed

from .. import exports
from ..filters import GoodPracticeFilterSet
from ..models import FieldOfAction
from ..selectors import published_practices

FEED_SIZE = 50


def _filtered(request):
    filterset = GoodPracticeFilterSet(request.GET, queryset=published_practices())
    if filterset.is_bound and not filterset.is_valid():
        return None, JsonResponse({"detail": _("The filters have errors."), "errors": filterset.errors}, status=400)
    return filterset.every_match(published_practices()), None


def _site_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@require_GET
def export_csv(request):
    queryset, error = _filtered(request)
    if error:
        return error
    response = StreamingHttpResponse(
        exports.csv_lines(queryset, _site_url(request)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="good-practices.csv"'
    return response


@require_GET
def export_json(request):
    queryset, error = _filtered(request)
    if error:
        return error
    response = StreamingHttpResponse(exports.json_chunks(queryset, _site_url(request)), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="good-practices.json"'
    return response


class PracticeFeed(Feed):
    """Newly published practices (Atom), for everyone or for one field of action (a parent includes its sub-fields)."""

    feed_type = AtomFeed

    def get_object(self, request, code=None):
        if code is None:
            return None
        return get_object_or_404(FieldOfAction, code=code)

    def title(self, field):
        base = _("Intercultural Cities – new good practices")
        return f"{base}: {field.name}" if field else base

    def link(self, field):
        from django.urls import reverse

        return reverse("goodpractices:field", args=[field.code]) if field else reverse("goodpractices:list")

    def subtitle(self, field):
        return _("Good practices newly published by the member cities of the Intercultural Cities network.")

    def items(self, field):
        queryset = published_practices()
        if field is not None:
            queryset = queryset.filter(field_codes__contains=[field.code])
        return queryset.order_by("-published_at", "-id")[:FEED_SIZE]

    def item_title(self, practice):
        return f"{practice.title} ({practice.city.name})"

    def item_description(self, practice):
        return practice.main_purpose

    def item_pubdate(self, practice):
        return practice.published_at

    def item_updateddate(self, practice):
        return practice.updated_at

    def item_author_name(self, practice):
        return practice.city.name

    def item_categories(self, practice):
        return [practice.main_field.code] if practice.main_field else []


practice_feed = PracticeFeed()
