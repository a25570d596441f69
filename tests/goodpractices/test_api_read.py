from django.test import Client

from goodpractices import browse

from . import public_fixtures
from .factories import GoodPracticeFactory

catalogue = public_fixtures.catalogue  # the fixture, shared by the public database tests


def test_list_is_paginated_as_the_contract_says(catalogue):
    body = Client().get("/api/v1/good-practices/", {"page_size": 2}).json()
    assert body["count"] == 3 and body["next"] and body["count_is_capped"] is False
    assert len(body["results"]) == 2
    assert set(body["results"][0]) >= {"id", "slug", "title", "main_field", "secondary_fields", "city", "language"}


def test_count_stops_at_the_window(catalogue, monkeypatch):
    monkeypatch.setattr(browse, "MAX_RESULTS", 2)
    body = Client().get("/api/v1/good-practices/").json()
    assert body["count"] == 2 and body["count_is_capped"] is True


def test_detail_ignores_list_filters_and_hides_drafts(catalogue):
    racism = catalogue["racism"]
    assert Client().get(f"/api/v1/good-practices/{racism.pk}/", {"q": "nothing"}).status_code == 200
    assert Client().get(f"/api/v1/good-practices/{catalogue['draft'].pk}/").status_code in (401, 403, 404)


def test_relevance_search_in_the_api(catalogue):
    GoodPracticeFactory(slug="late", title="Welcome", process="racism", status="published")
    slugs = [r["slug"] for r in Client().get("/api/v1/good-practices/", {"q": "racism"}).json()["results"]]
    assert slugs[0] == "research-on-structural-racism" and "late" in slugs


def test_schema_documents_the_filters(db):
    schema = Client().get("/api/schema/", {"format": "json"}).json()
    params = {p["name"] for p in schema["paths"]["/api/v1/good-practices/"]["get"]["parameters"]}
    assert params >= {"q", "field", "main_field", "city", "country", "network", "year", "year_min", "year_max",
                      "target_group", "practice_type", "language", "ordering", "page", "page_size"}  # fmt: skip
