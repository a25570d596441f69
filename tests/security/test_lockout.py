"""F1: the lockout counts failed logins per account, whatever the spelling of the e-mail."""

import pytest

from ..factories import PASSWORD

pytestmark = pytest.mark.django_db

SPELLINGS = ["coord-a@test.example", "COORD-A@test.example", "Coord-A@Test.Example", " coord-a@test.example "]


def _fail_login(client, username):
    response = client.post("/accounts/login/", {"username": username, "password": "wrong"})
    assert response.status_code in (200, 429)  # the form again with its error; the fifth failure locks at once


def test_f1_lockout_counts_every_spelling_of_an_email(client, coordinator_a):
    for _ in range(5):
        _fail_login(client, "coord-a@test.example")
    response = client.post("/accounts/login/", {"username": "Coord-A@test.example", "password": PASSWORD})
    assert response.status_code == 429
    assert b"Too many failed attempts" in response.content
    assert int(response["Retry-After"]) == 15 * 60


def test_f1_failures_in_different_spellings_add_up(client, coordinator_a):
    for username in SPELLINGS + ["COORD-A@TEST.EXAMPLE"]:
        _fail_login(client, username)
    response = client.post("/accounts/login/", {"username": "coord-a@test.example", "password": PASSWORD})
    assert response.status_code == 429


def test_f1_token_endpoint_counts_every_spelling_and_answers_json(client, coordinator_a):
    for username in SPELLINGS + ["COORD-A@TEST.EXAMPLE"]:
        response = client.post("/api/v1/auth/token/", {"email": username.strip(), "password": "wrong"})
        assert response.status_code in (400, 429)
    response = client.post("/api/v1/auth/token/", {"email": "Coord-A@Test.Example", "password": PASSWORD})
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert "Too many failed attempts" in response.json()["detail"]
    assert "token" not in response.json()


def test_f1_failures_on_the_api_lock_the_login_page_too(client, coordinator_a):
    for _ in range(5):
        client.post("/api/v1/auth/token/", {"email": "COORD-A@test.example", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "coord-a@test.example", "password": PASSWORD})
    assert response.status_code == 429


def test_f1_an_unknown_address_is_counted_case_insensitively_too(client, db):
    for username in ["Nobody@test.example", "NOBODY@test.example", "nobody@TEST.example", "nobody@test.example"]:
        _fail_login(client, username)
    response = client.post("/accounts/login/", {"username": "NoBody@Test.Example", "password": "x"})
    assert response.status_code == 429


def test_f1_a_success_before_the_limit_still_logs_in(client, coordinator_a):
    for _ in range(4):
        _fail_login(client, "COORD-A@test.example")
    response = client.post("/accounts/login/", {"username": "coord-a@test.example", "password": PASSWORD})
    assert response.status_code == 302
