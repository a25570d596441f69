import re

from django.conf import settings
from django.db import connection
from django.db.models import Count, Q
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from kombu import Connection

from cities.maps import member_map
from cities.models import City
from core.models import Heartbeat
from events.selectors import upcoming_events
from goodpractices.selectors import published_practices
from index.choices import AssessmentStatus
from index.models import Assessment

LATEST_PRACTICES = 4


def home(request):
    """The front door: search, what is new, the network in figures and on a map, and the way in for coordinators."""
    cities = list(
        City.objects.public()
        .select_related("country")
        .annotate(practice_count=Count("good_practices", filter=Q(good_practices__status="published")))
    )
    practices = published_practices()
    latest = practices.select_related("city", "main_field").order_by("-published_at", "-id")[:LATEST_PRACTICES]
    figures = {
        "cities": len(cities),
        "countries": len({city.country_id for city in cities}),
        "practices": practices.count(),
        # Cities, as the Index page it links to lists them: one row per city, whatever its number of waves.
        "index_cities": Assessment.objects.filter(status=AssessmentStatus.PUBLISHED).values("city").distinct().count(),
    }
    context = {
        "figures": figures,
        "latest": latest,
        "events": upcoming_events(limit=3),
        "map": member_map(cities),
    }
    return render(request, "home.html", context)


# Slashes, backslashes and blanks that browsers read as the start of another host ("//evil.example", "/\\evil").
_LEADING_HOST_MARKERS = re.compile(r"^[/\\\s]+")


def english_prefix_redirect(request, rest: str):
    """`/en/<rest>` → `/<rest>`: English needs no prefix. `rest` is a path on this site, never another host."""
    target = "/" + _LEADING_HOST_MARKERS.sub("", rest)
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        target = "/"
    query = request.META.get("QUERY_STRING", "")
    return HttpResponseRedirect(f"{target}?{query}" if query else target)


@never_cache
@require_GET
def healthz(request):
    checks = {"database": _check_database(), "broker": _check_broker()}
    healthy = all(value == "ok" for value in checks.values())
    body = {"status": "ok" if healthy else "error", **checks, "beat_last_run": _beat_last_run(checks["database"])}
    return JsonResponse(body, status=200 if healthy else 503)


def _beat_last_run(database: str) -> str | None:
    """When the Celery beat last ran its outbox sweep (every minute while it is alive); null if never."""
    if database != "ok":
        return None
    beat = Heartbeat.objects.filter(name="beat").first()
    return beat.at.isoformat() if beat else None


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception as exc:  # a health probe reports every failure, whatever its kind
        return f"error: {exc.__class__.__name__}"


def _check_broker() -> str:
    try:
        with Connection(settings.CELERY_BROKER_URL, transport_options=settings.CELERY_BROKER_TRANSPORT_OPTIONS) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            conn.default_channel.close()  # the filesystem transport only fails once a channel opens
        return "ok"
    except Exception as exc:  # a health probe reports every failure, whatever its kind
        return f"error: {exc.__class__.__name__}"
