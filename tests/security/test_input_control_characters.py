"""F6: C0 control characters (a vertical tab pasted from Word) are dropped at the edge, in forms and the API alike,
and the feeds stay up for rows stored before."""

from xml.etree import ElementTree

import pytest
from django.test import Client

from core.forms import CleanTextForm
from core.text import clean_data, clean_text
from goodpractices.models import FieldOfAction, GoodPractice
from index import services as index_services
from index.models import Answer

from ..goodpractices.factories import GoodPracticeFactory, field_of_action
from ..index.factories import small_edition

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
PASTED = "Intercultural\x0bcouncil of\x0c the\x1f city"
EVERY_CONTROL = "".join(chr(n) for n in range(32))


def test_f6_clean_text_drops_every_c0_control_but_tab_line_breaks_and_nul():
    assert clean_text(EVERY_CONTROL) == "\x00\t\n\r"  # NUL stays, for the fields to refuse with a message
    assert clean_text(PASTED) == "Interculturalcouncil of the city"
    assert clean_text("a\x0bb\x01c\td\ne") == "abc\td\ne"
    assert clean_data({"a": ["x\x0b", {"b": "y\x1b"}], "n": 3}) == {"a": ["x", {"b": "y"}], "n": 3}


def test_f6_a_vertical_tab_in_a_published_practice_keeps_the_feeds_up(city_a):
    # Stored before the edge cleaned input (or written by a script): the feeds must still answer.
    GoodPracticeFactory(city=city_a, status="published", title="Pasted\x0btitle", main_purpose="A\x0cpurpose\x1b")
    for url in ("/good-practices/feed/", "/good-practices/fields/3/feed/"):
        response = Client().get(url)
        assert response.status_code == 200, url
        entry = ElementTree.fromstring(response.content).find(f"{ATOM}entry")
        assert entry.find(f"{ATOM}title").text == "Pastedtitle (Alphaville)"
        assert entry.find(f"{ATOM}summary").text == "Apurpose"


def test_f6_the_practice_form_drops_control_characters(client_as, city_a):
    practice = GoodPracticeFactory(city=city_a, status="draft")
    response = client_as("coordinator_a").post(
        f"/my/practices/{practice.pk}/",
        {"title": PASTED, "purpose": "Line one\r\nLine\x0btwo\twith a tab", "action": "save", "language": "en"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    practice.refresh_from_db()
    assert practice.title == "Interculturalcouncil of the city"
    assert practice.purpose == "Line one\nLinetwo\twith a tab"


def test_f6_the_api_drops_control_characters(client_as, city_a):
    response = client_as("coordinator_a").post(
        "/api/v1/good-practices/",
        {"title": PASTED, "impact": "a\x0bb\nc", "reference_links": ["https://example.org/\x0breport"]},
        content_type="application/json",
    )
    assert response.status_code == 201, response.json()
    practice = GoodPractice.objects.get(pk=response.json()["id"])
    assert practice.title == "Interculturalcouncil of the city"
    assert practice.impact == "ab\nc"
    assert practice.reference_links == ["https://example.org/report"]


def test_f6_review_comments_drop_control_characters(client_as, city_a):
    practice = GoodPracticeFactory(city=city_a, status="submitted", contact_email="x@example.org")
    page = client_as("secretariat").post(
        f"/review/practices/{practice.pk}/", {"action": "request_changes", "comment": "Add\x0b the impact\x08."}
    )
    assert page.status_code == 302
    assert practice.transitions.get().comment == "Add the impact."
    other = GoodPracticeFactory(city=city_a, status="submitted")
    url = f"/api/v1/good-practices/{other.pk}/reject/"
    api = client_as("secretariat").post(url, {"comment": "Out\x0bof scope\x1b"}, content_type="application/json")
    assert api.status_code == 200, api.json()
    assert other.transitions.get().comment == "Outof scope"


def test_f6_index_answers_and_comments_drop_control_characters(client_as, city_a, coordinator_a):
    edition = small_edition()
    assessment = index_services.assessment_create(city=city_a, edition=edition, year=2025, by=coordinator_a)
    client = client_as("coordinator_a")
    api = client.put(
        f"/api/v1/index/assessments/{assessment.pk}/answers/",
        [{"question": "c.notes", "text": "Five\x0b departments", "comment": "per\x02 council"}],
        content_type="application/json",
    )
    assert api.status_code == 200, api.json()
    answer = Answer.objects.get(question__code="c.notes")
    assert (answer.text, answer.comment) == ("Five departments", "per council")
    page = client.post(
        f"/my/index/{assessment.pk}/areas/commitment/",
        {"q-c.statement-choices": "yes", "q-c.statement-comment": "Council\x0b vote\x07"},
    )
    assert page.status_code == 302
    assert Answer.objects.get(question__code="c.statement").comment == "Council vote"


def test_f6_admin_forms_drop_control_characters(client_as):
    field = field_of_action("1")
    admin = client_as("secretariat")
    form = admin.get(f"/admin/goodpractices/fieldofaction/{field.pk}/change/")
    assert form.status_code == 200
    data = {
        name: value
        for name, value in form.context["adminform"].form.initial.items()
        if value is not None and not isinstance(value, list | FieldOfAction)
    }
    data.update(name_en="Commitment\x0b and\x1e vision", name_fr="Engagement", code="1", position=field.position)
    data["parent"] = ""
    response = admin.post(f"/admin/goodpractices/fieldofaction/{field.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    field.refresh_from_db()
    assert field.name_en == "Commitment and vision"


def test_f6_a_nul_is_still_refused_with_a_message(client_as, city_a):
    response = client_as("coordinator_a").post(
        "/api/v1/good-practices/", {"title": "a\x00b"}, content_type="application/json"
    )
    assert response.status_code == 400 and "title" in response.json()["errors"]


def test_f6_passwords_are_taken_as_typed():
    from django import forms

    class Login(CleanTextForm):
        name = forms.CharField()
        secret = forms.CharField(widget=forms.PasswordInput)

    form = Login({"name": "a\x0bb", "secret": "p\x0bq"})
    assert form.is_valid()
    assert form.cleaned_data == {"name": "ab", "secret": "p\x0bq"}


def test_f6_events_drop_control_characters(client_as):
    from events.models import Event

    field_of_action("1")
    body = {
        "title": "Policy\x0b lab", "description": "Line one\x0c\nline two", "kind": "policy_lab",
        "time_zone": "Europe/Paris", "starts_at": "2031-03-14T09:30:00", "ends_at": "2031-03-14T17:00:00+01:00",
        "capacity": 30,
    }  # fmt: skip
    response = client_as("secretariat").post("/api/v1/events/", body, content_type="application/json")
    assert response.status_code == 201, response.json()
    event = Event.objects.get(slug=response.json()["slug"])
    assert (event.title_en, event.description_en) == ("Policy lab", "Line one\nline two")
