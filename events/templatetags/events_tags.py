from django import template
from django.utils import timezone

from cities import rules

from .. import selectors

register = template.Library()


@register.simple_tag
def city_events(city) -> dict:
    """The events a city hosted and those its people took part in (the city page)."""
    return {"hosted": selectors.hosted_events(city), "attended": selectors.attended_events(city)}


@register.simple_tag
def desk_registrations(user):
    """The coordinator's registrations for upcoming events (None for someone who coordinates no city)."""
    if not rules.coordinated_city_ids(user):
        return None
    upcoming = selectors.city_registrations(user).active().filter(event__ends_at__gte=timezone.now())
    return list(upcoming.order_by("event__starts_at", "position")[:10])
