"""The pages: the calendar, an event's state for its reader, registration by a coordinator, the coordinator's list,
the secretariat's desk, the city page and the home page."""

import csv
import datetime
import html
import io
import zoneinfo

from django.utils import timezone

from events.models import Event, Registration

from .factories import EventFactory, city_with_coordinator, person, register


def _text(response) -> str:
    return " ".join(response.content.decode().split())


def test_the_calendar_lists_upcoming_events_first_then_the_past_by_year(client, db):
    now = timezone.now()
    soon = EventFactory(title="Soon", title_en="Soon", starts_at=now + datetime.timedelta(days=3))
    later = EventFactory(title="Later", title_en="Later", starts_at=now + datetime.timedelta(days=40))
    EventFactory(title="Old", title_en="Old", starts_at=datetime.datetime(2017, 10, 16, 9, tzinfo=datetime.UTC))
    last_year = EventFactory(
        title="Last year", title_en="Last year", starts_at=datetime.datetime(2019, 3, 12, 9, tzinfo=datetime.UTC)
    )
    EventFactory(title="Draft", title_en="Draft", status="draft")
    page = _text(client.get("/events/"))
    assert page.index(soon.title) < page.index(later.title) < page.index(last_year.title)
    assert "Past events of 2019" in page and "Old" not in page and "Draft" not in page
    assert "Old" in _text(client.get("/events/?year=2017"))


def test_the_calendar_filters_by_kind_field_and_host_city(client, city_a):
    from tests.goodpractices.factories import field_of_action

    visit = EventFactory(title="Visit", title_en="Visit", host_city=city_a)
    visit.fields_of_action.set([field_of_action("3a")])
    EventFactory(title="Day of Dialogue online", title_en="Day of Dialogue online", kind="webinar")
    assert "Visit" not in _text(client.get("/events/?kind=webinar"))
    by_field = _text(client.get("/events/?field=3"))  # a parent code matches its sub-fields
    assert "Visit" in by_field and "Day of Dialogue" not in by_field
    assert "Day of Dialogue" not in _text(client.get(f"/events/?city={city_a.slug}"))
    assert client.get("/events/?kind=party").status_code == 400


def test_the_event_page_says_places_left_the_waiting_list_and_when_registration_closes(client, db):
    lisbon, coordinator = city_with_coordinator("lisbon", "PT")
    closes = datetime.datetime(timezone.now().year + 1, 3, 14, 18, tzinfo=zoneinfo.ZoneInfo("Europe/Lisbon"))
    event = EventFactory(
        capacity=16, city_limit=4, registration_closes=closes, starts_at=closes + datetime.timedelta(days=10)
    )
    register(event, lisbon, coordinator, count=8)  # 4 confirmed, 4 waiting for Lisbon's limit
    page = _text(client.get(event.get_absolute_url()))
    assert "12 places left" in page
    assert "Waiting list: 4" in page
    assert "Registration closes 14 March" in page


def test_the_event_page_in_french(client, event):
    page = _text(client.get(f"/fr/events/{event.slug}/"))
    assert "places restantes" in page and html.escape(event.title_fr) in page


def test_a_coordinator_registers_two_colleagues_one_confirmed_one_waiting(client, city_a, coordinator_a):
    event = EventFactory(capacity=1)
    client.force_login(coordinator_a)
    data = _form(city_a, [person(name="Ana"), person(name="Rui")])
    response = client.post(f"/events/{event.slug}/register/", data, follow=True)
    page = _text(response)
    assert "1 person confirmed. 1 on the waiting list (position 1)." in page
    assert sorted(Registration.objects.values_list("name", "status")) == [("Ana", "confirmed"), ("Rui", "waitlisted")]


def test_a_bad_row_shows_its_error_and_registers_nobody(client, city_a, coordinator_a, event):
    client.force_login(coordinator_a)
    data = _form(city_a, [person(name="Ana"), person(name="Rui", email="rui-at-example"), person(nationality="ZZ")])
    response = client.post(f"/events/{event.slug}/register/", data)
    assert response.status_code == 400
    page = _text(response)
    assert "rui-at-example is not a valid e-mail address." in page and "ZZ is not an ISO 3166-1" in page
    assert not Registration.objects.exists()


def test_after_the_window_the_form_says_so(client, city_a, coordinator_a):
    event = EventFactory(registration_closes=timezone.now() - datetime.timedelta(hours=1))
    client.force_login(coordinator_a)
    assert "Registration closed on" in _text(client.get(f"/events/{event.slug}/register/"))
    response = client.post(f"/events/{event.slug}/register/", _form(city_a, [person()]))
    assert response.status_code == 400 and not Registration.objects.exists()


def _form(city, people: list[dict]) -> dict:
    data = {"c-city": city.pk, "people-TOTAL_FORMS": len(people), "people-INITIAL_FORMS": 0}
    for n, one in enumerate(people):
        data.update({f"people-{n}-{key}": value for key, value in one.items()})
    return data


def test_the_coordinators_list_shows_state_and_position_and_cancels(client, city_a, coordinator_a):
    event = EventFactory(capacity=1)
    first, second = register(event, city_a, coordinator_a, count=2)
    client.force_login(coordinator_a)
    page = _text(client.get("/my/events/"))
    assert "Waiting list, position 1" in page
    client.post(f"/my/events/{first.pk}/cancel/", {"reason": "Ill"})
    second.refresh_from_db()
    assert second.status == "confirmed"
    assert "promoted from the waiting list" in _text(client.get("/my/events/"))


def test_a_coordinators_cancellation_with_a_reason_too_long_cancels_nothing_and_says_why(client, city_a, coordinator_a):
    [registration] = register(EventFactory(capacity=5), city_a, coordinator_a)
    client.force_login(coordinator_a)
    response = client.post(f"/my/events/{registration.pk}/cancel/", {"reason": "x" * 2001}, follow=True)
    assert "at most 2000 characters" in _text(response)
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_another_citys_coordinator_cannot_cancel(client, city_a, coordinator_a, coordinator_b, event):
    [registration] = register(event, city_a, coordinator_a)
    client.force_login(coordinator_b)
    assert client.post(f"/my/events/{registration.pk}/cancel/").status_code == 404
    assert Registration.objects.get().status == "confirmed"


def test_the_desk_section_lists_the_coordinators_registrations(client, city_a, coordinator_a, event):
    register(event, city_a, coordinator_a, name="Ana Costa")
    client.force_login(coordinator_a)
    assert "Ana Costa" in _text(client.get("/my/"))


# The secretariat's desk


def test_the_secretariat_creates_an_event_in_its_own_time_zone_and_publishes_it(client, secretariat):
    client.force_login(secretariat)
    data = {
        "title_en": "Policy lab", "title_fr": "Laboratoire", "kind": "policy_lab", "time_zone": "Europe/Lisbon",
        "starts_at": "2031-03-14T09:30", "ends_at": "2031-03-14T17:00", "capacity": 30, "audience": "members",
        "waiting_list": "on",
    }  # fmt: skip
    response = client.post("/events/desk/new/", data)
    event = Event.objects.get()
    assert response.status_code == 302 and event.status == "draft"
    assert event.local(event.starts_at).isoformat() == "2031-03-14T09:30:00+00:00"
    client.post(f"/events/desk/{event.slug}/publish/")
    event.refresh_from_db()
    assert event.status == "published"


def test_the_desk_form_refuses_an_end_before_the_start(client, secretariat):
    client.force_login(secretariat)
    data = {"title_en": "X", "kind": "webinar", "time_zone": "Europe/Paris", "starts_at": "2031-03-14T09:30",
            "ends_at": "2031-03-13T17:00", "capacity": 30, "audience": "members"}  # fmt: skip
    response = client.post("/events/desk/new/", data)
    assert response.status_code == 400 and "cannot end before it starts" in _text(response)
    assert not Event.objects.exists()


def test_the_desk_shows_participants_and_the_waiting_list_and_exports_formula_safe_csv(client, secretariat):
    event = EventFactory(capacity=1)
    city, coordinator = city_with_coordinator("lisbon", "PT")
    register(event, city, coordinator, name="=HYPERLINK(1)")
    register(event, city, coordinator, name="Waiting Person")
    client.force_login(secretariat)
    page = _text(client.get(f"/events/desk/{event.slug}/"))
    assert "Participant (1)" in page and "Waiting list (1)" in page and "Waiting Person" in page
    response = client.get(f"/events/desk/{event.slug}/participants.csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][0] == "name" and rows[1][0] == "'=HYPERLINK(1)" and len(rows) == 2


def test_the_desk_cancels_a_registration_with_a_reason_and_promotes(client, secretariat, city_a, coordinator_a):
    event = EventFactory(capacity=1)
    first, second = register(event, city_a, coordinator_a, count=2)
    client.force_login(secretariat)
    client.post(f"/events/desk/registrations/{first.pk}/cancel/", {"reason": "Duplicate of another person"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.cancel_reason, second.status) == (
        "cancelled",
        "Duplicate of another person",
        "confirmed",
    )


def test_the_desk_renders_each_registration_s_actions_as_forms_with_ids_of_their_own(client, secretariat, city_a,
                                                                                   coordinator_a):  # fmt: skip
    event = EventFactory(capacity=1)
    other = EventFactory(title="Another visit", title_en="Another visit")
    first, second = register(event, city_a, coordinator_a, count=2)
    client.force_login(secretariat)
    page = client.get(f"/events/desk/{event.slug}/").content.decode()
    for registration, actions in ((first, ("cancel", "move")), (second, ("cancel", "promote", "move"))):
        for action in actions:
            assert f'for="r{registration.pk}-{action}-reason">Reason</label>' in page
    assert f'id="r{first.pk}-promote-reason"' not in page
    assert f'<select name="to_event" class="govuk-select" id="r{first.pk}-move-to_event"' in page
    assert f'<option value="{other.pk}">Another visit</option>' in page
    assert "Promote now" in page and "Cancel the registration" in page


def test_the_desk_refuses_a_reason_too_long_or_a_wrong_event_with_the_error_beside_the_box(client, secretariat, city_a,
                                                                                        coordinator_a):  # fmt: skip
    event = EventFactory(capacity=1)
    first, second = register(event, city_a, coordinator_a, count=2)
    client.force_login(secretariat)
    response = client.post(f"/events/desk/registrations/{second.pk}/promote/", {"reason": "x" * 2001})
    page = _text(response)
    assert response.status_code == 400 and "There is a problem" in page
    assert "at most 2000 characters (it has 2001)" in page
    assert f'<a href="#r{second.pk}-promote-reason">' in page and '<details class="govuk-details" open>' in page
    response = client.post(f"/events/desk/registrations/{first.pk}/move/", {"to_event": event.pk, "reason": "No"})
    assert response.status_code == 400 and "Choose the event to move the registration to" in _text(response)
    second.refresh_from_db()
    first.refresh_from_db()
    assert (first.status, first.event_id, second.status) == ("confirmed", event.pk, "waitlisted")
    Registration.objects.filter(pk=first.pk).update(status="cancelled")  # no longer listed: the message says why
    response = client.post(f"/events/desk/registrations/{first.pk}/cancel/", {"reason": "x" * 2001})
    assert response.status_code == 400 and "at most 2000 characters" in _text(response)


def test_the_desk_promotes_and_moves_through_the_forms(client, secretariat, city_a, coordinator_a):
    event = EventFactory(capacity=1)
    other = EventFactory(title="Another visit", title_en="Another visit")
    first, second = register(event, city_a, coordinator_a, count=2)
    Event.objects.filter(pk=event.pk).update(capacity=2)  # a place is free, not yet given
    client.force_login(secretariat)
    response = client.post(f"/events/desk/registrations/{second.pk}/promote/", {"reason": "A VIP"}, follow=True)
    assert "Promoted: the place is confirmed." in _text(response)
    second.refresh_from_db()
    assert second.status == "confirmed"
    response = client.post(
        f"/events/desk/registrations/{first.pk}/move/", {"to_event": other.pk, "reason": "Dates"}, follow=True
    )
    assert "Moved to Another visit." in _text(response)
    assert Registration.objects.filter(event=other, email=first.email, status="confirmed").exists()


def test_the_desk_does_not_cancel_an_event_whose_reason_is_too_long(client, secretariat):
    event = EventFactory()
    client.force_login(secretariat)
    assert 'for="cancel-reason">Reason for cancelling' in _text(client.get(f"/events/desk/{event.slug}/"))
    response = client.post(f"/events/desk/{event.slug}/cancel/", {"reason": "x" * 2001})
    assert response.status_code == 400 and "at most 2000 characters" in _text(response)
    assert '<a href="#cancel-reason">' in _text(response)
    event.refresh_from_db()
    assert event.status == "published"


def test_the_desk_prepares_a_second_session_for_the_waiting_cities(client, secretariat):
    event = EventFactory(capacity=1, city_limit=1)
    lisbon, lisbon_coordinator = city_with_coordinator("lisbon", "PT")
    bergen, bergen_coordinator = city_with_coordinator("bergen", "NO")
    register(event, lisbon, lisbon_coordinator)
    register(event, bergen, bergen_coordinator)
    client.force_login(secretariat)
    data = {"time_zone": "Europe/Lisbon", "starts_at": "2031-05-01T09:00", "ends_at": "2031-05-02T17:00"}
    client.post(f"/events/desk/{event.slug}/second-session/", data)
    session = Event.objects.get(second_session_of=event)
    assert session.status == "draft" and list(session.priority_cities.all()) == [bergen]
    assert session.title_en.endswith("second session")


def test_the_city_page_lists_hosted_and_attended_events(client, city_a, coordinator_a):
    hosted = EventFactory(title="Hosted here", title_en="Hosted here", host_city=city_a)
    attended = EventFactory(title="Went there", title_en="Went there")
    register(attended, city_a, coordinator_a)
    page = _text(client.get(city_a.get_absolute_url()))
    assert hosted.title in page and attended.title in page


def test_the_home_page_shows_upcoming_events(client, db):
    EventFactory(title="Next study visit", title_en="Next study visit")
    assert "Next study visit" in _text(client.get("/"))


def test_the_desk_adds_a_programme_served_with_the_event_and_refuses_a_fake_pdf(client, secretariat, event):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from events.demo import _pdf

    client.force_login(secretariat)
    real = SimpleUploadedFile("programme.pdf", _pdf("Programme"), content_type="application/pdf")
    client.post(f"/events/desk/{event.slug}/documents/", {"kind": "programme", "file": real})
    fake = SimpleUploadedFile("report.pdf", b"<script>alert(1)</script>", content_type="application/pdf")
    response = client.post(f"/events/desk/{event.slug}/documents/", {"kind": "report", "file": fake}, follow=True)
    assert "is not a PDF" in _text(response)
    [document] = event.documents.all()
    client.logout()
    served = client.get(document.get_absolute_url())
    assert served.status_code == 200 and served["Content-Type"] == "application/pdf"
    assert b"".join(served.streaming_content).startswith(b"%PDF")


def test_the_admin_edits_places_through_the_service(client, secretariat, city_a, coordinator_a):
    event = EventFactory(capacity=1)
    register(event, city_a, coordinator_a, count=2)
    client.force_login(secretariat)
    assert client.get("/admin/events/event/").status_code == 200
    page = client.get(f"/admin/events/event/{event.pk}/change/")
    assert page.status_code == 200
    assert client.get(f"/admin/events/registration/{Registration.objects.first().pk}/change/").status_code == 200
    form = page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and not isinstance(value, list)}
    data.update(
        {
            "capacity": 2, "starts_at_0": event.starts_at.strftime("%Y-%m-%d"), "starts_at_1": "09:00:00",
            "ends_at_0": event.ends_at.strftime("%Y-%m-%d"), "ends_at_1": "18:00:00",
            "registration_opens_0": event.registration_opens.strftime("%Y-%m-%d"), "registration_opens_1": "09:00:00",
            "registration_closes_0": event.registration_closes.strftime("%Y-%m-%d"),
            "registration_closes_1": "09:00:00",
            "documents-TOTAL_FORMS": 0, "documents-INITIAL_FORMS": 0, "waiting_list": "on",
        }
    )  # fmt: skip
    data.pop("host_city", None)
    data.pop("network", None)
    data.pop("second_session_of", None)
    response = client.post(f"/admin/events/event/{event.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    event.refresh_from_db()
    assert (event.capacity, event.confirmed_count, event.waitlisted_count) == (2, 2, 0)


def test_every_past_event_of_a_busy_year_is_reachable_page_by_page(client, db):
    year = timezone.now().year - 2
    for n in range(25):
        start = datetime.datetime(year, 3, 1, 9, tzinfo=datetime.UTC) + datetime.timedelta(days=n)
        EventFactory(slug=f"past-{n:02d}", title=f"Past event {n:02d}", starts_at=start, status="closed")
    first = client.get("/events/").content.decode()
    assert "Past event 24" in first and "Past event 04" not in first  # the latest first, twenty a page
    second = client.get(f"/events/?year={year}&past_page=2").content.decode()
    assert "Past event 04" in second and "Past event 00" in second and "Past event 24" not in second
    assert f"year={year}&amp;past_page=1" in second  # the way back keeps the year


def test_cached_event_pages_show_the_places_left_after_each_registration(client, db):
    event = EventFactory(slug="cached-visit", capacity=3)
    city, coordinator = city_with_coordinator("porto", "PT")
    for path in ("/events/", "/events/cached-visit/"):
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit"  # anonymous pages come from the cache
        assert "3 places left" in client.get(path).content.decode()
    register(event, city, coordinator, count=2)
    for path in ("/events/", "/events/cached-visit/"):
        assert "1 place left" in client.get(path).content.decode(), path
