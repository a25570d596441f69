"""iCalendar (RFC 5545) of events, written by the `icalendar` library: times in the event's own time zone (TZID with
its VTIMEZONE), a stable UID per event, and STATUS:CANCELLED for a cancelled event so that calendars remove it.
A pure function of the events and the site's address."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import icalendar

from .choices import EventStatus
from .models import Event

PRODID = "-//Council of Europe//ICC Portal events//EN"


def calendar_bytes(events: Iterable[Event], *, site_url: str, name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    first = last = None
    for event in events:
        calendar.add_component(_component(event, site_url))
        first = min(first or event.starts_at, event.starts_at)
        last = max(last or event.ends_at, event.ends_at)
    if first is not None:
        # Only the zone's transitions around the events, not every one since 1970.
        calendar.add_missing_timezones(
            first_date=(first - datetime.timedelta(days=366)).date(),
            last_date=(last + datetime.timedelta(days=366)).date(),
        )
    return calendar.to_ical()


def _component(event: Event, site_url: str) -> icalendar.Event:
    url = site_url.rstrip("/") + event.get_absolute_url()
    component = icalendar.Event()
    component.add("uid", f"event-{event.pk}@{_host(site_url)}")
    component.add("dtstamp", event.updated_at or event.created_at)
    component.add("dtstart", event.local(event.starts_at))
    component.add("dtend", event.local(event.ends_at))
    component.add("summary", event.title)
    description = "\n\n".join(part for part in (event.description, url) if part)
    component.add("description", description)
    location = ", ".join(part for part in (event.place, event.host_city.name if event.host_city else "") if part)
    if location:
        component.add("location", location)
    component.add("url", url)
    if event.online_url:
        component.add("conference", event.online_url, parameters={"value": "URI"})
    component.add("status", "CANCELLED" if event.status == EventStatus.CANCELLED else "CONFIRMED")
    component.add("categories", [event.get_kind_display()])
    return component


def _host(site_url: str) -> str:
    return site_url.split("://", 1)[-1].split("/", 1)[0] or "icc-portal"
