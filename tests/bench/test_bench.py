"""The benchmark cannot rot: the seeding and the measuring run here at a tiny size."""

from bench import goodpractices, index
from bench.__main__ import benches, table
from goodpractices.models import FieldOfAction, GoodPractice, PracticeFacetCount
from goodpractices.taxonomy import fields_of_action_sync
from index.models import Assessment


def test_bench_seeds_and_measures_every_page(db):
    rows = goodpractices.run(scale=60, requests=2)
    assert GoodPractice.objects.published().count() == 60
    assert PracticeFacetCount.objects.get(facet="total").count == 60
    assert GoodPractice.objects.exclude(field_codes=[]).count() == 60  # filled though the triggers were off
    assert {row["name"] for row in rows} >= {"list, no filter", "practice page", "API list"}
    assert all(row["queries"] > 0 and row["p95_ms"] > 0 for row in rows)
    report = table({60: [{**row, "app": "goodpractices", "x_floor": 1.0} for row in rows]})
    assert "| list, no filter | 60 |" in report


def test_index_bench_seeds_two_waves_and_measures(db, monkeypatch):
    monkeypatch.setenv("BENCH_REQUESTS", "2")
    fields_of_action_sync(FieldOfAction)  # the edition names fields of action; a flushed test database lost them
    rows = index.run(scale=4)
    assert Assessment.objects.filter(city__slug__startswith=index.PREFIX).count() == 4 * len(index.WAVES)
    assert len(rows) == 3 and all(row["p95_ms"] > 0 and row["queries"] > 0 for row in rows)


def test_the_bench_lists_its_app_benches_by_hand():
    assert {name: module.__name__ for name, module in benches().items()} == {
        "goodpractices": "bench.goodpractices",
        "index": "bench.index",
        "events": "bench.events",
        "profiles": "bench.profiles",
        "exchange": "bench.exchange",
    }


def test_make_load_imports_the_bench_it_seeds_from():
    """`make load` seeds with the bench's code: it broke unseen once when the bench moved out of the apps."""
    from load import seed

    assert seed.practices_bench is goodpractices and seed.index_bench is index
    assert len(seed.signature(100)) == 64


def test_the_load_runs_floor_page_is_the_benchs(client, settings):
    settings.ROOT_URLCONF = "load.urls"
    response = client.get("/floor/")
    assert response.status_code == 200 and b"<html" in response.content


def _samples(rate: float, seconds: int, milliseconds: float, *, name="list", failed=0) -> list:
    """Locust's samples as load/locustfile.py writes them: name, time, ok, from the cache, status, when."""
    count = int(rate * seconds)
    return [[name, milliseconds, n >= failed, False, 200, 1_000 + n / rate] for n in range(count)]


def _render(monkeypatch, saturation_rate: float, paced_rate: float, paced_ms: float, *, failed=0) -> str:
    from load import report

    phases = {
        "cold": {"samples": _samples(100, 10, 300)},
        "saturation": {"samples": _samples(saturation_rate, 10, 120)},
        "paced": {
            "samples": _samples(paced_rate, 10, paced_ms, failed=failed)
            + _samples(0.5, 10, 200, name="coordinator: save draft")
        },  # fmt: skip
    }
    settings = {"users": 24, "paced_users": 64, "rate": 200, "warm_up": 60, "run_time": 60, "bare_time": 20,
                "coordinators": 8, "workers": 3, "scale": 100_000, "load_before": "0.1"}  # fmt: skip
    monkeypatch.setattr(report, "machine", lambda: "a test machine")
    return report.render(phases, {"samples": _samples(600, 10, 5, name="bare page")}, settings)


def test_the_load_report_judges_throughput_at_saturation_and_latency_at_the_offered_rate(monkeypatch):
    text = _render(monkeypatch, saturation_rate=250, paced_rate=200, paced_ms=80)
    assert "| **public mix, 2. saturation, closed loop** | 2,500 | 250.1 | 120 |" in text
    assert "| coordinator: save draft | 5 |" in text  # in the table of phase 3, apart from the public mix
    assert "≥ 200 requests/s (phase 2, and phase 3 served what it was offered) met" in text
    assert "p95 ≤ 150 ms (phase 3) met" in text and "0 errors (0 in all phases) met" in text


def test_the_load_report_says_what_was_missed(monkeypatch):
    text = _render(monkeypatch, saturation_rate=150, paced_rate=150, paced_ms=400, failed=3)
    assert "requests/s (phase 2, and phase 3 served what it was offered) **missed**" in text
    assert "p95 ≤ 150 ms (phase 3) **missed**" in text and "0 errors (3 in all phases) **missed**" in text
