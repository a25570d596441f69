"""`make bench`: the portal under a realistic load, on a database of its own (never the development data).

    python -m bench [--sizes 1000,100000] [--requests 200] [--quick] [--no-write] [--only events,profiles]

With DATABASE_URL unset the embedded server is used with the database `icc_bench`; with DATABASE_URL set, the
same server with the database name + `_bench`. Each size seeds its data (the benches listed in `benches()`, each a
`run(*, scale) -> list[dict]` returning rows {"name", "p50_ms", "p95_ms", "queries", "target", "note"}), measures,
and the table goes to stdout and to docs/performance.md. Django runs with bench.settings, whose URLs add `/floor/`.
"""

import argparse
import os
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DOC = Path(__file__).resolve().parent.parent / "docs" / "performance.md"
MARK = "<!-- bench results -->"


def configure_environment() -> None:
    """Point Django at the benchmark's own database and lift the anonymous API throttle; before django.setup()."""
    url = os.environ.get("DATABASE_URL")
    if url:
        parts = urlsplit(url)
        name = parts.path.lstrip("/") or "postgres"
        if not name.endswith("_bench"):
            os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}_bench"))
        _create_database(os.environ["DATABASE_URL"])
    else:
        os.environ["ICC_DATABASE_NAME"] = "icc_bench"
    os.environ["API_ANON_RATE"] = "100000000/minute"
    # Measured as production runs: DEBUG off (cached templates, no query log), static files from the manifest.
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("SECRET_KEY", "bench-only-" + os.urandom(32).hex())
    os.environ["SECURE_SSL_REDIRECT"] = "false"
    # Not setdefault: the bench's settings are the only ones that serve /floor/.
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ.setdefault("LOG_LEVEL", "WARNING")


def _create_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def benches() -> dict:
    """The app benches, by the name of the app they measure. A new one is added here by hand."""
    # Imported once Django is set up: they import the apps' models.
    from . import events, exchange, goodpractices, index, profiles

    return {
        "goodpractices": goodpractices,
        "index": index,
        "events": events,
        "profiles": profiles,
        "exchange": exchange,
    }


def run_size(scale: int, requests: int, only: set[str] | None = None) -> list[dict]:
    from .tools import measure

    os.environ["BENCH_REQUESTS"] = str(requests)
    rows = []
    for app, module in benches().items():
        if only and app not in only:
            continue
        print(f"  {app}: seeding {scale:,} and measuring…", file=sys.stderr, flush=True)
        for row in module.run(scale=scale):
            rows.append({**row, "app": app})
    floor = measure("floor (bare view, no database)", "/floor/", requests=requests)
    rows.append({**floor, "app": "floor", "target": "—"})
    for row in rows:
        row["x_floor"] = row["p50_ms"] / floor["p50_ms"] if floor["p50_ms"] else None
    return rows


def machine() -> str:
    from django.db import connection

    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu}, {cores} cores available, PostgreSQL {version}, Python {platform.python_version()}"


def table(results: dict[int, list[dict]]) -> str:
    sizes = sorted(results)
    lines = [
        "| page / endpoint | size | p50 ms | p95 ms | × floor (p50) | queries | target | p95 met | p50 ≤ 4 × floor |",
        "|---|---:|---:|---:|---:|---:|---|---|---|",
    ]
    for size in sizes:
        for row in results[size]:
            p95_met = floor_met = "—"
            if row["app"] != "floor":
                # A row whose target is not a latency (memory, a count) says itself whether it was met.
                p95_met = _yes_no(row["met"] if "met" in row else row["p95_ms"] <= row.get("p95_target_ms", 50))
                if row.get("floor_target", True):
                    floor_met = _yes_no((row["x_floor"] or 0) <= 4)
            lines.append(
                f"| {row['name']} | {size:,} | {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | "
                f"{row['x_floor']:.1f} | {row['queries']} | {row['target']} | {p95_met} | {floor_met} |"
            )
    notes = [f"- {row['name']} ({size:,}): {row['note']}" for size in sizes for row in results[size] if row.get("note")]
    if notes:
        lines += ["", "Notes:", "", *notes]
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        lines += ["", f"Growth from {small:,} to {large:,} (p50 at {large:,} ÷ p50 at {small:,}; target ≤ 1.5):", ""]
        lines += ["| page / endpoint | ratio | met |", "|---|---:|---|"]
        before = {row["name"]: row for row in results[small]}
        for row in results[large]:
            if row["name"] in before and row["app"] != "floor":
                ratio = row["p50_ms"] / before[row["name"]]["p50_ms"]
                lines.append(f"| {row['name']} | {ratio:.2f} | {_yes_no(ratio <= 1.5)} |")
    return "\n".join(lines)


def _yes_no(ok: bool) -> str:
    return "yes" if ok else "**no**"


def write_doc(report: str) -> None:
    text = DOC.read_text() if DOC.exists() else f"# Performance\n\n{MARK}\n"
    head = text.split(MARK)[0] if MARK in text else text + "\n"
    DOC.write_text(head + MARK + "\n" + report + "\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,100000", help="practices to seed, comma-separated")
    parser.add_argument("--requests", type=int, default=200, help="requests per page and size")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 200 practices, 20 requests, no doc")
    parser.add_argument("--no-write", action="store_true", help="do not write docs/performance.md")
    parser.add_argument("--only", default="", help="the benches to run, comma-separated (never written to the doc)")
    args = parser.parse_args(argv)
    only = {name for name in args.only.split(",") if name}
    sizes = [200] if args.quick else [int(size) for size in args.sizes.split(",")]
    requests = 20 if args.quick else args.requests

    configure_environment()
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    from django.db import connection

    print(f"Benchmark database: {connection.settings_dict['NAME']}", file=sys.stderr)
    unknown = only - set(benches())
    if unknown:
        parser.error(f"no bench named {', '.join(sorted(unknown))}; there are {', '.join(benches())}")
    results = {size: run_size(size, requests, only) for size in sizes}
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    report = (
        f"Run {when} on {machine()}; {requests} requests per row through Django's test client "
        f"(DEBUG={'on' if _debug() else 'off'}).\n\n{table(results)}\n"
    )
    print(report)
    if not (args.quick or args.no_write or only):
        write_doc(report)
        print(f"Written to {DOC}", file=sys.stderr)
    return 0


def _debug() -> bool:
    from django.conf import settings

    return settings.DEBUG


if __name__ == "__main__":
    sys.exit(main())
