"""Demo data for good practices, read from practices.yaml: the ICC guide's Bergen example exactly as the seed gives
it, about thirty plausible published practices across the demo cities (some in French), one practice waiting for
review (Lisbon) and one draft (Bergen).

Each practice goes the way a real one does, through the services: created by its city's coordinator (or by the
secretariat for a city without a demo coordinator), submitted, then published by the secretariat. Publication sets
the slug (from the title) and the year (from the start month). The workflow can only replay today, so two dates are
moved back afterwards: a published practice was published in June of the year it started (the list reads as
history), and the submission has been waiting for `waiting_days`.

Idempotent: a practice is known by its city and title, and one already there is left as it is. `load_demo` runs this
inside `core.notifications.muted()`, so nobody is e-mailed.
"""

from __future__ import annotations

import datetime
from collections import Counter
from pathlib import Path

import yaml
from django.utils import timezone

from accounts.models import User
from cities.models import City, Membership
from goodpractices import services
from goodpractices.choices import PracticeStatus
from goodpractices.models import FieldOfAction, GoodPractice
from goodpractices.taxonomy import fields_of_action_sync

DATA = Path(__file__).resolve().with_name("practices.yaml")


def load() -> str:
    # The taxonomy comes from a data migration, but a flushed database (transactional tests) has lost it.
    fields_of_action_sync(FieldOfAction)
    demo = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    cities = {city.slug: city for city in City.objects.all()}
    secretariat = User.objects.filter(is_secretariat=True, is_active=True).order_by("pk").first()
    if "bergen" not in cities or secretariat is None:
        return "no demo cities or accounts: load the cities' demo first"
    fields = {field.code: field for field in FieldOfAction.objects.all()}
    added = 0
    for entry in demo["practices"]:
        entry = {**demo["defaults"], **entry}
        city = cities[entry.pop("city")]
        if GoodPractice.objects.filter(city=city, title=entry["title"]).exists():
            continue
        _replay(entry, city=city, fields=fields, secretariat=secretariat, office_contact=demo["office_contact"])
        added += 1
    statuses = Counter(entry["status"] for entry in demo["practices"])
    return (
        f"{statuses[PracticeStatus.PUBLISHED]} published practices, {statuses[PracticeStatus.SUBMITTED]} submitted "
        f"for review, {statuses[PracticeStatus.DRAFT]} draft ({added} new)"
    )


def _replay(entry: dict, *, city: City, fields: dict, secretariat: User, office_contact: dict) -> GoodPractice:
    """Takes one practice of the file through the workflow up to its `status`."""
    status, waiting_days = entry.pop("status"), entry.pop("waiting_days", None)
    entry["main_field"] = fields[entry["main_field"]]
    entry["secondary_fields"] = [fields[code] for code in entry.get("secondary_fields", [])]
    author = _coordinator(city)
    if author is None:  # the secretariat enters it for the city; the practice names the city's office
        author = secretariat
        entry = {key: value.format(city=city.slug) for key, value in office_contact.items()} | entry
    practice = services.practice_create(city=city, by=author, data=entry)
    if status == PracticeStatus.DRAFT:
        return practice
    practice = services.practice_submit(practice=practice, by=author)
    if status == PracticeStatus.SUBMITTED:
        submitted_at = timezone.now() - datetime.timedelta(days=waiting_days or 0)
        GoodPractice.objects.filter(pk=practice.pk).update(submitted_at=submitted_at)
        return practice
    practice = services.practice_publish(practice=practice, by=secretariat)
    published_at = datetime.datetime(practice.year, 6, 1, tzinfo=datetime.UTC)
    GoodPractice.objects.filter(pk=practice.pk).update(published_at=published_at)
    return practice


def _coordinator(city: City) -> User | None:
    membership = (
        Membership.objects.filter(city=city, role=Membership.Role.COORDINATOR, user__is_active=True)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None
