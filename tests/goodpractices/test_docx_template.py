"""The blank reporting template (.docx) offered on the import page: written from the one declaration of the
template, and read back whole by the same importer, in English and in French (issue 10, item 8)."""

import io

import docx
import pytest
from django.urls import reverse
from django.utils import translation

from goodpractices.docx_import import READ_FIELDS
from goodpractices.models import GoodPractice
from goodpractices.template import TEMPLATE

from .factories import field_of_action

pytestmark = pytest.mark.django_db

URL = "/my/practices/import/template.docx"


def _download(client, url=URL) -> docx.Document:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response["Content-Disposition"].startswith('attachment; filename="icc-good-practice-template-')
    return docx.Document(io.BytesIO(response.content))


def _rows(document) -> dict:
    """The blank's rows by their label (the first line of the left-hand cell)."""
    return {row.cells[0].paragraphs[0].text: row for table in document.tables for row in table.rows}


def _fill(document, values: dict) -> io.BytesIO:
    rows = _rows(document)
    for label, paragraphs in values.items():
        cell = rows[label].cells[1]
        cell.paragraphs[0].text = paragraphs[0]
        for text in paragraphs[1:]:
            cell.add_paragraph(text)
    upload = io.BytesIO()
    document.save(upload)
    upload.seek(0)
    upload.name = "filled.docx"
    return upload


def test_the_blank_lists_the_fields_the_importer_reads_in_the_templates_order(client_as):
    document = _download(client_as("coordinator_a"))
    expected = [str(field.label) for field in TEMPLATE if field.name in READ_FIELDS]
    assert list(_rows(document)) == expected
    assert all(not row.cells[1].text for row in _rows(document).values())  # nothing to delete before writing
    assert "Title" in expected and "Purpose" in expected and "Process" in expected


def test_a_filled_blank_comes_back_through_the_import_page(client_as, city_a):
    field_of_action("3")
    client = client_as("coordinator_a")
    page = client.get(reverse("practice_desk:import")).content.decode()
    assert f'href="{URL}"' in page
    upload = _fill(
        _download(client),
        {
            "Title": ["Intercultural libraries"],
            "Purpose": ["Libraries as meeting places.", "Open to every newcomer."],
            "Main field of action": ["3a, 1"],
        },
    )
    response = client.post(reverse("practice_desk:import"), {"city": city_a.pk, "document": upload})
    practice = GoodPractice.objects.get()
    assert response.url == reverse("practice_desk:edit", args=[practice.pk])
    assert practice.title == "Intercultural libraries"
    assert practice.purpose == "Libraries as meeting places.\n\nOpen to every newcomer."
    assert practice.main_field.code == "3a"
    assert [field.code for field in practice.secondary_fields.all()] == ["1"]
    assert practice.city == city_a and practice.status == "draft"


def test_the_french_blank_is_in_french_and_comes_back_too(client_as, city_a):
    field_of_action("3")
    client = client_as("coordinator_a")
    page = client.get("/fr/my/practices/import/").content.decode()
    assert 'href="/fr/my/practices/import/template.docx"' in page
    assert "Télécharger le modèle de rapport vierge" in page
    document = _download(client, "/fr" + URL)
    assert "Modèle de rapport ICC" in document.paragraphs[0].text
    with translation.override("fr"):
        labels = [str(field.label) for field in TEMPLATE if field.name in READ_FIELDS]
    assert list(_rows(document)) == labels and "Titre" in labels
    upload = _fill(
        document,
        {
            "Titre": ["Bibliothèques interculturelles"],
            "Processus": ["Des ateliers chaque semaine."],
            "Domaine d'action principal": ["Lutte contre les discriminations et égalité"],
        },
    )
    response = client.post("/fr/my/practices/import/", {"city": city_a.pk, "document": upload})
    assert response.status_code == 302
    practice = GoodPractice.objects.get()
    assert (practice.title, practice.process) == ("Bibliothèques interculturelles", "Des ateliers chaque semaine.")
    assert practice.main_field.code == "3"


def test_the_blank_is_only_for_those_who_may_import(client, client_as):
    assert client.get(URL).status_code == 302
    assert client_as("secretariat").get(URL).status_code == 200
