"""F14: errors people and programs can read — pages in English and French, JSON on the API whatever raised it."""

import json

import pytest
from django.test import Client

from ..factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_broken_views(settings):
    settings.ROOT_URLCONF = "tests.security.urls"


def _json_error(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json", response["Content-Type"]
    body = response.json()
    assert isinstance(body.get("detail"), str) and body["detail"]
    return body


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/no-such-page/", "Page not found"), ("/fr/no-such-page/", "Page introuvable")],
)
def test_f14_404_page_in_both_languages(client, path, heading):
    response = client.get(path)
    assert response.status_code == 404
    assert heading in response.content.decode()
    assert 'href="/' in response.content.decode()  # the site's navigation, a way on


@pytest.mark.parametrize(
    ("path", "heading"),
    [("/broken/", "Something went wrong"), ("/fr/broken/", "Un problème est survenu")],
)
def test_f14_500_page_in_both_languages(with_broken_views, path, heading):
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == 500
    assert heading in response.content.decode()
    assert "RuntimeError" not in response.content.decode()


def test_f14_a_bug_in_the_api_answers_json(with_broken_views):
    body = _json_error(Client(raise_request_exception=False).get("/api/v1/broken/"), 500)
    assert "RuntimeError" not in json.dumps(body)


def test_f14_unknown_api_path_answers_json(client):
    _json_error(client.get("/api/v1/no-such-thing/"), 404)
    _json_error(client.get("/api/nothing-here"), 404)


def test_f14_oversized_body_answers_json_on_the_api_and_a_page_elsewhere(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    body = json.dumps({"email": "someone@test.example", "password": "x" * 20_000})
    _json_error(client.post("/api/v1/auth/token/", body, content_type="application/json"), 400)
    page = client.post("/accounts/login/", {"username": "someone@test.example", "password": "x" * 20_000})
    assert page.status_code == 400
    assert "Bad request" in page.content.decode()


def test_f14_wrong_method_and_not_found_on_the_api_are_json(client):
    _json_error(client.get("/api/v1/auth/token/"), 405)
    _json_error(client.get("/api/v1/good-practices/999999/"), 404)
    _json_error(client.get("/api/v1/good-practices/999999/", headers={"Accept": "text/html"}), 404)


def test_f14_lockout_page_in_french(client, coordinator_a):
    for _ in range(5):
        client.post("/fr/accounts/login/", {"username": "coord-a@test.example", "password": "wrong"})
    response = client.post("/fr/accounts/login/", {"username": "coord-a@test.example", "password": PASSWORD})
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()
    assert response["Retry-After"] == "900"


def test_f14_403_page_is_readable(client_as):
    client = client_as("secretariat")
    english = client.get("/admin/knox/authtoken/")
    assert english.status_code == 403
    assert "Not allowed" in english.content.decode()
