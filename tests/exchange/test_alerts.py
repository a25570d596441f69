"""Saved searches: the filters checked as the public page checks them, double opt-in, one-click unsubscribe by a
signed token (a tampered one changes nothing), the desk, and digests that query once per search."""

import datetime
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.models import OutboxMessage
from exchange.models import SavedSearch
from exchange.services import alerts, digests

from ..goodpractices.factories import GoodPracticeFactory, field_of_action
from .factories import NewsFactory

pytestmark = pytest.mark.django_db


def _confirmed(query, *, email="reader@test.example", days_ago=8, frequency="weekly"):
    return SavedSearch.objects.create(
        email=email,
        query=query,
        frequency=frequency,
        confirmed_at=timezone.now() - timedelta(days=days_ago),
        covered_until=timezone.now() - timedelta(days=days_ago),
    )


def _digests():
    return [m.payload for m in OutboxMessage.objects.filter(payload__template="exchange_digest").order_by("id")]


def test_a_public_subscriber_confirms_before_any_digest(client, city_a):
    response = client.post("/alerts/new/?q=housing&field=3", {"email": "Ana@Reader.example", "frequency": "weekly"})
    assert response.status_code == 302
    search = SavedSearch.objects.get()
    assert search.query == {"field": "3", "q": "housing"} and search.confirmed_at is None
    [confirmation] = OutboxMessage.objects.filter(payload__template="exchange_alert_confirm")
    link = confirmation.payload["context"]["link"]
    assert confirmation.payload["recipients"] == ["ana@reader.example"]
    assert not SavedSearch.objects.filter(digests.due(timezone.now() + timedelta(days=60))).exists()
    assert client.get(link.replace("http://testserver", "")).status_code == 200
    search.refresh_from_db()
    assert search.confirmed_at and search.covered_until


def test_invalid_filters_are_a_form_error_not_a_500(client):
    response = client.get("/alerts/new/?year=abc&field=99")
    assert response.status_code == 400 and "cannot be saved" in response.content.decode()
    response = client.post("/alerts/new/?year=abc", {"email": "a@b.example", "frequency": "weekly"})
    assert response.status_code == 400 and not SavedSearch.objects.exists()
    response = client.post("/alerts/new/?q=x", {"email": "not-an-address", "frequency": "daily"})
    assert response.status_code == 400 and not SavedSearch.objects.exists()


def test_unsubscribe_by_token_and_a_tampered_token_is_refused(client):
    search = _confirmed({"q": "schools"})
    token = alerts.unsubscribe_token(search)
    tampered = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    assert client.get(f"/alerts/unsubscribe/{tampered}/").status_code == 400
    assert SavedSearch.objects.filter(pk=search.pk).exists()  # nothing changed
    assert client.get(f"/alerts/unsubscribe/{token}/").status_code == 200
    assert not SavedSearch.objects.filter(pk=search.pk).exists()
    assert "Already unsubscribed" in client.get(f"/alerts/unsubscribe/{token}/").content.decode()
    confirm = alerts.confirm_token(search)
    assert client.get(f"/alerts/unsubscribe/{confirm}/").status_code == 400  # another purpose's token


def test_a_signed_in_reader_saves_and_manages_from_the_desk(client_as, coordinator_a):
    client = client_as("coordinator_a")
    client.post("/alerts/new/?country=NO", {"name": "Norway", "frequency": "monthly"})
    search = SavedSearch.objects.get()
    assert search.user == coordinator_a and search.email == coordinator_a.email and search.confirmed_at
    assert "Norway" in client.get("/my/alerts/").content.decode()
    client.post(f"/my/alerts/{search.pk}/", {"frequency": "weekly"})
    assert SavedSearch.objects.get().frequency == "weekly"
    assert client_as("coordinator_b").post(f"/my/alerts/{search.pk}/", {"delete": "1"}).status_code == 404
    client.post(f"/my/alerts/{search.pk}/", {"delete": "1"})
    assert not SavedSearch.objects.exists()


def test_a_digest_lists_what_is_new_once_and_nothing_is_sent_when_nothing_is_new(city_a):
    search = _confirmed({"field": "3", "q": "welcome"})
    old = GoodPracticeFactory(
        city=city_a, status="published", title="Old welcome desk", main_field=field_of_action("3")
    )
    old.published_at = timezone.now() - timedelta(days=30)
    old.save()
    GoodPracticeFactory(city=city_a, status="published", title="New welcome desk", main_field=field_of_action("3"))
    GoodPracticeFactory(city=city_a, status="published", title="New welcome festival", main_field=field_of_action("7"))
    news = NewsFactory(city=city_a, status="published", title="A welcome week")
    news.fields_of_action.set([field_of_action("3a")])
    run = digests.send_due_digests()
    assert (run.searched, run.sent) == (1, 1)
    [digest] = _digests()
    assert [p["title"] for p in digest["context"]["practices"]] == ["New welcome desk"]
    assert [n["title"] for n in digest["context"]["news"]] == ["A welcome week"]
    assert "/alerts/unsubscribe/" in digest["context"]["unsubscribe_url"]
    # Not due again for a week; a week later, nothing new: nothing sent.
    assert digests.send_due_digests().searched == 0
    run = digests.send_due_digests(now=timezone.now() + timedelta(days=8))
    assert (run.searched, run.sent) == (1, 0) and len(_digests()) == 1
    search.refresh_from_db()
    assert search.covered_until > timezone.now()


def test_a_monthly_search_waits_a_month(city_a):
    _confirmed({}, frequency="monthly", days_ago=20)
    GoodPracticeFactory(city=city_a, status="published")
    assert digests.send_due_digests().searched == 0
    assert digests.send_due_digests(now=timezone.now() + datetime.timedelta(days=12)).sent == 1


def test_digests_query_once_per_search_not_once_per_practice(city_a):
    def queries(searches: int, practices: int) -> int:
        SavedSearch.objects.all().delete()
        for n in range(searches):
            _confirmed({"field": "3"}, email=f"r{n}@test.example")
        for _ in range(practices):
            GoodPracticeFactory(city=city_a, status="published", main_field=field_of_action("3"))
        with CaptureQueriesContext(connection) as captured:
            digests.send_due_digests()
        return len(captured)

    three, six = queries(3, 2), queries(6, 2)
    per_search = (six - three) / 3
    assert per_search <= 4  # the practices, the news, the outbox row (+ its on-commit nothing)
    assert queries(6, 30) == six  # thirty more matches: not one query more
