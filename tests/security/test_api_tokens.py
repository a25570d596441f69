"""F11: API tokens expire, end with a password change, and their owner can revoke them."""

import importlib
from datetime import timedelta

import pytest
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from accounts.models import User

from ..factories import PASSWORD
from ..goodpractices.factories import GoodPracticeFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-passphrase-7"


@pytest.fixture
def draft_of(city_a, city_b):
    """A draft of each city: only its coordinators can read it, so a 200 proves who is calling."""
    return {
        city.slug: f"/api/v1/good-practices/{GoodPracticeFactory(city=city, status='draft').pk}/"
        for city in (city_a, city_b)
    }


@pytest.fixture
def draft_a(draft_of):
    return draft_of["city-a"]


def _token(email="coord-a@test.example", password=PASSWORD) -> str:
    response = APIClient().post("/api/v1/auth/token/", {"email": email, "password": password}, format="json")
    assert response.status_code == 200, response.content
    assert set(response.json()) == {"token"}
    return response.json()["token"]


def _with(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_f11_token_contract_is_unchanged_and_the_token_works(coordinator_a, draft_a):
    token = _token()
    assert _with(token).get(draft_a).status_code == 200
    assert APIClient().get(draft_a).status_code == 404
    assert APIClient().post("/api/v1/good-practices/", {}).status_code == 403  # anonymous: 403, as the contract says


def test_f11_token_is_stored_hashed(coordinator_a):
    token = _token()
    stored = AuthToken.objects.get(user=coordinator_a)
    assert token not in (stored.digest, stored.token_key)


def test_f11_wrong_or_malformed_token_is_401(coordinator_a, draft_a):
    _token()
    for bad in ["0" * 64, "nonsense", "a" * 64 + "b", "\x00" * 64, "ÿ" * 64]:
        response = _with(bad).get(draft_a)
        assert response.status_code == 401, (bad, response.status_code)
        assert response["WWW-Authenticate"] == "Token"
        assert response["Content-Type"] == "application/json"


def test_f11_tokens_expire(coordinator_a, settings, draft_a):
    token = _token()
    stored = AuthToken.objects.get(user=coordinator_a)
    assert timedelta(days=29) < stored.expiry - timezone.now() <= timedelta(days=30)
    AuthToken.objects.filter(pk=stored.pk).update(expiry=timezone.now() - timedelta(seconds=1))
    assert _with(token).get(draft_a).status_code == 401
    assert not AuthToken.objects.filter(pk=stored.pk).exists()


def test_f11_a_password_change_revokes_every_token(client, coordinator_a, draft_a):
    first, second = _token(), _token()
    client.force_login(coordinator_a)
    response = client.post(
        "/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert _with(first).get(draft_a).status_code == 401
    assert _with(second).get(draft_a).status_code == 401
    assert _with(_token(password=NEW_PASSWORD)).get(draft_a).status_code == 200


def test_f11_a_password_reset_or_disabled_password_revokes_tokens_too(coordinator_a, coordinator_b, draft_a):
    token_a, token_b = _token(), _token("coord-b@test.example")
    user = User.objects.get(pk=coordinator_a.pk)
    user.set_password("reset-by-link-passphrase-9")
    user.save()
    other = User.objects.get(pk=coordinator_b.pk)
    other.set_unusable_password()
    other.save()
    assert _with(token_a).get(draft_a).status_code == 401
    assert _with(token_b).get(draft_a).status_code == 401


def test_f11_saving_a_user_without_a_new_password_keeps_tokens(coordinator_a, draft_a):
    token = _token()
    user = User.objects.get(pk=coordinator_a.pk)
    user.first_name = "Renamed"
    user.save()
    assert _with(token).get(draft_a).status_code == 200


def test_f11_owner_revokes_the_token_in_use(coordinator_a, draft_a):
    kept, revoked = _token(), _token()
    assert _with(revoked).post("/api/v1/auth/logout/").status_code == 204
    assert _with(revoked).get(draft_a).status_code == 401
    assert _with(kept).get(draft_a).status_code == 200


def test_f11_owner_revokes_all_tokens(coordinator_a, coordinator_b, draft_of, draft_a):
    mine, also_mine, theirs = _token(), _token(), _token("coord-b@test.example")
    assert _with(mine).post("/api/v1/auth/logoutall/").status_code == 204
    assert _with(also_mine).get(draft_a).status_code == 401
    assert _with(mine).get(draft_a).status_code == 401
    assert _with(theirs).get(draft_of["city-b"]).status_code == 200


def test_f11_revoking_needs_a_caller(client, coordinator_a):
    assert APIClient().post("/api/v1/auth/logout/").status_code == 403
    assert APIClient().post("/api/v1/auth/logoutall/").status_code == 403
    session = APIClient()
    session.force_login(coordinator_a)
    assert session.post("/api/v1/auth/logout/").status_code == 400  # no token in the request to revoke


def test_f11_tokens_issued_before_knox_are_carried_over_hashed_and_expiring(coordinator_a, draft_a):
    from django.apps import apps
    from django.db import connection

    migration = importlib.import_module("accounts.migrations.0002_move_api_tokens_to_knox")
    legacy = "0123456789abcdef0123456789abcdef01234567"  # DRF authtoken: 40 hex digits, stored in clear
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, created timestamptz NOT NULL,"
            " user_id bigint NOT NULL REFERENCES accounts_user (id))"
        )
        cursor.execute("INSERT INTO authtoken_token VALUES (%s, now(), %s)", [legacy, coordinator_a.pk])
    with connection.schema_editor() as schema_editor:
        migration.move_tokens(apps, schema_editor)

    assert "authtoken_token" not in connection.introspection.table_names()
    stored = AuthToken.objects.get(user=coordinator_a)
    assert legacy not in (stored.digest, stored.token_key) and stored.expiry is not None
    assert _with(legacy).get(draft_a).status_code == 200


def test_f11_a_user_holds_a_bounded_number_of_tokens(coordinator_a, draft_a, settings):
    settings.API_TOKENS_PER_USER = 3
    oldest, *newer = [_token() for _ in range(4)]
    assert AuthToken.objects.filter(user=coordinator_a).count() == 3
    assert _with(oldest).get(draft_a).status_code == 401
    assert all(_with(token).get(draft_a).status_code == 200 for token in newer)
