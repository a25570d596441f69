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
