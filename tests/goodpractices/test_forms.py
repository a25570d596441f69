import pytest

from goodpractices.forms import PracticeForm, ReviewForm

from .factories import GoodPracticeFactory, field_of_action

pytestmark = pytest.mark.django_db


def test_an_empty_form_is_a_valid_draft(city_a):
    form = PracticeForm({}, instance=GoodPracticeFactory(city=city_a))
    assert form.is_valid(), form.errors
    assert form.practice_data()["language"] == "en"


def test_months_must_be_year_and_month(city_a):
    form = PracticeForm({"period_start": "January 2021", "period_end": "2021-13"}, instance=GoodPracticeFactory())
    assert not form.is_valid()
    assert set(form.errors) == {"period_start", "period_end"}


def test_links_are_one_web_address_a_line(city_a):
    form = PracticeForm(
        {"reference_links": "https://example.org/a\n\nhttps://example.org/b\n"}, instance=GoodPracticeFactory()
    )
    assert form.is_valid()
    assert form.cleaned_data["reference_links"] == ["https://example.org/a", "https://example.org/b"]
    bad = PracticeForm({"reference_links": "javascript:alert(1)\nnot a link"}, instance=GoodPracticeFactory())
    assert not bad.is_valid()
    assert "javascript:alert(1)" in bad.errors["reference_links"][0]


def test_facets_accept_only_the_seeds_values(city_a):
    form = PracticeForm({"target_groups": ["young_people", "aliens"]}, instance=GoodPracticeFactory())
    assert not form.is_valid() and "target_groups" in form.errors


def test_fields_of_action_by_primary_key(city_a):
    form = PracticeForm(
        {"main_field": field_of_action("3a").pk, "secondary_fields": [field_of_action("13").pk]},
        instance=GoodPracticeFactory(),
    )
    assert form.is_valid(), form.errors
    assert form.practice_data()["main_field"].code == "3a"


def test_the_review_form_keeps_only_assessed_criteria():
    form = ReviewForm({"goal_oriented_rating": "partly", "goal_oriented_note": " Aims unclear ", "comment": "x"})
    assert form.is_valid()
    assert form.criteria() == {"goal_oriented": {"rating": "partly", "note": "Aims unclear"}}


def test_the_review_form_refuses_an_unknown_rating():
    assert not ReviewForm({"goal_oriented_rating": "excellent"}).is_valid()
