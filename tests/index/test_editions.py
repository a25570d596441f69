"""Edition files: checking, import, export, and the round trip without loss."""

import copy
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from index.edition_format import dump, edition_problems, load_path, load_text, normalize
from index.models import IndexEdition
from index.selectors import edition_as_file
from index.services import assessment_create, edition_import

from .factories import SAMPLE, SMALL, sample_edition, small_edition

pytestmark = pytest.mark.django_db


def test_sample_edition_is_valid_and_has_the_areas_of_the_index():
    data = load_path(SAMPLE)
    assert edition_problems(data) == []
    areas = {a["code"]: a for a in data["areas"]}
    assert len([a for a in areas.values() if not a["optional"]]) == 15
    assert {code for code, a in areas.items() if a["optional"]} == {"participation", "interaction"}
    assert {code for code, a in areas.items() if a["group"] == "lens"} == {
        "education",
        "neighbourhoods",
        "public_services",
        "business",
        "cultural_life",
        "public_space",
    }
    questions = [q for a in data["areas"] for q in a["questions"]]
    assert 60 <= len(questions) <= 90
    assert any(q["data_kind"] == "fact" for q in questions)
    assert any(q["kind"] == "text" for q in questions)
    assert all(q["text"].get("fr") for q in questions)


def test_import_then_export_gives_back_the_file():
    edition = sample_edition()
    assert edition_as_file(edition) == normalize(load_path(SAMPLE))


def test_export_import_export_round_trips_through_yaml_and_json(tmp_path):
    sample_edition()
    exported = edition_as_file(IndexEdition.objects.get(code="ICC-SAMPLE"))
    for fmt in ("yaml", "json"):
        path = tmp_path / f"edition.{fmt}"
        path.write_text(dump({**exported, "code": f"COPY-{fmt}"}, fmt))
        call_command("import_index_edition", str(path))
        again = edition_as_file(IndexEdition.objects.get(code=f"COPY-{fmt}"))
        assert again == {**exported, "code": f"COPY-{fmt}"}


def test_export_command_writes_json(capsys):
    small_edition()
    call_command("export_index_edition", "T-1", "--format", "json")
    assert json.loads(capsys.readouterr().out)["areas"][1]["questions"][0]["bands"][2] == {"min": 50, "points": 2}


def test_export_command_names_the_known_editions_when_the_code_is_unknown():
    small_edition()
    with pytest.raises(CommandError, match="T-1"):
        call_command("export_index_edition", "NOPE")


def _problems(data):
    with pytest.raises(ValidationError) as error:
        edition_import(data=data)
    return error.value.messages


def test_import_names_every_problem_at_once():
    data = copy.deepcopy(SMALL)
    data["areas"].append(copy.deepcopy(data["areas"][0]))  # duplicate area and question codes
    data["areas"][1]["group"] = "nowhere"
    data["areas"][1]["questions"][0]["bands"] = [{"min": 0, "max": 10, "points": 0}, {"min": 20, "points": 1}]
    data["areas"][0]["questions"][0]["choices"].append({"code": "yes", "label": {"en": "Again"}, "points": 1})
    data["areas"][0]["fields_of_action"] = ["99"]
    problems = _problems(data)
    assert "Duplicate area code 'commitment'." in problems
    assert "Duplicate question code 'c.statement'." in problems
    assert "Area 'education': unknown group 'nowhere'." in problems
    assert "Question 'e.share': band gap between 10 and 20." in problems
    assert any("Duplicate choice" in p and "'yes'" in p for p in problems)
    assert "Area 'commitment': unknown field of action '99'." in problems
    assert not IndexEdition.objects.exists()


def test_overlapping_bands_and_open_band_before_another_are_refused():
    data = copy.deepcopy(SMALL)
    data["areas"][1]["questions"][0]["bands"] = [{"min": 0, "max": 10, "points": 0}, {"min": 5, "points": 1}]
    assert "Question 'e.share': bands overlap between 5 and 10." in _problems(data)
    data["areas"][1]["questions"][0]["bands"] = [{"min": 0, "points": 0}, {"min": 5, "points": 1}]
    assert any("has no upper end but another band follows" in p for p in _problems(data))


def test_kinds_and_texts_are_checked():
    data = copy.deepcopy(SMALL)
    data["areas"][0]["questions"][0]["kind"] = "essay"
    data["areas"][0]["questions"][1]["data_kind"] = "opinion"
    data["areas"][0]["questions"][2]["text"] = {"fr": "Notes ?"}
    data["title"] = {"de": "Test"}
    problems = _problems(data)
    assert any("unknown kind 'essay'" in p for p in problems)
    assert any("unknown data_kind 'opinion'" in p for p in problems)
    assert "Question 'c.notes': the text needs an English text." in problems
    assert any(p.startswith("The edition's title must be a mapping") for p in problems)


def test_a_used_edition_is_frozen(coordinator_a, city_a):
    edition = small_edition()
    assessment_create(city=city_a, edition=edition, year=2024, by=coordinator_a)
    assert edition.is_frozen
    with pytest.raises(ValidationError, match="frozen"):
        edition_import(data=SMALL, replace=True)


def test_an_unused_edition_can_be_replaced_but_not_imported_twice():
    small_edition()
    with pytest.raises(ValidationError, match="already exists"):
        edition_import(data=SMALL)
    changed = copy.deepcopy(SMALL)
    changed["title"] = {"en": "Renamed"}
    assert edition_import(data=changed, replace=True).title == "Renamed"


def test_import_command_reports_problems(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("code: X\ntitle: {en: X}\nareas: []\n")
    with pytest.raises(CommandError, match="needs a list of areas"):
        call_command("import_index_edition", str(path))


def test_load_text_refuses_a_file_that_is_not_a_mapping():
    with pytest.raises(ValueError):
        load_text("- just\n- a list\n")


def test_secretariat_edits_an_edition_in_the_admin_until_it_is_used(client_as, city_a, coordinator_a):
    edition = small_edition()
    client = client_as("secretariat")
    url = f"/admin/index/indexedition/{edition.pk}/change/"
    assert b'name="_save"' in client.get(url).content
    assessment_create(city=city_a, edition=edition, year=2024, by=coordinator_a)
    assert b'name="_save"' not in client.get(url).content
    question = edition.questions.first()
    assert b'name="_save"' not in client.get(f"/admin/index/question/{question.pk}/change/").content
