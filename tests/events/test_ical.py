"""The iCalendar feeds parsed back: every public event, times with their zone, cancelled ones marked so."""

import datetime
import zoneinfo

import icalendar

from .factories import EventFactory


def _parse(response) -> icalendar.Calendar:
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_the_feed_has_every_public_event_with_its_time_zone(client, db):
    lisbon = EventFactory(time_zone="Europe/Lisbon", starts_at=datetime.datetime(2031, 7, 1, 8, tzinfo=datetime.UTC))
    tokyo = EventFactory(time_zone="Asia/Tokyo", title="Hamamatsu", title_en="Hamamatsu")
    cancelled = EventFactory(status="cancelled")
    EventFactory(status="draft", slug="not-in-the-feed")
    calendar = _parse(client.get("/events/calendar.ics"))
    events = {str(c["url"]).rsplit("/", 2)[-2]: c for c in calendar.walk("VEVENT")}
    assert set(events) == {lisbon.slug, tokyo.slug, cancelled.slug}
    start = events[lisbon.slug].decoded("dtstart")
    assert start.tzinfo == zoneinfo.ZoneInfo("Europe/Lisbon") or str(start.tzinfo) == "Europe/Lisbon"
    assert start == lisbon.starts_at.replace(microsecond=0) and start.utcoffset() == datetime.timedelta(hours=1)
    assert events[lisbon.slug]["dtstart"].params["TZID"] == "Europe/Lisbon"
    assert events[tokyo.slug]["dtstart"].params["TZID"] == "Asia/Tokyo"
    assert events[tokyo.slug].decoded("dtend") == tokyo.ends_at.replace(microsecond=0)
    assert {tz["TZID"] for tz in calendar.walk("VTIMEZONE")} == {"Europe/Lisbon", "Asia/Tokyo"}
    assert events[cancelled.slug]["status"] == "CANCELLED" and events[lisbon.slug]["status"] == "CONFIRMED"
    assert len({str(c["uid"]) for c in events.values()}) == 3


def test_one_events_calendar(client, db):
    event = EventFactory(place="Marvila", online_url="https://meet.example.org/x")
    [component] = _parse(client.get(f"/events/{event.slug}/calendar.ics")).walk("VEVENT")
    assert str(component["summary"]) == event.title and "Marvila" in str(component["location"])
    assert component.decoded("dtstart") == event.starts_at.replace(microsecond=0)  # iCalendar counts seconds
    assert client.get("/events/no-such-event/calendar.ics").status_code == 404
