"""`/floor/`, the bench's bare page, is served by the bench's URL configuration only (issue 8).

The row it had in the permission matrix lives here: every persona gets the page, under the bench's URLs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..conftest import PERSONAS


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_bench_serves_the_floor_to_everyone(persona, client_as, settings):
    settings.ROOT_URLCONF = "bench.urls"
    client = client_as(persona)
    client.get("/floor/")  # warm-up: a login or a fresh session may query
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/floor/")
    assert response.status_code == 200
    assert b"A page with no data." in response.content
    if persona == "anonymous":
        assert len(queries) == 0, [query["sql"] for query in queries]


@pytest.mark.django_db
def test_the_product_does_not_serve_the_floor(client):
    assert client.get("/floor/").status_code == 404


def test_the_bench_settings_are_the_products_with_the_bench_urls():
    from bench import settings as bench_settings
    from icc_portal import settings as product_settings

    assert bench_settings.ROOT_URLCONF == "bench.urls"
    assert bench_settings.MIDDLEWARE == product_settings.MIDDLEWARE
    assert bench_settings.INSTALLED_APPS == product_settings.INSTALLED_APPS
