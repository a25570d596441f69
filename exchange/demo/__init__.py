"""Demo data of the exchange (exchange.yaml), loaded through the services like any other: news in every state,
adoptions, follow-ups, study-visit requests and saved searches. A city without a demo coordinator is written for by
the secretariat (who may act for any city). Dates are moved back afterwards, as the practices' demo does.

Idempotent: news and follow-ups are known by their title, adoptions by practice and city, requests by their two
cities and field, saved searches by address and filters. `load_demo` runs it inside `muted()`: nobody is e-mailed.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml
from django.utils import timezone

from accounts.models import User
from cities.models import City, Membership
from goodpractices.models import FieldOfAction, GoodPractice

from ..models import Adoption, FollowUp, News, SavedSearch, VisitRequest
from ..services import alerts, news, practices, review, visits

DATA = Path(__file__).resolve().with_name("exchange.yaml")


def load() -> str:
    demo = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    secretariat = User.objects.filter(is_secretariat=True, is_active=True).order_by("pk").first()
    cities = {city.slug: city for city in City.objects.all()}
    if secretariat is None or "bergen" not in cities:
        return "no demo cities or accounts: load the cities' demo first"
    if not GoodPractice.objects.filter(city=cities["barcelona"]).exists():
        return "no demo practices: load the practices' demo first"
    fields = {field.code: field for field in FieldOfAction.objects.all()}
    counts = {
        "news": sum(_news(e, cities, fields, secretariat) for e in demo["news"]),
        "adoptions": sum(_adoption(e, cities, secretariat) for e in demo["adoptions"]),
        "follow-ups": sum(_follow_up(e, cities, secretariat) for e in demo["follow_ups"]),
        "study-visit requests": sum(_visit(e, cities, fields, secretariat) for e in demo["visit_requests"]),
        "saved searches": sum(_saved_search(e) for e in demo["saved_searches"]),
    }
    return ", ".join(f"{n} new {what}" for what, n in counts.items())


def _ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def _author(city: City, secretariat: User) -> User:
    membership = Membership.objects.filter(city=city, role=Membership.Role.COORDINATOR).order_by("pk").first()
    return membership.user if membership else secretariat


def _practice(ref: dict, cities: dict) -> GoodPractice | None:
    return GoodPractice.objects.filter(city=cities[ref["city"]], title=ref["title"], revision_of=None).first()


def _reviewed(item, status: str, *, author: User, secretariat: User, days_ago: int) -> None:
    """Takes a news item or follow-up through the review up to `status`, then dates it back."""
    if status == "draft":
        return
    item = review.review_submit(item=item, by=author)
    type(item).objects.filter(pk=item.pk).update(submitted_at=_ago(days_ago))
    if status == "published":
        review.review_publish(item=item, by=secretariat)
        type(item).objects.filter(pk=item.pk).update(published_at=_ago(days_ago))


def _news(entry: dict, cities: dict, fields: dict, secretariat: User) -> int:
    city = cities[entry["city"]]
    if News.objects.filter(city=city, title=entry["title"]).exists():
        return 0
    author = _author(city, secretariat)
    data = {
        "title": entry["title"],
        "summary": entry["summary"],
        "body": entry.get("body", ""),
        "date": _ago(entry["days_ago"]).date(),
        "language": entry["language"],
        "fields_of_action": [fields[code] for code in entry.get("fields", [])],
    }
    item = news.news_create(city=city, by=author, data=data)
    _reviewed(item, entry["status"], author=author, secretariat=secretariat, days_ago=entry["days_ago"])
    return 1


def _adoption(entry: dict, cities: dict, secretariat: User) -> int:
    practice, city = _practice(entry["practice"], cities), cities[entry["city"]]
    if practice is None or Adoption.objects.filter(practice=practice, city=city).exists():
        return 0
    own = _practice(entry["own_practice"], cities) if entry.get("own_practice") else None
    practices.adoption_record(
        practice=practice, city=city, own_practice=own, note=entry.get("note", ""), by=_author(city, secretariat)
    )
    return 1


def _follow_up(entry: dict, cities: dict, secretariat: User) -> int:
    practice = _practice(entry["practice"], cities)
    if practice is None or FollowUp.objects.filter(practice=practice, title=entry["title"]).exists():
        return 0
    author = _author(practice.city, secretariat)
    data = {"title": entry["title"], "body": entry["body"], "date": _ago(entry["days_ago"]).date()}
    item = practices.follow_up_create(practice=practice, by=author, data=data)
    _reviewed(item, entry["status"], author=author, secretariat=secretariat, days_ago=entry["days_ago"])
    return 1


def _visit(entry: dict, cities: dict, fields: dict, secretariat: User) -> int:
    asking, host, field = cities[entry["from"]], cities[entry["to"]], fields[entry["field"]]
    if VisitRequest.objects.filter(requesting_city=asking, host_city=host, field=field).exists():
        return 0
    request = visits.visit_request(
        requesting_city=asking,
        host_city=host,
        field=field,
        practices=[p for p in (_practice(ref, cities) for ref in entry.get("practices", [])) if p],
        message=entry["message"],
        period=entry.get("period", ""),
        by=_author(asking, secretariat),
    )
    if entry["status"] in ("accepted", "declined"):
        action = "accept" if entry["status"] == "accepted" else "decline"
        visits.visit_answer(
            request=request, action=action, by=_author(host, secretariat), answer=entry.get("answer", "")
        )
    return 1


def _saved_search(entry: dict) -> int:
    if SavedSearch.objects.filter(email=entry["email"], query=entry["query"]).exists():
        return 0
    user = User.objects.filter(email=entry["email"]).first() if entry.get("account") else None
    search = alerts.saved_search_create(
        query=entry["query"], frequency=entry["frequency"], email=entry["email"], name=entry.get("name", ""), user=user
    )
    if entry.get("confirmed"):
        alerts.saved_search_confirm(token=alerts.confirm_token(search))
    return 1
