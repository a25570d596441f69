"""The e-mails of events, each an outbox row written in the transaction of the change that causes it.

Participants are not accounts: they get their e-mails in the language they were registered in. Coordinators get
theirs in the language of their profile. A message to many participants is one e-mail each, so that nobody sees the
others' addresses.
"""

from cities.notifications import notify_city_coordinators
from core.notifications import absolute_url, notify

from .models import Event, Registration


def event_context(event: Event) -> dict:
    """What every event e-mail says about the event, JSON-serialisable (the outbox stores it)."""
    starts, ends = event.local(event.starts_at), event.local(event.ends_at)
    return {
        "event": {
            "slug": event.slug,
            "title_en": event.title_en or event.title,
            "title_fr": event.title_fr or event.title_en or event.title,
            "url": absolute_url(event.get_absolute_url()),
            "when": f"{starts:%Y-%m-%d %H:%M} – {ends:%Y-%m-%d %H:%M} ({event.time_zone})",
            "place": event.place,
            "online_url": event.online_url,
        }
    }


def registration_context(registration: Registration) -> dict:
    return {
        "registration": {
            "id": registration.pk,
            "name": registration.name,
            "city": registration.city.name,
            "status": registration.status,
            "position": registration.position,
            "reason": registration.cancel_reason,
        }
    }


def to_participant(template: str, registration: Registration, **extra) -> None:
    if not registration.email:
        return  # erased
    context = {**event_context(registration.event), **registration_context(registration), **extra}
    notify(template=template, recipients=[registration.email], context=context, language=registration.language)


def to_city(template: str, registration: Registration, **extra) -> None:
    """To the coordinators of the city that registered the person."""
    context = {**event_context(registration.event), **registration_context(registration), **extra}
    notify_city_coordinators(city=registration.city, template=template, context=context)


def to_city_coordinators(template: str, event: Event, city, **extra) -> None:
    context = {**event_context(event), "city": city.name, **extra}
    notify_city_coordinators(city=city, template=template, context=context)
