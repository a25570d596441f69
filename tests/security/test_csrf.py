"""CSRF: forms and session-authenticated API writes need the token; token-authenticated API calls do not."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from ..factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_csrf_a_form_without_its_token_is_refused_readably(coordinator_a):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/fr/accounts/login/", {"username": "coord-a@test.example", "password": PASSWORD})
    assert response.status_code == 403
    assert "Ce formulaire a expiré" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_csrf_session_writes_on_the_api_need_the_token(coordinator_a):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(coordinator_a)
    response = client.post("/api/v1/good-practices/", {"title": "Forged"}, format="json")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert "CSRF" in response.json()["detail"]


def test_csrf_token_authenticated_api_calls_need_no_csrf_token(coordinator_a):
    token = APIClient().post("/api/v1/auth/token/", {"email": "coord-a@test.example", "password": PASSWORD}).json()
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token['token']}")
    assert client.post("/api/v1/good-practices/", {"title": "Scripted"}, format="json").status_code == 201
