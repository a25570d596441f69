"""The events bench cannot rot, and the calendar and the API read a constant number of queries: the seeding and the
measuring run here at tiny sizes (the storm, which starts gunicorn, runs in `make bench` only)."""

import pytest
from django.db import connection
from django.test import Client

from bench import events as bench
from events.models import Event
from tests.goodpractices.factories import field_of_action


def _queries(path: str) -> int:
    client = Client()
    executed = []
    client.get(path)  # warm-up: sessions, translations
    with connection.execute_wrapper(lambda execute, sql, *args: executed.append(sql) or execute(sql, *args)):
        response = client.get(path)
    assert response.status_code == 200
    return len(executed)


PATHS = [
    "/events/",
    "/events/?kind=study_visit&field=3",
    "/api/v1/events/",
    "/api/v1/events/?type=webinar&upcoming=true",
]


@pytest.mark.parametrize("path", PATHS)
def test_the_calendar_and_the_api_read_as_many_queries_at_any_size(db, path):
    field_of_action("3")  # the taxonomy, reloaded if a transactional test flushed it
    bench.seed_events(63)  # from 63 on, every filter below meets past and upcoming rows: the same queries run
    small = _queries(path)
    bench.seed_events(300)
    assert Event.objects.filter(slug__startswith=bench.PREFIX).count() == 300
    assert _queries(path) == small


def test_the_calendar_rows_measure(db):
    field_of_action("3")
    rows = bench._calendar_rows(40, requests=2)
    assert {row["key"] for row in rows} == {"calendar", "calendar-filtered", "api", "api-filtered", "event"}
    assert all(row["queries"] > 0 and row["p95_ms"] > 0 for row in rows)
