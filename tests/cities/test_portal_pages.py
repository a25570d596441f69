"""The home page, a city's page and the desk do work (issue 10, items 4, 5, 6 and 7)."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from cities.maps import member_map, project

from ..goodpractices.factories import GoodPracticeFactory, field_of_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def placed(city_a, city_b):
    city_a.latitude, city_a.longitude = Decimal("60.39"), Decimal("5.32")
    city_b.latitude, city_b.longitude = Decimal("38.72"), Decimal("-9.14")
    city_a.save()
    city_b.save()
    return city_a, city_b


def test_home_has_a_search_box_the_latest_practices_figures_a_map_and_entry_points(client, placed):
    city_a, _ = placed
    GoodPracticeFactory(city=city_a, title="Welcome café", status="published", main_field=field_of_action("3"))
    text = client.get("/").content.decode()
    assert 'action="/good-practices/"' in text and 'name="q"' in text
    assert "Welcome café" in text
    assert "The network in figures" in text
    assert f'<a href="{city_a.get_absolute_url()}" class="icc-map__city' in text
    assert reverse("index:method") in text and "Report a good practice" in text


def test_map_projects_cities_inside_the_frame_and_lists_the_others():
    assert project(48.85, 2.35) is not None
    assert project(45.5, -73.57) is None  # Montreal is listed beside the map


def test_map_gives_the_keyboard_the_cities_in_alphabetical_order(placed):
    city_a, city_b = placed
    markers = member_map([city_b, city_a])["markers"]
    assert [m.city.name for m in markers] == sorted([city_a.name, city_b.name])


def test_city_page_shows_facts_map_practices_and_a_contact_slot_without_an_address(client, placed, coordinator_a):
    city_a, _ = placed
    text = client.get(city_a.get_absolute_url()).content.decode()
    assert "Contact the city&#x27;s coordinator" in text or "Contact the city's coordinator" in text
    assert coordinator_a.email not in text and "mailto:" not in text
    assert "icc-map__city" in text and "govuk-summary-list" in text


def test_city_page_in_french_writes_decimals_with_a_comma(client, city_a):
    path = f"/fr{city_a.get_absolute_url()}"
    with translation.override("fr"):  # the request activates French; the override puts English back afterwards
        text = client.get(path).content.decode()
    assert "13,0\u00a0%" in text or "13,0 %" in text


def test_coordinator_desk_leads_with_changes_requested_and_the_reviewers_notes(client_as, city_a, secretariat):
    from goodpractices import services

    practice = GoodPracticeFactory(city=city_a, title="Night library", status="submitted",
                                   main_field=field_of_action("3"))  # fmt: skip
    services.practice_request_changes(
        practice=practice, by=secretariat, comment="Say what changed.",
        criteria={"goal_oriented": {"rating": "partly", "note": "Name the goal in one sentence."}},
    )  # fmt: skip
    text = client_as("coordinator_a").get(reverse("my-desk")).content.decode()
    assert text.index("Changes requested") < text.index("My cities")
    assert "Say what changed." in text and "Goal-oriented" in text and "Name the goal in one sentence." in text
    assert "goal_oriented" not in text


def test_secretariat_desk_counts_what_waits(client_as, city_a):
    GoodPracticeFactory(city=city_a, status="submitted", main_field=field_of_action("3"))
    text = client_as("secretariat").get(reverse("my-desk")).content.decode()
    assert "1 practice is waiting for review." in text
    assert "0 assessments are waiting to be validated." in text
