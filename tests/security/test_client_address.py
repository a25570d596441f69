"""F2: throttling and lockout trust X-Forwarded-For only as far as TRUSTED_PROXY_COUNT says."""

import pytest
from django.test import RequestFactory

from core.http import client_ip

pytestmark = pytest.mark.django_db


# Each attempt names another e-mail: what must stop them is the throttle per client, not the lockout per account.


def _spoofed(i: int) -> str:
    return f"198.51.{i // 250}.{i % 250 + 1}"


def test_f2_spoofed_forwarded_for_does_not_escape_the_sign_in_throttle(client):
    statuses = [
        client.post(
            "/api/v1/auth/token/",
            {"email": f"nobody{i}@test.example", "password": "x"},
            headers={"X-Forwarded-For": _spoofed(i)},
        ).status_code
        for i in range(300)
    ]
    assert statuses.count(429) >= 270, f"only {statuses.count(429)} of 300 throttled"
    assert set(statuses) <= {400, 429}


def test_f2_the_throttled_answer_is_json_with_retry_after(client):
    for i in range(25):
        response = client.post("/api/v1/auth/token/", {"email": f"nobody{i}@test.example", "password": "x"})
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()
    assert int(response["Retry-After"]) > 0


def test_f2_behind_one_trusted_proxy_the_last_forwarded_address_is_the_client(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    # A client rotating the part of the header it controls: the proxy's entry (the last one) stays its own.
    statuses = [
        client.post(
            "/api/v1/auth/token/",
            {"email": f"nobody{i}@test.example", "password": "x"},
            headers={"X-Forwarded-For": f"{_spoofed(i)}, 203.0.113.7"},
        ).status_code
        for i in range(40)
    ]
    assert statuses.count(429) >= 15
    # Another client behind the same proxy is counted on its own.
    other = client.post(
        "/api/v1/auth/token/",
        {"email": "nobody@test.example", "password": "x"},
        headers={"X-Forwarded-For": "203.0.113.8"},
    )
    assert other.status_code == 400


def test_f2_lockout_address_ignores_forwarded_for_without_a_trusted_proxy(settings):
    request = RequestFactory().get("/", headers={"X-Forwarded-For": "198.51.100.1"}, REMOTE_ADDR="192.0.2.10")
    assert client_ip(request) == "192.0.2.10"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "198.51.100.1"
    chained = RequestFactory().get("/", headers={"X-Forwarded-For": "1.2.3.4, 198.51.100.1"}, REMOTE_ADDR="192.0.2.10")
    assert client_ip(chained) == "198.51.100.1"
    garbage = RequestFactory().get("/", headers={"X-Forwarded-For": "not-an-address"}, REMOTE_ADDR="192.0.2.10")
    assert client_ip(garbage) == "192.0.2.10"


def test_f2_login_lockout_cannot_be_escaped_by_rotating_forwarded_for(client, coordinator_a):
    for i in range(5):
        client.post(
            "/accounts/login/",
            {"username": "coord-a@test.example", "password": "wrong"},
            headers={"X-Forwarded-For": _spoofed(i)},
        )
    response = client.post(
        "/accounts/login/",
        {"username": "coord-a@test.example", "password": "correct-horse-battery"},
        headers={"X-Forwarded-For": _spoofed(99)},
    )
    assert response.status_code == 429
