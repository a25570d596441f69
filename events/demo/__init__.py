"""Demo events (events/demo/events.yaml), loaded through the services like any other: past events of 2017–2019
from the seeds with their participants, and upcoming ones dated from today — the Lisbon study visit on
gentrification nearly full with a waiting list, a webinar, a policy lab, a study visit not open yet. Idempotent:
an event whose slug exists is left alone."""

from __future__ import annotations

import datetime
import random
import zoneinfo
from pathlib import Path

import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import User
from cities.models import City, NationalNetwork
from goodpractices.models import FieldOfAction

from .. import services
from ..models import Event
from .names import EXTRA_NATIONALITIES, NAMES

DATA = Path(__file__).resolve().parent / "events.yaml"
DEPARTMENTS = [
    "Intercultural office", "Urban planning", "Social services", "Education department", "Mayor's office",
    "Police", "Culture and libraries", "Youth services", "Housing", "Communication", "Equality unit",
    "Employment and business", "University", "Migrant council", "NGO partner",
]  # fmt: skip
GENDER_KEYS = ("women", "men", "other", "not_said")
GENDER_VALUES = {"women": "woman", "men": "man", "other": "other", "not_said": "not_said"}


def load() -> str:
    secretariat = User.objects.filter(is_secretariat=True).order_by("pk").first()
    if secretariat is None:
        return "no secretariat account: load the cities' demo first"
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    cities = {city.slug: city for city in City.objects.select_related("country")}
    created = 0
    for spec in data["past"]:
        if not Event.objects.filter(slug=spec["slug"]).exists():
            _past_event(spec, cities, secretariat)
            created += 1
    for spec in data["upcoming"]:
        if not Event.objects.filter(slug=spec["slug"]).exists():
            _upcoming_event(spec, cities, secretariat)
            created += 1
    return f"{Event.objects.count()} events ({created} new)"


def _event(spec: dict, cities: dict, by, *, starts, ends, opens=None, closes=None) -> Event:
    network = NationalNetwork.objects.filter(slug=spec["network"]).first() if spec.get("network") else None
    data = {
        "slug": spec["slug"],
        "title_en": spec["title"]["en"],
        "title_fr": spec["title"].get("fr"),
        "description_en": spec["description"]["en"],
        "description_fr": spec["description"].get("fr"),
        "kind": spec["kind"],
        "host_city": cities.get(spec.get("host_city")),
        "place": spec.get("place", ""),
        "online_url": spec.get("online_url", ""),
        "time_zone": spec["time_zone"],
        "starts_at": starts,
        "ends_at": ends,
        "registration_opens": opens,
        "registration_closes": closes,
        "capacity": spec["capacity"],
        "city_limit": spec.get("city_limit"),
        "audience": spec.get("audience", "members"),
        "network": network,
        "fields_of_action": list(FieldOfAction.objects.filter(code__in=spec.get("fields", []))),
    }
    event = services.event_create(data=data, by=by)
    for kind in spec.get("documents", []):
        name = f"{spec['slug']}-{kind}.pdf"
        upload = SimpleUploadedFile(name, _pdf(f"{spec['title']['en']} - {kind}"), content_type="application/pdf")
        services.document_add(event=event, kind=kind, upload=upload, by=by)
    return event


def _local(text: str, zone: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=zoneinfo.ZoneInfo(zone))


def _past_event(spec: dict, cities: dict, by) -> None:
    zone = spec["time_zone"]
    starts, ends = _local(spec["starts"], zone), _local(spec["ends"], zone)
    event = _event(spec, cities, by, starts=starts, ends=ends, closes=starts - datetime.timedelta(days=14))
    rng = random.Random(spec["slug"])
    people = _participants(spec["participants"], cities, rng)
    by_city: dict[str, list[dict]] = {}
    for city_slug, person in people:
        by_city.setdefault(city_slug, []).append(person)
    for city_slug, persons in by_city.items():
        for start in range(0, len(persons), services.registrations.MAX_PEOPLE_AT_ONCE):
            chunk = persons[start : start + services.registrations.MAX_PEOPLE_AT_ONCE]
            services.registrations_create(event=event, city=cities[city_slug], people=chunk, by=by, ignore_window=True)
    waiting = spec.get("waiting")
    if waiting:
        waiting_cities = [slug for slug in waiting["cities"] if slug in cities]
        for n in range(waiting["count"]):
            slug = waiting_cities[n % len(waiting_cities)]
            person = _person(cities[slug].country_id, rng.choice(["woman", "man"]), rng, len(people) + n)
            services.registrations_create(event=event, city=cities[slug], people=[person], by=by, ignore_window=True)
    services.event_publish(event=event, by=by)


def _participants(spec: dict, cities: dict, rng: random.Random) -> list[tuple[str, dict]]:
    """(city slug, person) pairs with exactly the spec's counts by gender and number of nationalities."""
    if spec["cities"] == "all":
        slugs = sorted(slug for slug, city in cities.items() if city.status == "member")
    else:
        slugs = [slug for slug in spec["cities"] if slug in cities]
    genders = [GENDER_VALUES[key] for key in GENDER_KEYS for _ in range(spec.get(key, 0))]
    rng.shuffle(genders)
    homes = [slugs[n % len(slugs)] for n in range(len(genders))]
    nationalities = list(dict.fromkeys(cities[slug].country_id for slug in slugs))
    for code in EXTRA_NATIONALITIES:
        if len(nationalities) >= spec["nationalities"]:
            break
        if code not in nationalities:
            nationalities.append(code)
    nationalities = nationalities[: spec["nationalities"]]
    order = list(range(len(genders)))
    rng.shuffle(order)
    chosen: dict[int, str] = {}
    for place, index in enumerate(order):
        if place < len(nationalities):
            chosen[index] = nationalities[place]  # each nationality at least once
        else:
            home = cities[homes[index]].country_id
            chosen[index] = home if home in nationalities and rng.random() < 0.85 else rng.choice(nationalities)
    # The participants who carry a nationality once each always give it; a few others did not say.
    given = set(order[: len(nationalities)])
    return [(homes[n], _person(chosen[n], genders[n], rng, n, always=n in given)) for n in range(len(genders))]


def _person(nationality: str, gender: str, rng: random.Random, n: int, *, always: bool = False) -> dict:
    women, men, families = NAMES.get(nationality, NAMES["FR"])
    first = rng.choice(women if gender == "woman" else men if gender == "man" else women + men)
    family = rng.choice(families)
    local = f"{first}.{family}".lower().replace(" ", "").replace("'", "")
    email = "".join(c for c in local if c.isascii() and (c.isalnum() or c == ".")) + f".{n}@participants.example"
    return {
        "name": f"{first} {family}",
        "email": email,
        "department": rng.choice(DEPARTMENTS),
        "gender": gender,
        "nationality": nationality if always or rng.random() < 0.95 else "",
    }


def _upcoming_event(spec: dict, cities: dict, by) -> None:
    zone = zoneinfo.ZoneInfo(spec["time_zone"])
    today = timezone.now().astimezone(zone).date()
    day = today + datetime.timedelta(days=spec["in_days"])
    start_hour, end_hour = spec["hours"]
    starts = datetime.datetime.combine(day, datetime.time(start_hour), tzinfo=zone)
    last_day = day + datetime.timedelta(days=spec.get("days", 1) - 1)
    ends = datetime.datetime.combine(last_day, datetime.time(end_hour), tzinfo=zone)
    opens = datetime.datetime.combine(today + datetime.timedelta(days=spec["opens_in_days"]), datetime.time(9), zone)
    closes = datetime.datetime.combine(today + datetime.timedelta(days=spec["closes_in_days"]), datetime.time(18), zone)
    event = _event(spec, cities, by, starts=starts, ends=ends, opens=opens, closes=closes)
    services.event_publish(event=event, by=by)
    rng = random.Random(spec["slug"])
    for n, batch in enumerate(spec.get("registrations", [])):
        city = cities.get(batch["city"])
        if city is None:
            continue
        coordinator = User.objects.filter(memberships__city=city, memberships__role="coordinator").first() or by
        people = [
            _person(city.country_id, rng.choice(["woman", "man", "woman", "man", "not_said"]), rng, 100 * n + i)
            for i in range(batch["count"])
        ]
        services.registrations_create(event=event, city=city, people=people, by=coordinator)


def _pdf(text: str) -> bytes:
    """A one-page PDF saying `text` (the demo's stand-in for a programme or a report)."""
    safe = text.encode("latin-1", "replace").decode("latin-1").replace("\\", "\\\\").replace("(", "\\(")
    safe = safe.replace(")", "\\)")
    stream = f"BT /F1 14 Tf 50 780 Td ({safe[:90]}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
