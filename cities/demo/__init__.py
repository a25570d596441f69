"""Demo data, read from cities.yaml: real member cities of the network with plausible figures, their countries and
national networks, and the demo accounts (the secretariat and two coordinators). Idempotent: countries, networks,
cities and accounts are keyed by code, slug and e-mail, and updated from the file on each run."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import yaml

from accounts.models import User

from ..choices import CityStatus
from ..models import City, Country, Membership, NationalNetwork

DATA = Path(__file__).resolve().with_name("cities.yaml")


def load() -> str:
    demo = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    for code, name in demo["countries"].items():
        Country.objects.update_or_create(
            code=code, defaults={"name_en": name["en"], "name_fr": name["fr"], "name": name["en"]}
        )
    networks = {}
    for network in demo["national_networks"]:
        name = network["name"]
        networks[network["slug"]], _ = NationalNetwork.objects.update_or_create(
            slug=network["slug"],
            defaults={
                "name": name["en"],
                "name_en": name["en"],
                "name_fr": name["fr"],
                "country_id": network["country"],
            },
        )
    for city in demo["cities"]:
        _city(city, networks=networks, default_description=demo["default_description"])
    for network in demo["national_networks"]:
        NationalNetwork.objects.filter(slug=network["slug"]).update(
            lead_city=City.objects.get(slug=network["lead_city"])
        )
    _accounts(demo["accounts"])
    return (
        f"{len(demo['cities'])} cities, {len(networks)} national networks, {len(demo['countries'])} countries, "
        f"{len(demo['accounts'])} demo accounts"
    )


def _city(city: dict, *, networks: dict, default_description: dict) -> None:
    description = city.get("description") or {
        language: text.format(name=city["name"]) for language, text in default_description.items()
    }
    City.objects.update_or_create(
        slug=city["slug"],
        defaults={
            "name": city["name"],
            "country_id": city["country"],
            "population": city["population"],
            # Through str: the file's 13.2 is the decimal 13.2, not the float nearest to it.
            "foreign_born_share": Decimal(str(city["foreign_born_share"])),
            "joined_year": city["joined_year"],
            "national_network": networks.get(city.get("national_network")),
            "latitude": Decimal(str(city["latitude"])),
            "longitude": Decimal(str(city["longitude"])),
            "status": CityStatus(city["status"]),
            "description": description["en"],
            "description_en": description["en"],
            "description_fr": description["fr"],
            "website": f"https://www.{city['slug'].replace('-', '')}.example",
        },
    )


def _accounts(accounts: list[dict]) -> None:
    """The secretariat first: it is recorded as having invited the coordinators."""
    secretariat = None
    for account in sorted(accounts, key=lambda account: not account.get("secretariat")):
        flags = {"is_secretariat": True, "is_staff": True} if account.get("secretariat") else {}
        user = _account(account["email"], account["password"], account["first_name"], account["last_name"], **flags)
        secretariat = secretariat or (user if account.get("secretariat") else None)
        if account.get("coordinates"):
            Membership.objects.update_or_create(
                user=user,
                city=City.objects.get(slug=account["coordinates"]),
                defaults={"role": Membership.Role.COORDINATOR, "invited_by": secretariat},
            )


def _account(email, password, first, last, **flags) -> User:
    user, created = User.objects.get_or_create(email=email, defaults={"first_name": first, "last_name": last, **flags})
    if created or not user.check_password(password):
        user.set_password(password)
        user.save()
    return user
