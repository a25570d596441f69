"""The table of `make load`: requests per second, latency percentiles, errors and cache hits, per kind of request,
for the public mix as a whole, the coordinators' saves and the bare page."""

import os
import platform
import statistics
from datetime import UTC, datetime
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "performance.md"
START, END = "<!-- load results -->", "<!-- /load results -->"
BENCH_MARK = "<!-- bench results -->"
TARGET = {"rps": 200, "p95_ms": 150, "errors": 0}


def row(name: str, samples: list, seconds: float) -> dict:
    times = sorted(sample[1] for sample in samples)
    return {
        "name": name,
        "requests": len(samples),
        "rps": len(samples) / seconds if seconds else 0,
        "p50": _percentile(times, 50),
        "p95": _percentile(times, 95),
        "p99": _percentile(times, 99),
        "errors": sum(1 for sample in samples if not sample[2]),
        "hits": sum(1 for sample in samples if sample[3]) / len(samples) if samples else 0,
    }


def _percentile(values: list[float], percent: int) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def _span(samples: list) -> float:
    stamps = [sample[5] for sample in samples]
    return max(stamps) - min(stamps) if len(stamps) > 1 else 0.0


def rows(mix: dict, bare: dict) -> list[dict]:
    samples = mix["samples"]
    seconds = _span(samples)
    public = [s for s in samples if not s[0].startswith("coordinator")]
    by_name: dict[str, list] = {}
    for sample in samples:
        by_name.setdefault(sample[0], []).append(sample)
    table = [{**row("**public mix**", public, seconds), "kind": "mix"}]
    table += [{**row(name, found, seconds), "kind": "public"} for name, found in by_name.items()
              if not name.startswith("coordinator")]  # fmt: skip
    table += [{**row(name, found, seconds), "kind": "coordinator"} for name, found in by_name.items()
              if name.startswith("coordinator")]  # fmt: skip
    table.append({**row("bare page (`/floor/`, no database), alone after the mix", bare["samples"],
                        _span(bare["samples"])), "kind": "bare"})  # fmt: skip
    return table


def render(mix: dict, bare: dict, settings: dict) -> str:
    table = rows(mix, bare)
    overall = table[0]
    met = {
        "rps": overall["rps"] >= TARGET["rps"],
        "p95": overall["p95"] <= TARGET["p95_ms"],
        "errors": overall["errors"] + sum(r["errors"] for r in table if r["kind"] == "coordinator") == 0,
    }
    lines = [
        f"Run {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')} on {machine()}; load average before the run "
        f"{settings['load_before']}.",
        "",
        f'`make load LOAD_ARGS="--users {settings["users"]} --run-time {settings["run_time"]}"`: gunicorn '
        f"({settings['workers']} sync workers, DEBUG off, the psycopg pool) and a Celery worker on "
        f"{settings['scale']:,} published practices; {settings['users']} visitors without think time and "
        f"{settings['coordinators']} coordinators saving a draft every 1–3 s for {settings['run_time']} s, then the "
        f"bare page alone for {settings['bare_time']} s with {settings['users']} users. Locust runs in a second "
        "process on the same two cores. The cache starts empty.",
        "",
        "| requests | count | requests/s | p50 ms | p95 ms | p99 ms | errors | from the cache |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in table:
        lines.append(
            f"| {r['name']} | {r['requests']:,} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} | "
            f"{r['errors']} | {r['hits']:.0%} |"
        )
    verdict = ", ".join(
        f"{label} {'met' if ok else '**missed**'}"
        for label, ok in [
            (f"≥ {TARGET['rps']} requests/s", met["rps"]),
            (f"p95 ≤ {TARGET['p95_ms']} ms", met["p95"]),
            ("0 errors", met["errors"]),
        ]
    )
    lines += ["", f"Target on the public mix: {verdict}."]
    return "\n".join(lines) + "\n"


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    return f"{cpu}, {cores} cores, PostgreSQL {version}, Python {platform.python_version()}"


def write_doc(text: str) -> None:
    """Replaces the table between the load markers (added before the bench's table when missing)."""
    doc = DOC.read_text()
    block = f"{START}\n{text}{END}"
    if START in doc and END in doc:
        doc = doc[: doc.index(START)] + block + doc[doc.index(END) + len(END) :]
    elif BENCH_MARK in doc:
        doc = doc.replace(BENCH_MARK, f"{block}\n\n{BENCH_MARK}", 1)
    else:
        doc += f"\n{block}\n"
    DOC.write_text(doc)
