"""The digests of saved searches, built by the beat (exchange.tasks.send_due_digests).

Each due search runs the public page's FilterSet (goodpractices.filters) over the practices published since its
last digest — one query per search, never one per practice — and the newsroom's FilterSet over the news of the same
window when its filters are ones news have (one more). Nothing new: nothing is sent. Either way the search's window
moves on, in the same transaction as the digest's outbox row, so a practice is in exactly one digest.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.notifications import absolute_url, notify
from goodpractices.filters import GoodPracticeFilterSet
from goodpractices.models import GoodPractice

from ..choices import Frequency
from ..filters import NewsFilterSet
from ..models import News, SavedSearch
from .alerts import describe, unsubscribe_url

logger = logging.getLogger(__name__)

PER_DIGEST = 20  # items listed; the rest is a count and a link to the search
BATCH = 200
NEWS_FILTERS = {"city", "country", "field", "year"}  # what the newsroom's FilterSet understands (and q)
PERIODS = {Frequency.WEEKLY: relativedelta(weeks=1), Frequency.MONTHLY: relativedelta(months=1)}


@dataclass
class Run:
    searched: int = 0
    sent: int = 0
    failed: int = 0


def due(now) -> Q:
    """Confirmed searches whose window is a full period old."""
    condition = Q()
    for frequency, period in PERIODS.items():
        condition |= Q(frequency=frequency, covered_until__lte=now - period)
    return Q(confirmed_at__isnull=False) & condition


def send_due_digests(*, now=None, budget_seconds: float = 200) -> Run:
    """Every due search, batch by batch (each its own transaction, rows locked so that two runs never share one);
    stops when the time budget is spent and leaves the rest to the next beat."""
    now = now or timezone.now()
    run = Run()
    started = time.monotonic()
    while time.monotonic() - started < budget_seconds:
        with transaction.atomic():
            batch = list(
                SavedSearch.objects.filter(due(now))
                .select_for_update(skip_locked=True)
                .order_by("covered_until")[:BATCH]
            )
            if not batch:
                break
            sent_ids = [search.pk for search in batch if _digest(search, until=now, run=run)]
            SavedSearch.objects.filter(pk__in=[s.pk for s in batch]).update(covered_until=now)
            SavedSearch.objects.filter(pk__in=sent_ids).update(last_sent_at=now)
        run.searched += len(batch)
    return run


def _digest(search: SavedSearch, *, until, run: Run) -> bool:
    """Writes the search's digest to the outbox when something new matches; whether it did."""
    since = search.covered_until
    practices, more = new_practices(search.query, since=since, until=until)
    news = new_news(search.query, since=since, until=until)
    if practices is None:
        run.failed += 1  # a filter no longer valid (a field of action removed): skipped, the window still moves
        return False
    if not practices and not news:
        return False
    notify(
        template="exchange_digest",
        recipients=[search.email],
        language=search.language,
        context={
            "name": search.name,
            "filters": describe(search.query),
            "practices": practices,
            "more": more,
            "news": news,
            "search_url": absolute_url(reverse("goodpractices:list")) + _query_string(search.query),
            "unsubscribe_url": unsubscribe_url(search),
            "manage_url": absolute_url(reverse("exchange:desk-alerts")) if search.user_id else "",
            "frequency": search.frequency,
        },
    )
    run.sent += 1
    return True


def new_practices(query: dict, *, since, until) -> tuple[list[dict] | None, int]:
    """The practices published in (since, until] that the saved filters match, newest first: one query."""
    window = GoodPractice.objects.published().filter(published_at__gt=since, published_at__lte=until)
    filterset = GoodPracticeFilterSet(query, queryset=window)
    if not filterset.is_valid():
        return None, 0
    rows = list(
        filterset.every_match(window)
        .order_by("-published_at", "-id")
        .values("title", "slug", "city__name", "published_at")[: PER_DIGEST + 1]
    )
    more = 0
    if len(rows) > PER_DIGEST:
        rows, more = rows[:PER_DIGEST], 1  # "and more": the link to the search shows them all
    return [
        {
            "title": r["title"],
            "city": r["city__name"],
            "url": absolute_url(reverse("goodpractices:detail", args=[r["slug"]])),
        }
        for r in rows
    ], more


def new_news(query: dict, *, since, until) -> list[dict]:
    """News published in the window, when the saved filters are ones news have (city, country, field, year, words)."""
    if set(query) - NEWS_FILTERS - {"q"}:
        return []
    window = News.objects.published().filter(published_at__gt=since, published_at__lte=until)
    filterset = NewsFilterSet({k: v for k, v in query.items() if k in NEWS_FILTERS}, queryset=window)
    if not filterset.is_valid():
        return []
    matches = filterset.qs
    if query.get("q"):
        matches = matches.filter(Q(title__icontains=query["q"]) | Q(summary__icontains=query["q"]))
    rows = matches.order_by("-published_at", "-id").values("pk", "title", "city__name")[:PER_DIGEST]
    return [
        {
            "title": r["title"],
            "city": r["city__name"],
            "url": absolute_url(reverse("exchange:news-detail", args=[r["pk"]])),
        }
        for r in rows
    ]


def _query_string(query: dict) -> str:
    from urllib.parse import urlencode

    return "?" + urlencode(query) if query else ""


# Kept for the bench and tests: how long a period is, in days, to make a search due.
def period_of(frequency: str) -> timedelta:
    return timedelta(days=31) if frequency == Frequency.MONTHLY else timedelta(days=7)
