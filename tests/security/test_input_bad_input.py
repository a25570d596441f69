"""F10: bad input is a 400 or a 404 that says what is wrong, never a 500 — NUL bytes in slugs and lookups, an e-mail
longer than any address, a megabyte of text in one field, and 20 secretariat members publishing the same new
version at once."""

import threading

import pytest
from axes.models import AccessAttempt
from django.db import connection
from django.test import Client
from rest_framework.test import APIClient

from goodpractices import services
from goodpractices.models import SECTION_MAX_LENGTH, GoodPractice

from ..goodpractices.factories import GoodPracticeFactory, field_of_action
from ..goodpractices.test_docx_import import bergen_template
from ..index.factories import small_edition

pytestmark = pytest.mark.django_db

NUL_PATHS = [
    "/api/v1/cities/a%00b/",
    "/api/v1/fields-of-action/a%00b/",
    "/api/v1/index/editions/a%00b/",
    "/api/v1/good-practices/1%00/",
    "/api/v1/index/assessments/1%00/results/",
    "/cities/a%00b/",
    "/good-practices/a%00b/",
    "/good-practices/fields/a%00b/",
    "/index/editions/a%00b/",
]
NUL_QUERIES = [
    "/api/v1/good-practices/?city=a%00b",
    "/api/v1/good-practices/?main_field=a%00b",
    "/api/v1/good-practices/?field=a%00b",
    "/api/v1/good-practices/?network=a%00b",
    "/api/v1/good-practices/?q=a%00b",
    "/good-practices/?city=a%00b",
    "/good-practices/export.csv?city=a%00b",
]


def _client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("path", NUL_PATHS)
def test_f10_a_nul_in_a_slug_or_id_of_the_path_is_a_404(city_a, path):
    assert _client().get(path).status_code == 404


@pytest.mark.parametrize("path", NUL_QUERIES)
def test_f10_a_nul_in_a_filter_is_a_400(city_a, path):
    assert _client().get(path).status_code == 400


@pytest.mark.parametrize(
    "body",
    [{"main_field": "a\x00b"}, {"secondary_fields": ["3", "a\x00b"]}, {"city": "a\x00b"}, {"practice_type": ["\x00"]}],
)
def test_f10_a_nul_in_a_slug_of_the_body_is_a_400_naming_the_field(client_as, city_a, body):
    client = client_as("coordinator_a")
    client.raise_request_exception = False
    created = client.post("/api/v1/good-practices/", body, content_type="application/json")
    assert created.status_code == 400
    assert set(created.json()["errors"]) == set(body)
    practice = GoodPracticeFactory(city=city_a, status="draft")
    patched = client.patch(f"/api/v1/good-practices/{practice.pk}/", body, content_type="application/json")
    assert patched.status_code == 400


def test_f10_a_nul_in_an_index_assessment_is_a_400(client_as, city_a):
    small_edition()
    client = client_as("coordinator_a")
    client.raise_request_exception = False
    body = {"city": "city-a", "edition": "T\x00-1", "year": 2025}
    assert client.post("/api/v1/index/assessments/", body, content_type="application/json").status_code == 400


def test_f10_an_email_longer_than_any_address_is_a_form_error_on_login_and_a_400_for_a_token(db):
    email = "a" * 300 + "@example.org"
    login = _client().post("/accounts/login/", {"username": email, "password": "whatever"})
    assert login.status_code == 200
    assert "at most 254 characters" in login.content.decode()
    token = APIClient(raise_request_exception=False).post(
        "/api/v1/auth/token/", {"email": email, "password": "whatever"}, format="json"
    )
    assert token.status_code == 400 and "email" in token.json()["errors"]
    assert not AccessAttempt.objects.exists()


def _distinct_words(characters: int) -> str:
    """Text of distinct words: what fills a tsvector fastest (the same word repeated is stored once)."""
    words, length, n = [], 0, 0
    while length < characters:
        word = f"word{n:06d}x"
        words.append(word)
        length += len(word) + 1
        n += 1
    return " ".join(words)[:characters]


def test_f10_a_megabyte_of_text_in_a_field_is_a_400_that_says_the_limit(client_as, city_a):
    client = client_as("coordinator_a")
    client.raise_request_exception = False
    huge = _distinct_words(900_000)
    response = client.post("/api/v1/good-practices/", {"process": huge}, content_type="application/json")
    assert response.status_code == 400
    assert "no more than 10000 characters" in str(response.json()["errors"]["process"])
    practice = GoodPracticeFactory(city=city_a, status="draft")
    page = client.post(f"/my/practices/{practice.pk}/", {"process": huge, "action": "save", "language": "en"})
    assert page.status_code == 200 and "at most 10000 characters" in page.content.decode()
    assert not GoodPractice.objects.filter(process=huge).exists()


def test_f10_every_section_at_its_limit_is_saved_published_and_searchable(client_as, coordinator_a, secretariat):
    field_of_action("3")
    full = _distinct_words(SECTION_MAX_LENGTH)
    body = {name: full for name in ("purpose", "stimulus", "process", "impact")}
    body.update(title="At the limit", main_purpose=_distinct_words(1_000), main_field="3")
    response = client_as("coordinator_a").post("/api/v1/good-practices/", body, content_type="application/json")
    assert response.status_code == 201, response.json()
    practice = GoodPractice.objects.get(pk=response.json()["id"])
    practice.contact_person, practice.contact_email, practice.period_text = "Ingrid", "i@example.org", "12 months"
    practice.save()
    services.practice_submit(practice=practice, by=coordinator_a)
    services.practice_publish(practice=practice, by=secretariat)
    found = _client().get("/api/v1/good-practices/", {"q": "word000800x"}).json()
    assert [row["id"] for row in found["results"]] == [practice.pk]


def test_f10_an_import_with_a_section_over_its_limit_is_refused_with_the_limit(client_as, city_a):
    document = bergen_template()
    import docx

    word = docx.Document(document)
    word.add_paragraph("Impact: " + _distinct_words(SECTION_MAX_LENGTH + 1))
    word.save(document := __import__("io").BytesIO())
    document.seek(0)
    document.name = "long.docx"
    response = client_as("coordinator_a").post("/my/practices/import/", {"city": city_a.pk, "document": document})
    assert "Impact is longer than 10,000 characters" in response.content.decode()
    assert not GoodPractice.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_f10_twenty_parallel_publishes_of_a_new_version_give_one_200_and_nineteen_409s(city_a, coordinator_a):
    from ..factories import UserFactory

    secretariat = UserFactory(email="sec-parallel@test.example", is_secretariat=True)
    original = GoodPracticeFactory(city=city_a, status="published", contact_person="I", contact_email="i@example.org")
    new_version = services.practice_revise(practice=original, by=coordinator_a)
    services.practice_update(practice=new_version, by=coordinator_a, data={"impact": "Measured twice"})
    services.practice_submit(practice=new_version, by=coordinator_a)

    start, statuses = threading.Barrier(20), []

    def publish():
        try:
            client = APIClient(raise_request_exception=False)
            client.force_authenticate(secretariat)
            start.wait()
            statuses.append(client.post(f"/api/v1/good-practices/{new_version.pk}/publish/", format="json"))
        finally:
            connection.close()  # each thread has its own connection to PostgreSQL

    threads = [threading.Thread(target=publish) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    codes = sorted(response.status_code for response in statuses)
    # Every loser that had read the new version before the winner merged it is a 409 (state conflict); a thread the
    # machine scheduled after the merge finds no such version any more: a 404, as for any id that does not exist.
    assert codes[0] == 200 and set(codes[1:]) <= {404, 409} and len(codes) == 20, codes
    assert codes.count(409) >= 10, codes  # the barrier releases them together: most of them race for the lock
    winner = next(response for response in statuses if response.status_code == 200)
    assert winner.json()["id"] == original.pk
    assert all("detail" in response.json() for response in statuses if response.status_code == 409)
    original.refresh_from_db()
    assert original.impact == "Measured twice" and not GoodPractice.objects.filter(pk=new_version.pk).exists()
