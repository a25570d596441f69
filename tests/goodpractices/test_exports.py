import csv
import io
import json
from xml.etree import ElementTree

from django.test import Client

from goodpractices import exports

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


def test_csv_cells_cannot_run_as_spreadsheet_formulas(catalogue):
    catalogue["sport"].title = '=HYPERLINK("http://evil")'
    catalogue["sport"].save()
    rows = list(csv.DictReader(io.StringIO(_body(Client().get("/good-practices/export.csv")).lstrip("\ufeff"))))
    assert next(r for r in rows if r["slug"] == "sport-for-all")["title"].startswith("'=")


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
