"""`make load`: gunicorn with production settings and a Celery worker on a seeded 100,000-practice database, driven
by locust from a second process on 127.0.0.1, in four phases of the same run:

1. cold start: the public mix (and the coordinators) on an empty cache, closed loop, for --warm-up seconds;
2. saturation: the same for --run-time seconds, closed loop with --users visitors: the most the server sustains;
3. at the target rate: the same visits offered at --rate requests/s for --run-time seconds (`PacedVisitor`): the
   latency at that rate (a closed loop at saturation only measures its own queue: latency = users / throughput);
4. the bare page alone for --bare-time seconds.

    python -m load [--users 24] [--rate 200] [--warm-up 60] [--run-time 60] [--bare-time 20] [--workers 3]
                   [--scale 100000] [--no-write] [--seed-only]

The database: with DATABASE_URL unset, `icc_load` on the embedded server; otherwise the same server with the
database name + `_load`. It is seeded once (load/seed.py) and reused while the seeding code and migrations stay the
same. The cache: CACHE_URL when set (it is cleared at the start: give the run a Redis database of its own), otherwise
a file cache under var/load/. Each run starts with an empty cache: the cold start is measured and shown, and the
phases after it see the cache as a running portal does (pages kept until what they show changes). The table goes to
stdout and to docs/performance.md.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from . import report

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "load"


def configure_environment(args) -> None:
    """Production settings for this process and the ones it starts (before django.setup())."""
    url = os.environ.get("DATABASE_URL")
    if url:
        parts = urlsplit(url)
        name = parts.path.lstrip("/") or "postgres"
        if not name.endswith("_load"):
            os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}_load"))
        _create_database(os.environ["DATABASE_URL"])
    else:
        os.environ["ICC_DATABASE_NAME"] = "icc_load"
    os.environ.update(
        DJANGO_SETTINGS_MODULE="load.settings",
        DEBUG="0",
        LOG_LEVEL="WARNING",
        # One client address sends everything: the per-address API throttle would answer most of it 429.
        API_ANON_RATE="100000000/minute",
        # Sync workers serve one request at a time: one connection each, opened once and checked before use.
        DATABASE_POOL_MAX_SIZE="2",
        # Its own queue: a worker of `make run` on the same broker never takes the run's tasks.
        CELERY_TASK_DEFAULT_QUEUE="icc-load",
    )
    os.environ.setdefault("SECRET_KEY", "load-only-" + os.urandom(24).hex())
    os.environ.setdefault("CACHE_URL", f"file://{WORK / 'cache'}")


def _create_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def prepare(scale: int) -> dict:
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    from . import seed

    step("migrations", call_command, "migrate", verbosity=0)
    step("static files", call_command, "collectstatic", interactive=False, verbosity=0)
    step("data", seed.ensure, scale)
    seed.forget_drafts()
    cache.clear()
    from django.db import connection

    connection.close()  # the server's processes open their own
    return seed.site()


def step(label: str, function, *args, **kwargs):
    started = time.monotonic()
    result = function(*args, **kwargs)
    print(f"  {label}: {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    return result


class Stack:
    """gunicorn and a Celery worker, started as production starts them, stopped by their process ids."""

    def __init__(self, *, port: int, workers: int):
        self.port, self.workers, self.processes = port, workers, []
        self.url = f"http://127.0.0.1:{port}"

    def __enter__(self):
        python = sys.executable
        WORK.mkdir(parents=True, exist_ok=True)
        self._start([python, "-m", "celery", "-A", "icc_portal", "worker", "-l", "WARNING", "--concurrency", "1"],
                    "worker")  # fmt: skip
        self._start([python, "-m", "gunicorn", "icc_portal.wsgi:application", "--bind", f"127.0.0.1:{self.port}",
                     "--workers", str(self.workers), "--log-level", "warning"], "gunicorn")  # fmt: skip
        self._wait_until_up()
        return self

    def _start(self, command: list[str], name: str) -> None:
        log = open(WORK / f"{name}.log", "w")  # noqa: SIM115  (closed with the process)
        self.processes.append((subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT), log))

    def _wait_until_up(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for process, _log in self.processes:
                if process.poll() is not None:
                    raise RuntimeError(f"{process.args[2]} stopped at start; see {WORK}/*.log")
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=5) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"the server did not answer /healthz within {timeout:.0f} s; see {WORK}/*.log")

    def post(self, path: str, data: dict) -> dict:
        request = urllib.request.Request(
            self.url + path, data=json.dumps(data).encode(), method="POST",
            headers={"Content-Type": "application/json", "Accept": "application/json", "X-Forwarded-Proto": "https"},
        )  # fmt: skip
        with urllib.request.urlopen(request, timeout=60) as answer:
            return json.loads(answer.read())

    def get(self, path: str) -> None:
        request = urllib.request.Request(self.url + path, headers={"X-Forwarded-Proto": "https"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            answer.read()

    def __exit__(self, *exc):
        for process, _log in reversed(self.processes):
            process.send_signal(signal.SIGTERM)
        for process, log in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()


def warm_up(stack: Stack, site: dict, *, workers: int) -> dict:
    """Before the clock starts: the coordinators log in (a password hash costs a worker most of a second), and every
    worker loads its templates and URLs once. Then the page cache is emptied again: the run starts cold."""
    from django.core.cache import cache

    from .seed import COORDINATOR_PASSWORD

    for account in site["coordinators"]:
        answer = stack.post("/api/v1/auth/token/", {"email": account["email"], "password": COORDINATOR_PASSWORD})
        account["token"] = answer["token"]
    city, index_city = site["cities"][0], site["index_cities"][0]
    paths = ["/", "/good-practices/", "/good-practices/?q=youth", "/good-practices/bench-practice-1/",
             f"/cities/{city}/", f"/cities/{index_city}/index/", "/api/v1/good-practices/", "/floor/"]  # fmt: skip
    for _ in range(workers * 2):
        for path in paths:
            stack.get(path)
    cache.clear()
    return site


def locust(
    stack: Stack, site: dict, *, classes: list[str], users: int, seconds: int, phase: str, rate: float = 0
) -> dict:
    """One locust process (the second process of the run) for `seconds`; returns its samples. With `rate`, the
    visitors (users minus the coordinators) share that many requests per second."""
    samples = WORK / f"{phase}.json"
    samples.unlink(missing_ok=True)
    env = {**os.environ, "LOAD_SITE": json.dumps(site), "LOAD_SAMPLES": str(samples)}
    if rate:
        env["LOAD_RATE_PER_USER"] = str(rate / (users - len(site["coordinators"])))
    command = [sys.executable, "-m", "locust", "-f", str(ROOT / "load" / "locustfile.py"), "--headless",
               "--users", str(users), "--spawn-rate", str(users), "--run-time", f"{seconds}s", "--host", stack.url,
               "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "5", *classes]  # fmt: skip
    print(f"  {phase}: {users} users for {seconds} s…", file=sys.stderr, flush=True)
    started = time.time()
    subprocess.run(command, cwd=ROOT, env=env, check=False, stdout=subprocess.DEVNULL)
    data = json.loads(samples.read_text())
    data["started"], data["stopped"] = started, time.time()
    return data


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=24, help="concurrent visitors at saturation (no think time)")
    parser.add_argument("--rate", type=float, default=report.TARGET["rps"], help="requests/s offered in phase 3")
    parser.add_argument("--paced-users", type=int, default=64, help="visitors sharing --rate in phase 3")
    parser.add_argument("--warm-up", type=int, default=60, help="seconds of the cold start (phase 1)")
    parser.add_argument("--run-time", type=int, default=60, help="seconds of phases 2 and 3 each")
    parser.add_argument("--bare-time", type=int, default=20, help="seconds of the bare page alone")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8150)
    parser.add_argument("--scale", type=int, default=100_000, help="published practices")
    parser.add_argument("--no-write", action="store_true", help="do not write docs/performance.md")
    parser.add_argument("--seed-only", action="store_true", help="prepare the database, start nothing")
    args = parser.parse_args(argv)

    configure_environment(args)
    site = prepare(args.scale)
    if args.seed_only:
        return 0
    load_before = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    with Stack(port=args.port, workers=args.workers) as stack:
        site = step("warm-up", warm_up, stack, site, workers=args.workers)
        coordinators = len(site["coordinators"])
        mix = ["Visitor", "Coordinator"]
        phases = {
            "cold": locust(stack, site, classes=mix, users=args.users + coordinators, seconds=args.warm_up,
                           phase="cold"),
            "saturation": locust(stack, site, classes=mix, users=args.users + coordinators, seconds=args.run_time,
                                 phase="saturation"),
            "paced": locust(stack, site, classes=["PacedVisitor", "Coordinator"], users=args.paced_users + coordinators,
                            seconds=args.run_time, phase="paced", rate=args.rate),
        }  # fmt: skip
        bare = locust(stack, site, classes=["Bare"], users=args.users, seconds=args.bare_time, phase="bare")
    settings = {"users": args.users, "paced_users": args.paced_users, "rate": args.rate, "warm_up": args.warm_up,
                "coordinators": coordinators, "workers": args.workers, "scale": args.scale, "run_time": args.run_time,
                "bare_time": args.bare_time, "load_before": load_before}  # fmt: skip
    text = report.render(phases, bare, settings)
    print(text)
    if not args.no_write:
        report.write_doc(text)
        print(f"Written to {report.DOC}", file=sys.stderr)
    return 0
