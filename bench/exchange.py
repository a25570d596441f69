"""Digests of saved searches (issue 13): 10,000 saved searches over 100,000 practices, built by a real worker process
on the configured broker in ≤ 60 s, with a query count proportional to the searches, not to their matches.

Seeds on top of the good-practice bench's practices (`bench.goodpractices.seed`, run first by `benches()`): half a
percent of them are moved into the last week, so that a weekly digest has something to say, and `scale / 10`
confirmed searches (at most 10,000) with the filters readers use — fields, countries, years, words, and mixes of
them — are all due. Only ever run on the benchmark's own database.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
import uuid
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from exchange.models import SavedSearch
from exchange.services import digests
from goodpractices.models import GoodPractice
from goodpractices.taxonomy import FIELDS_OF_ACTION

from . import goodpractices as practices_bench

MAX_SEARCHES = 10_000
NEW_SHARE = 0.005  # of the practices, published in the last week
EMAIL_DOMAIN = "bench-digest.example"
WORDS = ["housing", "schools", "youth", "rumours", "library", "women", "mediation", "festival", "employment", "racism"]
COUNTRIES = ["NO", "PT", "ES", "IT", "DE", "FR", "GB", "IE", "PL", "UA"]


def run(*, scale: int) -> list[dict]:
    if GoodPractice.objects.published().count() < scale:
        practices_bench.seed(scale)
    searches = min(MAX_SEARCHES, max(100, scale // 10))
    new = _publish_some_this_week(scale)
    per_search = _queries_per_search()
    _seed_searches(searches)
    elapsed, cpu, sent = _worker_run(searches)
    return [
        {
            "name": f"digests of {searches:,} saved searches, 1 worker process (worker CPU time)",
            "p50_ms": cpu * 1000,
            "p95_ms": cpu * 1000,
            "queries": per_search,
            "target": "≤ 60 s of worker time; queries per search constant",
            "p95_target_ms": 60_000,
            "floor_target": False,
            "note": f"worker CPU {cpu:.1f} s, wall {elapsed:.1f} s (load average {os.getloadavg()[0]:.1f}), "
            f"{sent:,} digests queued, {new:,} practices new this week, {per_search} queries a search",
        }
    ]


def _publish_some_this_week(scale: int) -> int:
    """Moves NEW_SHARE of the practices into the last seven days (spread over them), in one UPDATE."""
    count = max(10, int(scale * NEW_SHARE))
    with connection.cursor() as cursor:
        cursor.execute(
            """UPDATE goodpractices_goodpractice SET published_at = now() - (random() * interval '6 days')
               WHERE id IN (SELECT id FROM goodpractices_goodpractice WHERE status = 'published'
                            ORDER BY id LIMIT %s)""",
            [count],
        )
    return count


def _query(rng: random.Random) -> dict:
    """A saved search as readers make them: one to three filters, words in a third of them."""
    fields = [row[0] for row in FIELDS_OF_ACTION]
    options = {
        "field": lambda: rng.choice(fields),
        "country": lambda: rng.choice(COUNTRIES),
        "year_min": lambda: str(rng.randint(2012, 2024)),
        "q": lambda: rng.choice(WORDS),
        "language": lambda: rng.choice(["en", "fr"]),
    }
    names = rng.sample(list(options), rng.randint(1, 3))
    return {name: options[name]() for name in names}


def _seed_searches(count: int, *, seed_value: int = 13) -> None:
    SavedSearch.objects.filter(email__endswith=EMAIL_DOMAIN).delete()
    rng = random.Random(seed_value)
    week_ago = timezone.now() - timedelta(days=8)
    SavedSearch.objects.bulk_create(
        [
            SavedSearch(
                email=f"reader{n}@{EMAIL_DOMAIN}",
                query=_query(rng),
                frequency="weekly",
                confirmed_at=week_ago,
                covered_until=week_ago,
            )
            for n in range(count)
        ],
        batch_size=2000,
    )


def _queries_per_search() -> float:
    """Queries of a run over 50 and over 100 due searches, in a transaction rolled back (nothing queued): the
    difference over 50 is the cost of one search, whatever it matches."""

    def queries(count: int) -> int:
        executed = []
        with transaction.atomic():
            _seed_searches(count, seed_value=count)
            with connection.execute_wrapper(lambda execute, sql, *a: executed.append(sql) or execute(sql, *a)):
                digests.send_due_digests()
            transaction.set_rollback(True)
        return len(executed)

    return round((queries(100) - queries(50)) / 50, 1)


def _cpu_seconds(pid: int) -> float:
    """User and system time of a process so far (Linux /proc), in seconds."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _worker_run(searches: int) -> tuple[float, float, int]:
    """The beat's task, sent by name to a real worker process (its e-mails go nowhere); the clock stops when no
    search is due any more. Worker time is the process's CPU time for the run (the machine may be shared)."""
    from icc_portal.celery import app

    queue = f"bench-digests-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "DJANGO_SETTINGS_MODULE": "icc_portal.settings",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    command = [sys.executable, "-m", "celery", "-A", "icc_portal", "worker", "-Q", queue, "--pool", "solo"]
    command += ["--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "warning"]
    worker = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(5)  # the worker is up before the clock starts
        cpu_before = _cpu_seconds(worker.pid)
        started = time.perf_counter()
        app.send_task("exchange.tasks.send_due_digests", queue=queue)
        due = SavedSearch.objects.filter(email__endswith=EMAIL_DOMAIN).filter(digests.due(timezone.now()))
        while due.exists():
            if time.perf_counter() - started > 600:
                raise RuntimeError("the digests did not finish in 10 minutes")
            time.sleep(0.2)
        elapsed = time.perf_counter() - started
        cpu = _cpu_seconds(worker.pid) - cpu_before
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    sent = SavedSearch.objects.filter(email__endswith=EMAIL_DOMAIN, last_sent_at__isnull=False).count()
    return elapsed, cpu, sent
