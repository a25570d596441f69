"""The digests of saved searches, built by the beat (exchange.tasks.send_due_digests).

Each due search runs the public page's FilterSet (goodpractices.filters) over the practices published since its
last digest — one query per search, never one per practice — and the newsroom's FilterSet over the news of the same
window when its filters are ones news have (one more). Nothing new: nothing is sent. Either way the search's window
moves on, in the same transaction as the digests' outbox rows, so a practice is in exactly one digest.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.notifications import absolute_url, notify_many
from goodpractices.filters import GoodPracticeFilterSet
from goodpractices.models import GoodPractice

from ..choices import Frequency
from ..filters import NewsFilterSet
from ..models import News, SavedSearch
from .alerts import describe, unsubscribe_token

PER_DIGEST = 20  # items listed; beyond, "and more" with a link to the whole search
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


def send_due_digests(*, now=None, budget_seconds: float = 150) -> Run:
    """Every due search, batch by batch (each its own transaction, rows locked so that two runs never share one);
    stops when the time budget (below the tasks' soft time limit, 180 s) is spent and leaves the rest to the next
    beat."""
    now = now or timezone.now()
    run = Run()
    reader = Reader(until=now)
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
            digests = [(search, digest) for search in batch if (digest := _digest(search, reader=reader, run=run))]
            notify_many(template="exchange_digest", messages=[digest for _search, digest in digests])
            SavedSearch.objects.filter(pk__in=[s.pk for s in batch]).update(covered_until=now)
            SavedSearch.objects.filter(pk__in=[search.pk for search, _digest in digests]).update(last_sent_at=now)
        run.searched += len(batch)
    return run


class Reader:
    """Reads what is new for saved searches up to `until`. Each distinct set of filters is checked by its FilterSet
    once a run, and searches with the same filters and the same window share one reading of it; the addresses are
    built from one reversed pattern each (per item, reversing costs more than the queries)."""

    def __init__(self, *, until):
        self.until = until
        self._filtersets: dict[str, tuple] = {}
        self._found: dict[tuple, tuple] = {}
        marker = "SLUG-MARKER"
        self.practice_url = absolute_url(reverse("goodpractices:detail", args=[marker])).replace(marker, "{}")
        self.news_url = absolute_url(reverse("exchange:news-detail", args=[987654321])).replace("987654321", "{}")
        self.search_url = absolute_url(reverse("goodpractices:list"))
        self.unsubscribe_url = absolute_url(reverse("exchange:alert-unsubscribe", args=[marker])).replace(marker, "{}")
        self.manage_url = absolute_url(reverse("exchange:desk-alerts"))

    def new_for(self, query: dict, since) -> tuple[list[dict] | None, bool, list[dict]]:
        """(practices or None when the filters are no longer valid, whether there are more, news)."""
        key = json.dumps(query, sort_keys=True)
        if (key, since) not in self._found:
            practices_filter, news_filter = self._filtersets_for(key, query)
            practices, more = (
                self._practices(practices_filter, query, since) if practices_filter is not None else (None, False)
            )
            news = self._news(news_filter, query, since) if news_filter is not None else []
            self._found[(key, since)] = (practices, more, news)
        return self._found[(key, since)]

    def _filtersets_for(self, key: str, query: dict) -> tuple:
        if key not in self._filtersets:
            practices = GoodPracticeFilterSet(query, queryset=GoodPractice.objects.none())
            news = None
            if not set(query) - NEWS_FILTERS - {"q"}:
                news = NewsFilterSet(
                    {k: v for k, v in query.items() if k in NEWS_FILTERS}, queryset=News.objects.none()
                )
                news = news if news.is_valid() else None
            self._filtersets[key] = (practices if practices.is_valid() else None, news)
        return self._filtersets[key]

    def _practices(self, filterset, query: dict, since) -> tuple[list[dict], bool]:
        """The practices published in (since, until] that the filters match, newest first: one query."""
        window = GoodPractice.objects.published().filter(published_at__gt=since, published_at__lte=self.until)
        rows = list(
            filterset.every_match(window)
            .order_by("-published_at", "-id")
            .values_list("title", "slug", "city__name")[: PER_DIGEST + 1]
        )
        practices = [{"title": t, "city": c, "url": self.practice_url.format(slug)} for t, slug, c in rows]
        return practices[:PER_DIGEST], len(rows) > PER_DIGEST  # "and more": the search's link shows them all

    def _news(self, filterset, query: dict, since) -> list[dict]:
        """News published in the window that the filters the newsroom knows match (and the words): one query."""
        window = News.objects.published().filter(published_at__gt=since, published_at__lte=self.until)
        matches = filterset.filter_queryset(window)
        if query.get("q"):
            matches = matches.filter(Q(title__icontains=query["q"]) | Q(summary__icontains=query["q"]))
        rows = matches.order_by("-published_at", "-id").values_list("pk", "title", "city__name")[:PER_DIGEST]
        return [{"title": title, "city": city, "url": self.news_url.format(pk)} for pk, title, city in rows]


def _digest(search: SavedSearch, *, reader: Reader, run: Run) -> dict | None:
    """The search's digest (for `notify_many`) when something new matches; None otherwise."""
    practices, more, news = reader.new_for(search.query, search.covered_until)
    if practices is None:
        run.failed += 1  # a filter no longer valid (a field of action removed): skipped, the window still moves
        return None
    if not practices and not news:
        return None
    run.sent += 1
    return dict(
        recipients=[search.email],
        language=search.language,
        context={
            "name": search.name,
            "filters": describe(search.query),
            "practices": practices,
            "more": more,
            "news": news,
            "search_url": reader.search_url + _query_string(search.query),
            "unsubscribe_url": reader.unsubscribe_url.format(unsubscribe_token(search)),
            "manage_url": reader.manage_url if search.user_id else "",
            "frequency": search.frequency,
        },
    )


def new_practices(query: dict, *, since, until) -> tuple[list[dict] | None, bool]:
    """What a digest of `query` over (since, until] would list (for tests and the shell)."""
    practices, more, _news = Reader(until=until).new_for(query, since)
    return practices, more


def _query_string(query: dict) -> str:
    from urllib.parse import urlencode

    return "?" + urlencode(query) if query else ""
