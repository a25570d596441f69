"""Permission-aware reads of good practices."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import get_language

from cities import rules
from cities.models import City, Country, NationalNetwork
from core.cache import remember

from .choices import PracticeStatus
from .models import GoodPractice


@dataclass(frozen=True)
class CityInFields:
    """A city's published practices in a set of fields of action: how many, and the newest."""

    count: int
    newest_id: int
    newest_published_at: datetime.datetime | None


def practices_per_city_in_fields(codes) -> dict[int, CityInFields]:
    """For each city with published practices in any of these fields (a parent's code matches its sub-fields: the
    field_codes column holds both), how many and its newest, by city id. One query per set of fields, kept in the
    shared cache until a practice is published or a city changes: the Index's recommendations and the exchange's
    "strong where we are weak" ask for the same few sets (an edition has 17 areas) on every city's pages."""
    codes = sorted(set(codes))
    return remember(
        "practices-per-city-in-fields:" + ",".join(codes), ("goodpractices", "cities"), lambda: _per_city_in(codes)
    )


def _per_city_in(codes: list[str]) -> dict[int, CityInFields]:
    by_city = Window(Count("id"), partition_by=[F("city_id")])
    newest_first = Window(RowNumber(), partition_by=[F("city_id")], order_by=[F("published_at").desc(), F("id").desc()])
    rows = (
        GoodPractice.objects.published()
        .filter(field_codes__overlap=codes)
        .annotate(n=by_city, place=newest_first)
        .filter(place=1)
        .order_by("city_id")
        .values_list("city_id", "n", "pk", "published_at")
    )
    return {city_id: CityInFields(n, pk, at) for city_id, n, pk, at in rows}


def practice_visible_to(*, user) -> QuerySet[GoodPractice]:
    """Published practices for everyone; the secretariat sees all; a city's members also see their city's."""
    queryset = GoodPractice.objects.select_related("city__country", "main_field")
    return rules.city_content_visible_to(queryset, user, public=Q(status=PracticeStatus.PUBLISHED))


def practices_coordinated_by(*, user) -> QuerySet[GoodPractice]:
    """The practices `user` may write and submit: their cities' (every practice for the secretariat). The desk
    answers 404 for any other, as if it did not exist."""
    queryset = GoodPractice.objects.select_related("city", "main_field", "revision_of")
    if rules.is_secretariat(user):
        return queryset
    return queryset.filter(city_id__in=rules.coordinated_city_ids(user))


def practices_in_review(*, city: str = "", field: str = "", waiting: str = "") -> QuerySet[GoodPractice]:
    """Submitted practices, the longest waiting first: of a city (slug), of a field of action (code; a parent finds
    its sub-fields, main or secondary), waiting at least `waiting` days. Blank filters are not applied."""
    queue = GoodPractice.objects.filter(status=PracticeStatus.SUBMITTED).select_related(
        "city", "main_field", "revision_of"
    )
    if city:
        queue = queue.filter(city__slug=city)
    if field:
        queue = queue.filter(
            Q(main_field__code=field) | Q(main_field__parent__code=field) | Q(secondary_fields__code=field)
        ).distinct()
    if waiting:
        queue = queue.filter(submitted_at__lte=timezone.now() - datetime.timedelta(days=int(waiting)))
    return queue.order_by("submitted_at", "id")


def waiting_for_cities() -> QuerySet[GoodPractice]:
    """Practices sent back for changes, the most recently touched first."""
    return (
        GoodPractice.objects.filter(status=PracticeStatus.CHANGES_REQUESTED)
        .select_related("city")
        .order_by("-updated_at")
    )


def published_practices() -> QuerySet[GoodPractice]:
    """The public database: published practices with what a result card shows (city, country, main field)."""
    return GoodPractice.objects.published().select_related("city__country", "main_field")


def related_practices(practice: GoodPractice, *, limit: int = 4) -> list[GoodPractice]:
    """Practices in the same main field (or, without one, the same fields), other cities first, newest first."""
    if practice.main_field_id:
        same = Q(main_field_id=practice.main_field_id)
    elif practice.field_codes:
        same = Q(field_codes__overlap=practice.field_codes)
    else:
        return []
    # Two small newest-first queries (an ORDER BY over every practice of the field would sort thousands of rows).
    candidates = GoodPractice.objects.published().filter(same).exclude(pk=practice.pk).order_by("-published_at", "-id")
    ids = list(candidates.exclude(city_id=practice.city_id).values_list("id", flat=True)[:limit])
    if len(ids) < limit:
        ids += list(candidates.filter(city_id=practice.city_id).values_list("id", flat=True)[: limit - len(ids)])
    rows = (
        GoodPractice.objects.filter(id__in=ids)
        .select_related("city")
        .only("title", "slug", "year", "city__name", "city__slug")
    )
    by_id = {row.id: row for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def filter_option_labels() -> dict[str, list[tuple[str, str]]]:
    """The countries, networks and cities the list's filters may offer, (code, name) in the current language and in
    their usual order. Read once per language and change of the cities (core.cache): a list page that is not served
    from the page cache still spends no query on them."""

    def read():
        return {
            "country": list(Country.objects.values_list("code", "name")),
            "network": list(NationalNetwork.objects.values_list("slug", "name")),
            "city": list(City.objects.values_list("slug", "name")),
        }

    return remember(f"practice-filter-labels:{get_language()}", ("cities",), read)
