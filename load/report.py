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


PHASES = {
    "cold": "1. cold start (empty cache), closed loop",
    "saturation": "2. saturation, closed loop",
    "paced": "3. at the target rate",
}


def public(samples: list) -> list:
    return [s for s in samples if not s[0].startswith("coordinator")]


def rows(samples: list) -> list[dict]:
    """The public mix as a whole, then each kind of request, then the coordinators' requests."""
    seconds = _span(samples)
    by_name: dict[str, list] = {}
    for sample in samples:
        by_name.setdefault(sample[0], []).append(sample)
    table = [{**row("**public mix**", public(samples), seconds), "kind": "mix"}]
    table += [{**row(name, found, seconds), "kind": "public"} for name, found in by_name.items()
              if not name.startswith("coordinator")]  # fmt: skip
    table += [{**row(name, found, seconds), "kind": "coordinator"} for name, found in by_name.items()
              if name.startswith("coordinator")]  # fmt: skip
    return table


def verdict(phases: dict, rate: float) -> dict:
    """Throughput: what the saturated server sustained, and the offered rate served in phase 3. Latency: phase 3's
    p95. Errors: every request of every phase."""
    saturation = row("", public(phases["saturation"]["samples"]), _span(phases["saturation"]["samples"]))
    paced = row("", public(phases["paced"]["samples"]), _span(phases["paced"]["samples"]))
    errors = sum(1 for phase in phases.values() for sample in phase["samples"] if not sample[2])
    return {
        "rps": saturation["rps"] >= TARGET["rps"] and paced["rps"] >= 0.97 * rate,
        "p95": paced["p95"] <= TARGET["p95_ms"],
        "errors": errors == 0,
        "error_count": errors,
    }


def _line(r: dict) -> str:
    return (
        f"| {r['name']} | {r['requests']:,} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} | "
        f"{r['errors']} | {r['hits']:.0%} |"
    )


HEADER = [
    "| requests | count | requests/s | p50 ms | p95 ms | p99 ms | errors | from the cache |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
]


def render(phases: dict, bare: dict, settings: dict) -> str:
    met = verdict(phases, settings["rate"])
    lines = [
        f"Run {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')} on {machine()}; load average before the run "
        f"{settings['load_before']}.",
        "",
        f'`make load LOAD_ARGS="--users {settings["users"]} --rate {settings["rate"]:g} --warm-up '
        f'{settings["warm_up"]} --run-time {settings["run_time"]}"`: gunicorn ({settings["workers"]} sync workers, '
        f"DEBUG off, the psycopg pool) and a Celery worker on {settings['scale']:,} published practices, and "
        f"{settings['coordinators']} coordinators saving a draft every 1–3 s in every phase. Phase 1: "
        f"{settings['users']} visitors without think time on an empty cache for {settings['warm_up']} s. Phase 2: "
        f"the same for {settings['run_time']} s. Phase 3: {settings['paced_users']} visitors offering "
        f"{settings['rate']:g} requests/s together for {settings['run_time']} s. Then the bare page alone for "
        f"{settings['bare_time']} s with {settings['users']} users. Locust runs in a second process on the same "
        "cores.",
        "",
        *HEADER,
    ]
    for name, label in PHASES.items():
        samples = phases[name]["samples"]
        lines.append(_line({**row(f"**public mix, {label}**", public(samples), _span(samples))}))
    lines.append(_line(row("bare page (`/floor/`, no database), alone after the mix", bare["samples"],
                           _span(bare["samples"]))))  # fmt: skip
    lines += ["", f"Phase 3 ({settings['rate']:g} requests/s offered), by kind of request:", "", *HEADER]
    lines += [_line(r) for r in rows(phases["paced"]["samples"])]
    verdict_text = ", ".join(
        f"{label} {'met' if ok else '**missed**'}"
        for label, ok in [
            (f"≥ {TARGET['rps']} requests/s (phase 2, and phase 3 served what it was offered)", met["rps"]),
            (f"p95 ≤ {TARGET['p95_ms']} ms (phase 3)", met["p95"]),
            (f"0 errors ({met['error_count']} in all phases)", met["errors"]),
        ]
    )
    lines += ["", f"Target on the public mix: {verdict_text}."]
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
