"""Events and registrations for the tests, built through the services where the rules matter."""

import datetime
import itertools

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from events.models import Event, Registration

from ..factories import CityFactory, coordinator_of

_people = itertools.count(1)


class EventFactory(DjangoModelFactory):
    """A published study visit in three weeks, open for registration now."""

    class Meta:
        model = Event
        django_get_or_create = ["slug"]

    title = factory.Sequence(lambda n: f"Study visit {n}")
    title_en = factory.SelfAttribute("title")
    title_fr = factory.LazyAttribute(lambda e: f"Visite d'étude {e.title}")
    slug = factory.Sequence(lambda n: f"study-visit-{n}")
    description = "Practices of the host city."
    description_en = factory.SelfAttribute("description")
    kind = "study_visit"
    time_zone = "Europe/Lisbon"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=21))
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + datetime.timedelta(days=1, hours=8))
    registration_opens = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    registration_closes = factory.LazyAttribute(lambda e: e.starts_at - datetime.timedelta(days=7))
    capacity = 10
    city_limit = None
    status = "published"
    published_at = factory.LazyFunction(timezone.now)


def person(n: int | None = None, **overrides) -> dict:
    n = next(_people) if n is None else n
    return {
        "name": f"Participant {n}",
        "email": f"participant{n}@city.example",
        "department": "Urban planning",
        "gender": "woman" if n % 2 else "man",
        "nationality": "PT",
        **overrides,
    }


def city_with_coordinator(slug: str, country: str = "ES"):
    from ..factories import CountryFactory

    city = CityFactory(slug=slug, name=slug.title(), country=CountryFactory(code=country))
    return city, coordinator_of(city, f"{slug}@coord.example")


def register(event: Event, city, by, count: int = 1, **overrides) -> list[Registration]:
    from events import services

    return services.registrations_create(
        event=event, city=city, people=[person(**overrides) for _ in range(count)], by=by
    )
