"""A study visit nearly full, in Chromium: a coordinator registers two colleagues from one form — one gets the last
place, one waits; another city cancels one of its people; the waiting colleague is promoted and the page says so."""

import re

import pytest

from events import services

from ..events.factories import EventFactory, person
from ..factories import PASSWORD
from .test_practice_journey import log_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email, next_path):
    page.goto(f"/accounts/login/?next={next_path}")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**{next_path}")


def test_register_two_colleagues_one_waits_then_is_promoted(page, city_a, city_b, coordinator_a, coordinator_b):
    visit = EventFactory(title="Preventing gentrification", title_en="Preventing gentrification", capacity=3)
    services.registrations_create(
        event=visit, city=city_b, people=[person(name="Bea Costa"), person(name="Rui Lima")], by=coordinator_b
    )

    # Alphaville's coordinator registers two colleagues at once: one place is left.
    log_in(page, coordinator_a.email, f"/events/{visit.slug}/")
    assert page.get_by_text("1 place left").is_visible()
    page.get_by_role("link", name="Register people of my city").click()
    for number, (name, email) in enumerate([("Ana Silva", "ana@alpha.example"), ("Ola Berg", "ola@alpha.example")], 1):
        person_group = page.get_by_role("group", name=f"Person {number}")
        person_group.get_by_label("Name").fill(name)
        person_group.get_by_label("E-mail").fill(email)
        person_group.get_by_label("Department or organisation").fill("Urban planning")
        person_group.get_by_label("Gender").select_option("woman" if number == 1 else "man")
        person_group.get_by_label("Nationality").select_option("NO")
    page.get_by_role("button", name="Register", exact=True).click()
    assert page.get_by_text("1 person confirmed. 1 on the waiting list (position 1).").is_visible()
    waiting_row = page.get_by_role("row", name=re.compile("Ola Berg"))
    assert "Waiting list, position 1" in waiting_row.inner_text()
    log_out(page)

    # Betatown's coordinator cancels one of theirs from their desk.
    log_in(page, coordinator_b.email, "/my/events/")
    page.get_by_role("button", name="Cancel the registration of Rui Lima").click()
    assert page.get_by_text("registration for Preventing gentrification is cancelled").is_visible()
    log_out(page)

    # The waiting colleague has the place, and Alphaville's pages say so.
    log_in(page, coordinator_a.email, "/my/events/")
    promoted_row = page.get_by_role("row", name=re.compile("Ola Berg"))
    assert re.search(r"Confirmed\s+\(promoted from the waiting list on", promoted_row.inner_text())
    page.goto(f"/events/{visit.slug}/")
    assert page.get_by_text("Full").first.is_visible()
