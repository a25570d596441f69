"""Schema findings: the OpenAPI schema says what the API does — fields that can be null are nullable, every
operation documents the errors it answers, and the bounds the API enforces (required comments, pages from 1, a
password, filter ranges) are in the schema; `page_size=null` is refused."""

import re

import pytest
from django.test import Client
from drf_spectacular.generators import SchemaGenerator

from ..factories import CityFactory
from ..goodpractices.factories import GoodPracticeFactory, field_of_action

pytestmark = pytest.mark.django_db

UNSAFE = {"post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def _operations(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield path, method, operation


def test_schema_fields_the_api_returns_as_null_are_nullable(schema):
    components = schema["components"]["schemas"]
    assert components["FieldOfAction"]["properties"]["parent"]["nullable"]
    assert components["City"]["properties"]["national_network"]["nullable"]
    assert components["GoodPractice"]["properties"]["main_field"]["nullable"]
    assert components["GoodPractice"]["properties"]["contact_email"]["nullable"]


def test_schema_a_blank_contact_email_is_null_not_an_empty_address(client_as, city_a):
    practice = GoodPracticeFactory(city=city_a, status="draft", contact_email="", main_field=None)
    data = client_as("coordinator_a").get(f"/api/v1/good-practices/{practice.pk}/").json()
    assert data["contact_email"] is None and data["main_field"] is None
    field_of_action("1")
    top = Client().get("/api/v1/fields-of-action/").json()
    assert any(field["parent"] is None for field in top)
    assert Client().get(f"/api/v1/cities/{city_a.slug}/").json()["national_network"] is None


def test_schema_every_operation_documents_its_errors(schema):
    for path, method, operation in _operations(schema):
        codes = set(operation["responses"])
        has_query = any(parameter["in"] == "query" for parameter in operation.get("parameters", []))
        expected = {"429"}
        if method in UNSAFE or has_query:
            expected.add("400")
        if path != "/api/v1/auth/token/":
            expected |= {"401", "403"}
        if "{" in path:
            expected.add("404")
        if "{" in path and method in UNSAFE:
            expected.add("409")
        assert expected <= codes, (method, path, sorted(codes))
        for code in expected:
            content = operation["responses"][code]["content"]["application/json"]["schema"]
            assert content == {"$ref": "#/components/schemas/Error"}, (method, path, code)


def test_schema_required_comments_pages_from_1_and_a_password(schema):
    components = schema["components"]["schemas"]
    for name in ("RequiredComment", "ReturnComment"):
        assert components[name]["required"] == ["comment"]
        comment = components[name]["properties"]["comment"]
        assert comment["minLength"] == 1
        # What is left after control characters are dropped and spaces trimmed must not be empty.
        assert [bool(re.match(comment["pattern"], text)) for text in ("Add the impact.", " \x16 ", "a\x00")] == [
            True,
            False,
            False,
        ]
    assert components["Input"]["properties"]["password"]["minLength"] == 1
    for path, _method, operation in _operations(schema):
        for parameter in operation.get("parameters", []):
            if parameter["name"] in ("page", "page_size"):
                assert parameter["schema"]["minimum"] == 1, (path, parameter)


def test_schema_filters_say_their_bounds_and_that_empty_means_any(schema):
    parameters = {p["name"]: p["schema"] for p in schema["paths"]["/api/v1/good-practices/"]["get"]["parameters"]}
    year, empty = parameters["year"]["oneOf"]
    assert (year["minimum"], year["maximum"], empty["maxLength"]) == (1950, 2100, 0)
    assert parameters["q"]["maxLength"] == 200
    language, empty = parameters["language"]["oneOf"]
    assert "en" in language["enum"] and empty == {"type": "string", "maxLength": 0}
    assert "3a" in parameters["field"]["oneOf"][0]["enum"]
    assert Client().get("/api/v1/good-practices/", {"language": "", "year": ""}).status_code == 200


@pytest.mark.parametrize("query", ["page_size=null", "page_size=0", "page_size=-1", "page_size=", "page=0", "page=x"])
def test_schema_a_page_or_page_size_that_is_not_a_whole_number_from_1_is_a_400(db, query):
    for path in ("/api/v1/good-practices/", "/api/v1/cities/", "/api/v1/index/assessments/"):
        response = Client().get(f"{path}?{query}")
        assert response.status_code == 400, (path, query)
        assert set(response.json()["errors"]) == {query.split("=")[0]}


def test_schema_a_page_size_over_100_is_served_as_100(db):
    CityFactory.create_batch(101)
    response = Client().get("/api/v1/cities/?page_size=500")
    assert response.status_code == 200 and len(response.json()["results"]) == 100


def test_schema_a_blank_required_comment_is_a_400_naming_it(client_as, city_a):
    practice = GoodPracticeFactory(city=city_a, status="submitted")
    for action in ("request-changes", "reject"):
        response = client_as("secretariat").post(
            f"/api/v1/good-practices/{practice.pk}/{action}/", {"comment": " "}, content_type="application/json"
        )
        assert response.status_code == 400
        assert "Write a comment to the coordinator" in response.json()["errors"]["comment"][0]
