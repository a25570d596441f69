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
    registration_opens = factory.LazyAttribute(
        lambda e: min(timezone.now() - datetime.timedelta(days=7), e.starts_at - datetime.timedelta(days=14))
    )
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


def events_world(*, city_a, coordinator_a, secretariat) -> dict:
    """The permission matrix's events: a published study visit with a registration of city A and a programme, and a
    draft with a document of its own."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from events.models import EventDocument

    published = EventFactory(slug="matrix-visit", host_city=city_a, capacity=5)
    [registration_a] = register(published, city_a, coordinator_a, email="matrix@city-a.example")
    draft = EventFactory(slug="matrix-draft", status="draft", published_at=None)
    stored = "events/test-document.pdf"
    if not default_storage.exists(stored):
        default_storage.save(stored, ContentFile(b"%PDF-1.4\n%%EOF\n"))

    def document(event):
        return EventDocument.objects.create(
            event=event, kind="programme", name="programme.pdf", content_type="application/pdf", size=15, file=stored
        )

    return {
        "event": published,
        "draft_event": draft,
        "registration_a": registration_a,
        "event_document": document(published),
        "draft_document": document(draft),
    }
