"""Frictions of the public database found by a new user, each kept fixed (issue 10, item 3 and 8)."""

import pytest
from django.urls import reverse

from .factories import GoodPracticeFactory, field_of_action
from .public_fixtures import catalogue  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_city_filter_accepts_the_name_a_visitor_types(client, catalogue):  # noqa: F811
    text = client.get("/good-practices/?city=Lisbon").content.decode()
    assert "Sport for all neighbourhoods" in text and "Research on structural racism" not in text
    assert client.get("/api/v1/good-practices/?city=lisbon").json()["count"] == 1


def test_selected_filters_are_removable_tags_with_readable_labels(client, catalogue):  # noqa: F811
    response = client.get("/good-practices/?target_group=young_people&field=3&city=bergen")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Target group: Young people" in text and "young_people</a>" not in text
    assert "City: Bergen" in text
    assert 'href="?field=3&amp;city=bergen"' in text, "removing one filter keeps the others"


def test_facet_counts_are_visible_beside_their_choice(client, catalogue):  # noqa: F811
    text = client.get("/good-practices/").content.decode()
    assert 'Young people <span class="icc-facet__count">(2)</span>' in text


def test_an_empty_result_is_a_message_not_a_numbered_item(client, catalogue):  # noqa: F811
    text = client.get("/good-practices/?q=zzzzunknown").content.decode()
    assert "No practice matches" in text
    assert '<li class="empty">' not in text and "<ol" not in text.split("results-heading")[1].split("filter-panel")[0]


def test_fields_of_action_are_not_numbered_twice(client, catalogue):  # noqa: F811
    text = client.get(reverse("goodpractices:fields")).content.decode()
    main = text.split('id="main"')[1]
    assert "<ol" not in main and "3. " in main


def test_a_field_page_shows_its_field_in_the_filter(client, catalogue):  # noqa: F811
    text = client.get(reverse("goodpractices:field", args=["3"])).content.decode()
    assert '<option value="3" selected>' in text


def test_implementation_period_reads_as_months_in_words(client, catalogue):  # noqa: F811
    GoodPracticeFactory(slug="dated", title="Dated", status="published", city=catalogue["french"].city,
                        period_start="2024-03", period_text="En cours depuis mars 2024",
                        main_field=field_of_action("3"))  # fmt: skip
    text = client.get("/good-practices/dated/").content.decode()
    assert "March 2024" in text and "2024-03 (" not in text


def test_results_are_listed_before_the_filters_for_small_screens(client, catalogue):  # noqa: F811
    text = client.get("/good-practices/").content.decode()
    assert text.index('id="results-heading"') < text.index('id="filter-panel"')
    assert 'href="#filter-panel"' in text
