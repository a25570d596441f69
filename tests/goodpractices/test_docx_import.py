"""Import of a filled ICC reporting template (.docx), built here from the Bergen example of seed 000."""

import io

import docx
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from goodpractices import services
from goodpractices.models import GoodPractice

from .factories import field_of_action

pytestmark = pytest.mark.django_db

BERGEN_PROCESS = [
    "Process: The contracting of an external research team, with expertise in structural racism, was central to "
    "the approach taken.",
    "A qualitative aspect to the research involved one-to-one interviews with a small number of minority ethnic "
    "people.",
    "There were methodological challenges.",
]


def bergen_template(*, guide_before: bool = False, contact: str = "N/A") -> io.BytesIO:
    """The template as the seed lays it out: two tables of label/value rows, then labelled paragraphs."""
    document = docx.Document()
    if guide_before:
        document.add_heading("GUIDE AND TEMPLATE FOR COLLECTION OF GOOD PRACTICES")
        document.add_paragraph("Purpose: the example of another city, which must not leak into the draft.")
        document.add_heading("TEMPLATE FOR REPORTING")
    document.add_heading("Contact details", level=2)
    table = document.add_table(rows=0, cols=2)
    for label, value in [
        ("City:", "Bergen"),
        ("Department:", "N/A"),
        ("Date of completing the form:", "N/A"),
        ("Contact person", contact),
    ]:
        row = table.add_row().cells
        row[0].text, row[1].text = label, value
    document.add_heading("The Action", level=2)
    table = document.add_table(rows=0, cols=2)
    for label, value in [
        ("Title :", "Research on structural racism"),
        ("Main field of action:", "Antidiscrimination and equality; (intercultural intelligence)"),
        (
            "Main purpose:",
            "Provoking debate, enabling understanding and stimulating action through research on structural "
            "racism in Bergen, Norway",
        ),
        ("Implementation period :", "12 months, Jan/dec YEAR"),
    ]:
        row = table.add_row().cells
        row[0].text, row[1].text = label, value
    document.add_heading("Description of the Action", level=2)
    document.add_paragraph(
        "Purpose: This research initiative was undertaken by Bergen Municipality to establish how minority ethnic "
        "populations perceived the way they were treated by the city's services."
    )
    document.add_paragraph("Stimulus/Rationale: The primary driver for this initiative was political commitment.")
    for text in BERGEN_PROCESS:
        document.add_paragraph(text)
    document.add_paragraph("Impact: The research report provoked debate.")
    document.add_paragraph(
        "Key reference documents: Sindre Bangstad, Edvard Nergård Larsen & Lise B.Grung, Structural Racism in "
        "Bergen, Report 2021/09, Vista Analysis and KIFO, 2021 (Norwegian). https://example.org/structural-racism"
    )
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    buffer.name = "bergen.docx"
    return buffer


def test_the_bergen_template_fills_a_draft(city_a, coordinator_a):
    field_of_action("13")
    practice = services.practice_import_docx(city=city_a, by=coordinator_a, upload=bergen_template())
    assert practice.status == "draft"
    assert practice.title == "Research on structural racism"
    assert practice.main_field.code == "3"
    assert list(practice.secondary_fields.values_list("code", flat=True)) == ["13"]
    assert practice.main_purpose.startswith("Provoking debate")
    assert practice.period_text == "12 months, Jan/dec YEAR"
    assert practice.purpose.startswith("This research initiative")
    assert practice.stimulus == "The primary driver for this initiative was political commitment."
    assert practice.process.split("\n\n") == [BERGEN_PROCESS[0].removeprefix("Process: "), *BERGEN_PROCESS[1:]]
    assert practice.impact == "The research report provoked debate."
    assert "Structural Racism in Bergen" in practice.references
    assert practice.reference_links == ["https://example.org/structural-racism"]
    assert practice.department == "", "N/A stays empty"
    assert practice.revisions.get().kind == "imported"


def test_the_contact_persons_email_is_taken_apart(city_a, coordinator_a):
    upload = bergen_template(contact="Kari Nordmann, kari.nordmann@bergen.kommune.example")
    practice = services.practice_import_docx(city=city_a, by=coordinator_a, upload=upload)
    assert practice.contact_person == "Kari Nordmann"
    assert practice.contact_email == "kari.nordmann@bergen.kommune.example"


def test_only_the_filled_template_is_read_when_the_guide_comes_first(city_a, coordinator_a):
    practice = services.practice_import_docx(city=city_a, by=coordinator_a, upload=bergen_template(guide_before=True))
    assert practice.purpose.startswith("This research initiative")


@pytest.mark.parametrize("content", [b"not a word file", b"PK\x03\x04 broken zip", b""])
def test_an_unreadable_file_gives_a_clear_message_and_no_draft(content, city_a, coordinator_a):
    upload = io.BytesIO(content)
    upload.name = "template.docx"
    with pytest.raises(ValidationError, match="could not be read"):
        services.practice_import_docx(city=city_a, by=coordinator_a, upload=upload)
    assert not GoodPractice.objects.exists()


def test_a_word_file_that_is_not_the_template_is_refused(city_a, coordinator_a):
    document = docx.Document()
    document.add_paragraph("Minutes of the meeting")
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    with pytest.raises(ValidationError, match="No field of the ICC reporting template"):
        services.practice_import_docx(city=city_a, by=coordinator_a, upload=buffer)
    assert not GoodPractice.objects.exists()


def test_the_import_page_creates_the_draft_and_opens_it(client_as, city_a):
    response = client_as("coordinator_a").post(
        reverse("practice_desk:import"), {"city": city_a.pk, "document": bergen_template()}
    )
    practice = GoodPractice.objects.get()
    assert response.url == reverse("practice_desk:edit", args=[practice.pk])


def test_the_import_page_explains_an_unreadable_file(client_as, city_a):
    upload = io.BytesIO(b"%PDF-1.4 not word")
    upload.name = "template.pdf"
    response = client_as("coordinator_a").post(reverse("practice_desk:import"), {"city": city_a.pk, "document": upload})
    assert response.status_code == 200
    assert "could not be read as a Word document" in response.content.decode()
    assert not GoodPractice.objects.exists()


def test_no_dash_is_left_after_the_contact_persons_name(city_a, coordinator_a):
    upload = bergen_template(contact="Kari Nordmann – kari.nordmann@bergen.kommune.example")
    practice = services.practice_import_docx(city=city_a, by=coordinator_a, upload=upload)
    assert practice.contact_person == "Kari Nordmann"
