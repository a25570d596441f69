"""Events under load (issue 11), on the benchmark's own database:

1. A registration storm through the real HTTP stack: gunicorn serving the portal, 50 cities' coordinators each
   registering 4 people through `POST /api/v1/events/<slug>/registrations/` at once, for 30 places with a limit of 2
   per city: 0 overbooked, 0 errors, the latency of each registration (p50, p95).
2. The calendar page and the events API at 5,000 events: p95, and the number of SQL queries of one request, which
   must be the same at 50 events and at 5,000.

`run(*, scale)` is the interface of the bench package (`python -m bench`); `python -m bench.events` runs it alone.
Only ever run on the benchmark's own database, or inside a test's transaction (the calendar part).
"""

from __future__ import annotations

import datetime
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import connection
from django.utils import timezone

try:
    from .tools import measure
except ImportError:  # before the bench package of issue 8 lands, the timer lived in the configuration package
    from icc_portal.benchtools import measure

EVENTS = 5_000
PREFIX = "bench-events-"
STORM = "bench-storm-"
STORM_CITIES, STORM_PER_CITY, STORM_PLACES, STORM_LIMIT = 50, 4, 30, 2
STORM_TARGET_MS = 100.0
# Registrations in flight at once in the first storm: twice the server's workers, so that every worker is busy and
# several transactions queue for the event's lock; the second storm sends all 50 cities at once.
STORM_CONCURRENCY = 8
KINDS = ["study_visit", "thematic_seminar", "coordinators_meeting", "policy_lab", "training", "webinar", "conference"]
ZONES = ["Europe/Lisbon", "Europe/Paris", "Europe/Oslo", "Europe/Madrid", "Asia/Tokyo", "America/Toronto"]


def run(*, scale: int = 0) -> list[dict]:
    """The rows of the bench table (the events part does not depend on the practices' `scale`)."""
    requests = int(os.environ.get("BENCH_REQUESTS", "200"))
    rows = [storm(concurrency=STORM_CONCURRENCY), storm(concurrency=STORM_CITIES)]
    small = _calendar_rows(50, requests=max(20, requests // 5))
    rows += _calendar_rows(EVENTS, requests=requests, queries_at_small={row["key"]: row["queries"] for row in small})
    for row in rows:
        row.pop("key", None)
    return rows


# The calendar and the API


def _calendar_rows(count: int, *, requests: int, queries_at_small: dict | None = None) -> list[dict]:
    seed_events(count)
    paths = {
        "calendar": ("calendar page /events/", "/events/"),
        "calendar-filtered": ("calendar page, kind and field", "/events/?kind=study_visit&field=3"),
        "api": ("GET /api/v1/events/", "/api/v1/events/"),
        "api-filtered": (
            "GET /api/v1/events/?type=webinar&upcoming=true",
            "/api/v1/events/?type=webinar&upcoming=true",
        ),
        "event": ("an event's page", f"/events/{PREFIX}{count // 2}/"),
    }
    rows = []
    for key, (name, path) in paths.items():
        row = measure(f"{name} ({count:,} events)", path, requests=requests)
        row["floor_target"] = False
        row["key"] = key
        if queries_at_small is not None:
            same = queries_at_small.get(key) == row["queries"]
            row["note"] = f"{queries_at_small.get(key)} queries at 50 events{'' if same else ' — NOT constant'}"
        rows.append(row)
    return rows


def seed_events(count: int) -> None:
    """`count` public events over 2015–2030 (bulk inserts, counters set), replacing any earlier bench events."""
    from cities.models import City, Country
    from events.models import Event
    from goodpractices.models import FieldOfAction

    Event.objects.filter(slug__startswith=PREFIX).delete()
    country, _ = Country.objects.get_or_create(code="PT", defaults={"name": "Portugal"})
    hosts = [
        City.objects.get_or_create(slug=f"{PREFIX}host-{n}", defaults={"name": f"Host {n}", "country": country})[0]
        for n in range(40)
    ]
    rng = random.Random(count)
    now = timezone.now()
    events = []
    for n in range(count):
        # Spread evenly over 2015–2030 whatever the count, so that 50 events and 5,000 have the same mix of kinds,
        # past and upcoming (the query counts compared below must meet the same kinds of rows).
        starts = datetime.datetime(2015, 1, 1, 9, tzinfo=datetime.UTC) + datetime.timedelta(
            days=(n * 7919) % (16 * 365), hours=n % 9
        )
        capacity = rng.choice([20, 24, 30, 60, 120])
        confirmed = rng.randrange(0, capacity + 1)
        events.append(
            Event(
                slug=f"{PREFIX}{n}", title=f"Bench event {n}", title_en=f"Bench event {n}", kind=KINDS[n % len(KINDS)],
                description="A study visit, seminar or lab of the network.", host_city=rng.choice(hosts + [None]),
                place="City hall", time_zone=rng.choice(ZONES), starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=rng.choice([2, 8, 32])), capacity=capacity,
                city_limit=rng.choice([None, 2, 3]), status=rng.choice(["published"] * 8 + ["closed", "cancelled"]),
                confirmed_count=confirmed, waitlisted_count=rng.randrange(0, 6) if confirmed == capacity else 0,
                published_at=now,
            )
        )  # fmt: skip
    Event.objects.bulk_create(events, batch_size=1000)
    fields = list(FieldOfAction.objects.all())
    through = Event.fields_of_action.through
    created = Event.objects.filter(slug__startswith=PREFIX).values_list("pk", flat=True)
    anti_discrimination = next((field for field in fields if field.code == "3"), None)
    links = []
    for index, pk in enumerate(created.order_by("pk")):
        # Every third event is tagged field 3, so the filtered rows meet matches at 50 events as at 5,000.
        chosen = {anti_discrimination} if index % 3 == 0 and anti_discrimination else set()
        chosen.update(rng.sample(fields, min(len(fields), 2 - len(chosen))))
        links += [through(event_id=pk, fieldofaction_id=field.pk) for field in chosen]
    through.objects.bulk_create(links, batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE events_event")


# The registration storm


def storm(*, concurrency: int) -> dict:
    """200 registrations from 50 cities, `concurrency` at a time, over HTTP, for 30 places with 2 per city."""
    event, tokens = _seed_storm()
    port = _free_port()
    server = _start_server(port)
    try:
        latencies, statuses, seconds = _fire(port, event.slug, tokens, concurrency)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    return _storm_row(event, latencies, statuses, concurrency=concurrency, seconds=seconds)


def _seed_storm():
    from accounts.models import User
    from accounts.services import token_issue
    from cities.models import City, Country, Membership
    from events.models import Event

    Event.objects.filter(slug=f"{STORM}visit").delete()
    country, _ = Country.objects.get_or_create(code="ES", defaults={"name": "Spain"})
    tokens = []
    for n in range(STORM_CITIES):
        city, _ = City.objects.get_or_create(
            slug=f"{STORM}city-{n}", defaults={"name": f"Storm city {n}", "country": country, "status": "member"}
        )
        user, _ = User.objects.get_or_create(email=f"{STORM}coordinator-{n}@example.org")
        Membership.objects.get_or_create(user=user, city=city, defaults={"role": "coordinator"})
        tokens.append(token_issue(user=user))
    now = timezone.now()
    event = Event.objects.create(
        slug=f"{STORM}visit", title="Storm study visit", title_en="Storm study visit", kind="study_visit",
        starts_at=now + datetime.timedelta(days=30), ends_at=now + datetime.timedelta(days=31),
        registration_opens=now - datetime.timedelta(days=1), capacity=STORM_PLACES, city_limit=STORM_LIMIT,
        status="published", published_at=now,
    )  # fmt: skip
    return event, tokens


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_server(port: int) -> subprocess.Popen:
    """gunicorn as production runs it (docker-compose.yml), on the bench's database and settings."""
    env = {**os.environ, "DATABASE_URL": _database_url(), "ALLOWED_HOSTS": "127.0.0.1,localhost"}
    workers = os.environ.get("BENCH_GUNICORN_WORKERS", "4")
    command = [
        sys.executable, "-m", "gunicorn", "icc_portal.wsgi:application", "--bind", f"127.0.0.1:{port}",
        "--workers", workers, "--log-level", "warning", "--backlog", "512",
    ]  # fmt: skip
    process = subprocess.Popen(command, env=env, cwd=settings.BASE_DIR)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                return process
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("gunicorn did not start")


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}{port}/{db['NAME']}"


def _fire(port: int, slug: str, tokens: list[str], concurrency: int) -> tuple[list[float], Counter, float]:
    """The 200 registrations, the cities taking turns, `concurrency` threads released at the same moment."""
    url = f"http://127.0.0.1:{port}/api/v1/events/{slug}/registrations/"
    jobs = [(city, n) for n in range(STORM_PER_CITY) for city in range(len(tokens))]
    start = threading.Barrier(concurrency)
    latencies: list[float] = []
    statuses: Counter = Counter()
    lock = threading.Lock()

    def register(job: tuple[int, int]) -> None:
        city, n = job
        body = json.dumps(
            {"name": f"Person {city}-{n}", "email": f"p{city}-{n}@storm.example", "gender": "woman",
             "nationality": "ES"}
        ).encode()  # fmt: skip
        request = urllib.request.Request(
            url, data=body, method="POST",
            headers={"Authorization": f"Token {tokens[city]}", "Content-Type": "application/json"},
        )  # fmt: skip
        began = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                outcome = json.loads(response.read()).get("status", "?")
        except urllib.error.HTTPError as error:
            outcome = f"HTTP {error.code}"
        except OSError as error:
            outcome = error.__class__.__name__
        elapsed = (time.perf_counter() - began) * 1000
        with lock:
            latencies.append(elapsed)
            statuses[outcome] += 1

    def worker(share: list[tuple[int, int]]) -> None:
        start.wait()
        for job in share:
            register(job)

    shares = [jobs[i::concurrency] for i in range(concurrency)]
    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(worker, shares))
    return latencies, statuses, time.perf_counter() - began


def _storm_row(event, latencies: list[float], statuses: Counter, *, concurrency: int, seconds: float) -> dict:
    from events.models import Registration

    confirmed = Registration.objects.filter(event=event, status="confirmed")
    per_city = Counter(confirmed.values_list("city_id", flat=True))
    waiting = list(Registration.objects.filter(event=event, status="waitlisted").values_list("position", flat=True))
    overbooked = max(0, confirmed.count() - STORM_PLACES) + sum(max(0, n - STORM_LIMIT) for n in per_city.values())
    errors = sum(n for status, n in statuses.items() if status not in ("confirmed", "waitlisted"))
    positions_ok = sorted(waiting) == list(range(1, len(waiting) + 1))
    total = len(latencies)
    return {
        "name": (
            f"registration storm over HTTP: {total} from {STORM_CITIES} cities, {concurrency} at a time, "
            f"{STORM_PLACES} places, {STORM_LIMIT} per city"
        ),
        "p50_ms": statistics.median(latencies),
        "p95_ms": statistics.quantiles(latencies, n=100, method="inclusive")[94],
        "queries": "—",
        "target": f"p95 ≤ {STORM_TARGET_MS:.0f} ms, 0 overbooked, 0 errors",
        "p95_target_ms": STORM_TARGET_MS,
        "floor_target": False,
        "note": (
            f"{total / seconds:.0f} registrations/s; "
            f"{confirmed.count()} confirmed, {len(waiting)} waiting, {overbooked} overbooked, {errors} errors "
            f"({dict(statuses)}), positions {'1…n' if positions_ok else 'BROKEN'}"
        ),
    }


def main() -> int:
    """`python -m bench.events`: this bench alone, on the benchmark's database."""
    try:
        from bench.__main__ import configure_environment
    except ImportError:
        from icc_portal.bench import configure_environment
    configure_environment()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    os.environ.setdefault("BENCH_REQUESTS", "200")
    print(f"Benchmark database: {connection.settings_dict['NAME']}", file=sys.stderr)
    print("| row | p50 ms | p95 ms | queries | target | note |\n|---|---:|---:|---:|---|---|")
    rows = run()
    # The floor (a page with no database) measured on the same machine at the same time: what the load costs anyway.
    rows.append(measure("floor (bare view, no database), for comparison", "/floor/", requests=200))
    for row in rows:
        print(
            f"| {row['name']} | {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | {row['queries']} | {row['target']} | "
            f"{row['note']} |"
        )
    print(f"load average after the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
