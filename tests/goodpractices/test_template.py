"""The template's declaration drives the form, the API, the exports, the saved versions and the missing fields."""

import csv
import io
import json

import pytest
from rest_framework.test import APIRequestFactory

from goodpractices import exports, template
from goodpractices.api.serializers import GoodPracticeSerializer, practice_serializer_class
from goodpractices.api.write_serializers import INPUT_FIELDS, input_serializer_class
from goodpractices.diff import diff_snapshots, labelled_rows
from goodpractices.forms import FORM_FIELDS, PracticeForm, practice_form_class
from goodpractices.models import GoodPractice
from goodpractices.template import DESCRIPTION, Kind, TemplateField

from .factories import GoodPracticeFactory

pytestmark = pytest.mark.django_db

BUDGET = TemplateField(
    "budget", Kind.LINE, DESCRIPTION, "Budget", "What the action cost, in euros.", required=True, open_data=True
)


@pytest.fixture
def with_budget(monkeypatch):
    """A copy of the declaration with one field more; the model gets a matching attribute (a column, in real life)."""
    monkeypatch.setattr(GoodPractice, "budget", "12 000", raising=False)
    return (*template.TEMPLATE, BUDGET)


def test_a_field_added_to_the_declaration_is_in_the_form(with_budget, city_a):
    practice = GoodPracticeFactory(city=city_a)
    form = practice_form_class(with_budget)({"budget": " 15 000 ", "version": 1}, instance=practice)
    assert form.fields["budget"].label == "Budget"
    assert form.fields["budget"].help_text == "What the action cost, in euros."
    assert form.initial["budget"] == "12 000"
    assert form.is_valid(), form.errors
    assert form.practice_data()["budget"] == "15 000"
    description = dict(form.sections())[DESCRIPTION.title]
    assert [row.field.name for row in description][-1] == "budget"
    # Marked on the page when the submission said it is missing.
    marked = practice_form_class(with_budget)(instance=practice, missing=["budget"])
    assert [row.field.name for rows in dict(marked.sections()).values() for row in rows if row.missing] == ["budget"]


def test_a_field_added_to_the_declaration_is_in_the_api(with_budget, city_a):
    practice = GoodPracticeFactory(city=city_a)
    request = APIRequestFactory().get("/")
    data = practice_serializer_class(with_budget)(practice, context={"request": request}).data
    assert data["budget"] == "12 000"
    assert list(data)[-4:] == ["budget", "published_at", "year", "version"]
    written = input_serializer_class(with_budget)(data={"budget": "15 000", "practice_type": ["project"]}, partial=True)
    assert written.is_valid(), written.errors
    assert written.validated_data == {"budget": "15 000", "practice_types": ["project"]}


def test_a_field_added_to_the_declaration_is_in_the_exports(with_budget, city_a):
    practice = GoodPracticeFactory(city=city_a, status="published")
    queryset = GoodPractice.objects.filter(pk=practice.pk)
    lines = "".join(exports.csv_lines(queryset, "https://icc.example", with_budget)).lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(lines)))
    assert list(rows[0])[-3:] == ["budget", "published_at", "year"]
    assert rows[0]["budget"] == "12 000"
    assert (
        json.loads("".join(exports.json_chunks(queryset, "https://icc.example", with_budget)))[0]["budget"] == "12 000"
    )
    assert "budget" not in exports.columns()  # the real declaration is untouched


def test_a_field_added_to_the_declaration_is_required_versioned_and_compared(with_budget, city_a):
    practice = GoodPracticeFactory(city=city_a, contact_person="I", contact_email="i@x.example")
    practice.budget = ""
    assert template.missing_requirements(practice, with_budget) == ["budget"]
    before = template.snapshot(practice, with_budget)
    practice.budget = "12 000"
    after = template.snapshot(practice, with_budget)
    assert template.missing_requirements(practice, with_budget) == []
    assert labelled_rows(diff_snapshots(before, after, with_budget), with_budget) == [
        ("Budget", [("insert", "12 000")])
    ]


def test_every_kind_has_a_form_field_and_an_api_field():
    assert set(FORM_FIELDS) == set(Kind)
    assert set(INPUT_FIELDS) == set(Kind)


def test_every_declared_field_is_a_column_of_the_practice():
    assert [field.name for field in template.TEMPLATE if template.column(field) is None] == []


def test_the_form_the_api_and_the_exports_list_the_real_declaration():
    names = [field.name for field in template.TEMPLATE]
    assert [name for name in PracticeForm.base_fields if name != "version"] == names
    api_names = [field.api_name for field in template.TEMPLATE]
    expected = ["id", "slug", "url", "status", "city", *api_names, "published_at", "year", "version"]
    assert GoodPracticeSerializer.Meta.fields == expected
    # Contact details are not open data.
    assert not {"department", "form_date", "contact_person", "contact_email"} & set(exports.columns())
    assert [column for column in exports.columns() if column in api_names] == [
        field.api_name for field in template.TEMPLATE if field.open_data
    ]


def test_the_period_is_one_requirement_met_by_months_or_words(city_a):
    practice = GoodPracticeFactory(city=city_a, period_start="", period_end="", period_text="")
    assert "period" in template.missing_requirements(practice)
    practice.period_text = "12 months"
    assert "period" not in template.missing_requirements(practice)
    practice.period_text, practice.period_start = "", "2021-01"
    assert "period" not in template.missing_requirements(practice)
    assert template.requirement_labels()["period"] == "Implementation period"
