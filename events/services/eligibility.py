"""Who may register people for an event, and when: the window, the event's state, its audience and the priority of
a second session's cities. Read by the services (under the event's lock) and by the pages (to say why not)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from cities.choices import CityStatus
from cities.models import City

from ..choices import Audience, EventStatus
from ..models import Event


def registration_refusal(event: Event, now=None) -> str | None:
    """Why the event takes no registration now (a message for the reader), or None when it does."""
    now = now or timezone.now()
    if event.status == EventStatus.CANCELLED:
        return _("This event was cancelled.")
    if event.status == EventStatus.DRAFT:
        return _("This event is not published yet.")
    if event.status == EventStatus.CLOSED:
        return _("Registration for this event is closed.")
    if event.registration_opens and now < event.registration_opens:
        return _("Registration opens on %(date)s.") % {"date": _date(event, event.registration_opens)}
    if now >= event.registration_closes_at:
        return _("Registration closed on %(date)s.") % {"date": _date(event, event.registration_closes_at)}
    return None


def _date(event: Event, moment) -> str:
    return formats.date_format(event.local(moment), "DATETIME_FORMAT")


def city_may_register(event: Event, city: City, now=None) -> bool:
    """Whether the event's audience includes the city now (priority cities of a second session come first)."""
    now = now or timezone.now()
    # A second session (the only event with priority cities) always has a priority deadline once published.
    priority = event.priority_until is not None and event.priority_cities.filter(pk=city.pk).exists()
    if event.priority_until and now < event.priority_until:
        return priority
    if priority:
        return True
    if event.audience == Audience.INVITED:
        return event.invited_cities.filter(pk=city.pk).exists()
    if event.audience == Audience.NETWORK:
        return event.network_id is not None and city.national_network_id == event.network_id
    return city.status == CityStatus.MEMBER


def check_city(event: Event, city: City, now) -> None:
    if not city_may_register(event, city, now):
        if event.priority_until and now < event.priority_until:
            message = _("Until %(date)s only the cities on the waiting list of the first session may register.") % {
                "date": _date(event, event.priority_until)
            }
        elif event.audience == Audience.INVITED:
            message = _("%(city)s is not among the cities invited to this event.") % {"city": city.name}
        elif event.audience == Audience.NETWORK:
            message = _("This event is for the cities of the %(network)s.") % {"network": event.network}
        else:
            message = _("Only member cities may register for this event.")
        raise ValidationError({"city": [message]})
