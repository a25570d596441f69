"""Intercultural profiles under load: the time of one profile split into context, HTML and PDF, the peak memory of
a worker child that builds them, and a bulk rebuild of every seeded city by two real worker processes on the
configured broker (the embedded filesystem transport under `make bench`).

Seeds on top of the Index bench's cities (`bench.index.seed`): each gets a dozen published practices of its own, so
that a profile has its usual 15–25 pages. Only ever run on the benchmark's own database.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import uuid

from django.db import connection
from django.utils import timezone

from cities.models import City
from goodpractices.models import FieldOfAction, GoodPractice
from profiles import services
from profiles.choices import DocumentStatus
from profiles.models import ProfileDocument

from . import index as index_bench

BULK_CITIES = 200
TIMED_PROFILES = 20
PRACTICES_EACH = 12
PREFIX = "bench-profile-"
WORDS = (
    "The city worked with residents of every origin to open its services, train its staff and share public space. " * 6
)


def run(*, scale: int) -> list[dict]:
    cities = min(scale, BULK_CITIES)
    index_bench.seed(cities)
    city_ids = list(
        City.objects.filter(slug__startswith=index_bench.PREFIX).order_by("slug").values_list("pk", flat=True)
    )
    _seed_practices(city_ids[:cities])
    rows = [_timed_builds(city_ids[:TIMED_PROFILES]), _child_memory(city_ids[:5])]
    rows.append(_bulk(city_ids[:cities]))
    return rows


def _seed_practices(city_ids: list[int]) -> None:
    if GoodPractice.objects.filter(slug__startswith=PREFIX).exists():
        return
    fields = list(FieldOfAction.objects.filter(parent__isnull=False).order_by("code"))
    now = timezone.now()
    GoodPractice.objects.bulk_create(
        [
            GoodPractice(
                city_id=city_id,
                title=f"Practice {n} of city {city_id}",
                slug=f"{PREFIX}{city_id}-{n}",
                main_field=fields[(city_id + n) % len(fields)],
                main_purpose=WORDS,
                purpose=WORDS,
                status="published",
                published_at=now,
                language="en",
                year=2020 + n % 5,
            )
            for city_id in city_ids
            for n in range(PRACTICES_EACH)
        ],
        batch_size=1000,
    )


def _timed_builds(city_ids: list[int]) -> dict:
    """Builds in this process, as the worker's service does: context → HTML → PDF, each timed."""
    totals, parts, pages = [], {"context_ms": [], "html_ms": [], "pdf_ms": []}, []
    services._render(City.objects.get(pk=city_ids[0]), "en")  # warm-up: fonts, templates
    for city_id in city_ids:
        started = time.perf_counter()
        pdf, timings, _snapshot = services._render(City.objects.get(pk=city_id), "en")
        totals.append((time.perf_counter() - started) * 1000)
        for key, value in timings.items():
            parts[key].append(value)
        from profiles.render import page_count

        pages.append(page_count(pdf))
    medians = ", ".join(f"{key[:-3]} {statistics.median(values):.0f} ms" for key, values in parts.items())
    return {
        "name": f"one profile ({min(pages)}–{max(pages)} pages), {len(city_ids)} cities",
        "p50_ms": statistics.median(totals),
        "p95_ms": _p95(totals),
        "queries": _queries(city_ids[0]),
        "target": "p95 ≤ 1,500 ms",
        "p95_target_ms": 1500,
        "floor_target": False,
        "note": f"median split: {medians}",
    }


def _child_memory(city_ids: list[int]) -> dict:
    """A fresh process, like a recycled worker child, builds profiles; its peak resident memory is read back."""
    code = (
        "import django, json, resource, sys; django.setup();"
        "from cities.models import City; from profiles import services;"
        f"[services._render(City.objects.get(pk=pk), 'en') for pk in {city_ids!r}];"
        "print(json.dumps(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))"
    )
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=os.environ)
    peak_mb = json.loads(out.stdout.strip().splitlines()[-1]) / 1024
    elapsed = (time.perf_counter() - started) * 1000
    return {
        "name": f"worker child peak memory, {len(city_ids)} profiles (time: the whole process)",
        "p50_ms": elapsed,
        "p95_ms": elapsed,
        "queries": 0,
        "target": "peak ≤ 250 MB",
        "met": peak_mb <= 250,
        "floor_target": False,
        "note": f"peak resident memory {peak_mb:.0f} MB ({'met' if peak_mb <= 250 else 'missed'})",
    }


def _bulk(city_ids: list[int]) -> dict:
    """Every city's profile rebuilt by two worker processes on the configured broker, through the outbox."""
    from icc_portal.celery import app

    queue = f"bench-profiles-{uuid.uuid4().hex[:8]}"
    app.conf.task_default_queue = queue
    env = {**os.environ, "CELERY_TASK_DEFAULT_QUEUE": queue, "DJANGO_SETTINGS_MODULE": "icc_portal.settings"}
    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "icc_portal",
                "worker",
                "-Q",
                queue,
                "--concurrency",
                "1",
                "-n",
                f"bench{n}@%h",
                "--without-gossip",
                "--without-mingle",
                "-l",
                "warning",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for n in range(2)
    ]
    try:
        time.sleep(3)  # both workers up before the clock starts
        batch = uuid.uuid4().hex[:12]
        started = time.perf_counter()
        for city in City.objects.filter(pk__in=city_ids):
            services.profile_request_build(city=city, language="en", batch=batch)
        open_statuses = [DocumentStatus.QUEUED, DocumentStatus.BUILDING]
        while ProfileDocument.objects.filter(batch=batch, status__in=open_statuses).exists():
            if time.perf_counter() - started > 900:
                raise RuntimeError("the bulk rebuild did not finish in 15 minutes")
            time.sleep(0.5)
        elapsed = time.perf_counter() - started
        failed = ProfileDocument.objects.filter(batch=batch, status=DocumentStatus.FAILED).count()
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
    return {
        "name": f"bulk rebuild of {len(city_ids)} profiles, 2 worker processes",
        "p50_ms": elapsed * 1000,
        "p95_ms": elapsed * 1000,
        "queries": 0,
        "target": "≤ 180 s",
        "p95_target_ms": 180_000,
        "floor_target": False,
        "note": f"{elapsed:.0f} s in all, {failed} failed",
    }


def _queries(city_id: int) -> int:
    executed = []
    with connection.execute_wrapper(lambda execute, sql, *args: executed.append(sql) or execute(sql, *args)):
        from profiles.context import profile_context

        profile_context(City.objects.get(pk=city_id), "en")
    return len(executed)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[94] if len(values) > 1 else values[0]
