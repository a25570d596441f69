import csv
import io
import json
from xml.etree import ElementTree

import pytest
from django.test import Client

from goodpractices import exports
from goodpractices.models import GoodPractice

from . import public_fixtures

catalogue = public_fixtures.catalogue  # the fixture, shared by the public database tests


def _body(response):
    return b"".join(response.streaming_content).decode()


def test_csv_export_has_every_matching_row_and_no_draft(catalogue, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK", 1)  # several chunks: streaming really iterates
    response = Client().get("/good-practices/export.csv", {"q": "racism"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(_body(response).lstrip("\ufeff"))))
    assert {row["slug"] for row in rows} == {"research-on-structural-racism", "ecoles-sans-racisme"}
    bergen = next(row for row in rows if row["city"] == "bergen")
    assert bergen["secondary_fields"] == "2" and bergen["country"] == "NO"
    assert "contact_email" not in rows[0]


@pytest.mark.parametrize(
    "typed", ['=HYPERLINK("http://evil")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\t=1+1", "\r=1+1"]
)
def test_csv_cells_cannot_run_as_spreadsheet_formulas(catalogue, typed):
    """Bug 1 (practice side): `-`, tab and carriage return started formulas too. Every text cell is checked."""
    texts = ["title", "main_purpose", "period_text", "purpose", "stimulus", "process", "impact", "references"]
    GoodPractice.objects.filter(pk=catalogue["sport"].pk).update(**{name: typed for name in texts})
    rows = list(csv.DictReader(io.StringIO(_body(Client().get("/good-practices/export.csv")).lstrip("\ufeff"))))
    sport = next(row for row in rows if row["slug"] == "sport-for-all")
    assert {name: sport[name] for name in texts} == {name: "'" + typed for name in texts}


def test_csv_numbers_keep_their_value(catalogue):
    rows = list(csv.DictReader(io.StringIO(_body(Client().get("/good-practices/export.csv")).lstrip("\ufeff"))))
    assert {row["year"] for row in rows} == {"2019", "2022", "2023"}


def test_json_export_is_valid_and_filtered(catalogue):
    rows = json.loads(_body(Client().get("/good-practices/export.json", {"language": "fr"})))
    assert [row["slug"] for row in rows] == ["ecoles-sans-racisme"]
    assert rows[0]["target_groups"] == ["teachers_trainers", "young_people"]
    assert json.loads(_body(Client().get("/good-practices/export.json", {"city": "nowhere"}))) == []
    assert Client().get("/good-practices/export.json", {"year": "x"}).status_code == 400


def test_atom_feeds_are_valid_and_per_field(catalogue):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ElementTree.fromstring(Client().get("/good-practices/feed/").content)
    titles = [e.text for e in feed.findall("a:entry/a:title", ns)]
    assert len(titles) == 3 and not any("Secret" in t for t in titles)
    field = ElementTree.fromstring(Client().get("/good-practices/fields/7/feed/").content)
    assert [e.text for e in field.findall("a:entry/a:title", ns)] == ["Des écoles sans racisme (Lyon)"]
