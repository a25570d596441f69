import io

import pytest
from django.urls import reverse

from goodpractices.models import GoodPractice, PracticeRevision, ReferenceFile
from tests.factories import MembershipFactory, coordinator_of

from .factories import PNG, GoodPracticeFactory, field_of_action

pytestmark = pytest.mark.django_db


def _form_data(practice, **changes):
    data = {
        "version": practice.version,
        "title": practice.title,
        "contact_person": "Ingrid Berg",
        "contact_email": "ingrid@bergen.example",
        "main_field": field_of_action("3").pk,
        "main_purpose": practice.main_purpose,
        "period_start": "2021-01",
        "period_text": "12 months",
        "purpose": practice.purpose,
        "stimulus": practice.stimulus,
        "process": practice.process,
        "impact": practice.impact,
        "language": "en",
        "action": "save",
    }
    data.update(changes)
    return data


@pytest.fixture
def draft(city_a, coordinator_a):
    return GoodPracticeFactory(city=city_a, created_by=coordinator_a)


def test_opening_the_new_practice_page_creates_nothing(client_as, city_a):
    response = client_as("coordinator_a").get(reverse("practice_desk:new"))
    assert response.status_code == 200
    assert "Start the draft" in response.content.decode()
    assert not GoodPractice.objects.exists()


def test_posting_new_practice_starts_a_draft_for_the_coordinators_only_city(client_as, city_a):
    response = client_as("coordinator_a").post(reverse("practice_desk:new"))
    practice = GoodPractice.objects.get()
    assert response.url == reverse("practice_desk:edit", args=[practice.pk])
    assert practice.city == city_a and practice.status == "draft"


def test_coordinator_of_several_cities_chooses_the_city_of_the_new_practice(client, city_a, city_b, coordinator_a):
    MembershipFactory(user=coordinator_a, city=city_b, role="coordinator")
    client.force_login(coordinator_a)
    page = client.get(reverse("practice_desk:new")).content.decode()
    assert "Alphaville" in page and "Betatown" in page
    assert client.post(reverse("practice_desk:new")).status_code == 200
    assert not GoodPractice.objects.exists()
    client.post(reverse("practice_desk:new"), {"city": city_b.pk})
    assert GoodPractice.objects.get().city == city_b


def test_new_practice_cannot_be_started_for_a_city_one_does_not_coordinate(client_as, city_b):
    response = client_as("coordinator_a").post(reverse("practice_desk:new"), {"city": city_b.pk})
    assert response.status_code == 200
    assert not GoodPractice.objects.exists()


def test_desk_offers_new_practice_as_a_button_to_a_coordinator(client_as):
    page = client_as("coordinator_a").get(reverse("my-desk")).content.decode()
    assert f'action="{reverse("practice_desk:new")}"' in page
    assert reverse("practice_desk:import") in page


def test_desk_shows_no_coordinator_actions_to_a_colleague(client, city_a):
    colleague = coordinator_of(city_a, "colleague@test.example", role="colleague")
    client.force_login(colleague)
    response = client.get(reverse("my-desk"))
    page = response.content.decode()
    assert response.status_code == 200
    for route in ("practice_desk:new", "practice_desk:import", "practice_desk:list"):
        assert reverse(route) not in page
    assert client.get(reverse("practice_desk:new")).status_code == 404


def test_the_form_shows_the_seed_guidance_beside_the_fields(client_as, draft):
    response = client_as("coordinator_a").get(reverse("practice_desk:edit", args=[draft.pk]))
    text = response.content.decode()
    assert "Avoid describing the city" in text
    assert "Keep the information short" in text
    assert 'data-autosave-url="/my/practices/' in text


def test_saving_an_incomplete_draft_keeps_the_text(client_as, draft):
    response = client_as("coordinator_a").post(
        reverse("practice_desk:edit", args=[draft.pk]), {"version": 1, "title": "Half done", "action": "save"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Half done" and draft.purpose == "" and draft.version == 2


def test_submit_names_the_missing_fields(client_as, draft):
    client = client_as("coordinator_a")
    data = _form_data(draft, impact="", purpose="", action="submit")
    response = client.post(reverse("practice_desk:edit", args=[draft.pk]), data, follow=True)
    text = response.content.decode()
    assert "Still to fill in: Purpose, Impact." in text
    assert text.count("Required to submit.") == 2
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_complete_draft_is_submitted_after_checking_the_answers(client_as, draft):
    client = client_as("coordinator_a")
    response = client.post(reverse("practice_desk:edit", args=[draft.pk]), _form_data(draft, action="submit"))
    # Saved, then the check-your-answers page: nothing is submitted yet.
    assert response.url == reverse("practice_desk:submit", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.contact_person == "Ingrid Berg"
    response = client.post(reverse("practice_desk:submit", args=[draft.pk]))
    assert response.url == reverse("practice_desk:history", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.status == "submitted" and draft.form_date


def test_later_save_of_an_old_version_is_refused_and_both_texts_are_shown(client_as, draft):
    url = reverse("practice_desk:edit", args=[draft.pk])
    client_as("secretariat").post(url, _form_data(draft, purpose="Their text"))
    response = client_as("coordinator_a").post(url, _form_data(draft, purpose="My text"))
    assert response.status_code == 409
    text = response.content.decode()
    assert "Someone else saved this practice first" in text
    assert "<del>Their</del><ins>My</ins> text" in text, "the page shows what differs between the two texts"
    assert "My text</textarea>" in text, "the form keeps the coordinator's text"
    draft.refresh_from_db()
    assert draft.purpose == "Their text"
    assert PracticeRevision.objects.get(kind="refused").data["purpose"] == "My text"


def test_autosave_saves_and_returns_the_new_version(client_as, draft):
    response = client_as("coordinator_a").post(
        reverse("practice_desk:autosave", args=[draft.pk]), _form_data(draft, impact="Typed and autosaved")
    )
    assert response.status_code == 200 and response.json()["version"] == 2
    assert GoodPractice.objects.get(pk=draft.pk).impact == "Typed and autosaved"


def test_a_form_posted_after_the_session_expired_is_saved_after_login(client, draft, coordinator_a):
    url = reverse("practice_desk:edit", args=[draft.pk])
    response = client.post(url, _form_data(draft, impact="Typed while logged out"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    client.force_login(coordinator_a)
    response = client.get(url, follow=True)
    assert "has been saved" in response.content.decode()
    assert GoodPractice.objects.get(pk=draft.pk).impact == "Typed while logged out"


def test_autosave_after_the_session_expired_answers_401_with_a_login_link_and_keeps_the_text(
    client, draft, coordinator_a
):
    response = client.post(
        reverse("practice_desk:autosave", args=[draft.pk]), _form_data(draft, impact="Kept"), HTTP_X_AUTOSAVE="1"
    )
    assert response.status_code == 401
    assert response.json()["login_url"].endswith(reverse("practice_desk:edit", args=[draft.pk]))
    client.force_login(coordinator_a)
    client.get(reverse("practice_desk:edit", args=[draft.pk]))
    assert GoodPractice.objects.get(pk=draft.pk).impact == "Kept"


def test_coordinator_of_another_city_gets_404(client_as, draft):
    client = client_as("coordinator_b")
    for name in ("edit", "preview", "history", "compare"):
        assert client.get(reverse(f"practice_desk:{name}", args=[draft.pk])).status_code == 404
    assert client.post(reverse("practice_desk:autosave", args=[draft.pk]), _form_data(draft)).status_code == 404


def test_preview_renders_the_public_page_with_script_shown_as_text(client_as, draft):
    draft.purpose = '<script>alert("x")</script>\n\nSee https://example.org/report'
    draft.save()
    response = client_as("coordinator_a").get(reverse("practice_desk:preview", args=[draft.pk]))
    text = response.content.decode()
    assert "&lt;script&gt;alert" in text and '<script>alert("x")' not in text
    assert '<a href="https://example.org/report"' in text
    assert "Preview" in text


def test_a_submitted_practice_is_not_editable_but_shows_its_status(client_as, draft):
    draft.status = "submitted"
    draft.save()
    url = reverse("practice_desk:edit", args=[draft.pk])
    response = client_as("coordinator_a").post(url, _form_data(draft, title="Changed"))
    assert "The secretariat is reviewing this practice" in response.content.decode()
    assert GoodPractice.objects.get(pk=draft.pk).title != "Changed"


def test_editing_a_published_practice_starts_a_new_version(client_as, city_a):
    published = GoodPracticeFactory(city=city_a, status="published", slug="online")
    response = client_as("coordinator_a").post(reverse("practice_desk:revise", args=[published.pk]))
    new_version = GoodPractice.objects.get(revision_of=published)
    assert response.url == reverse("practice_desk:edit", args=[new_version.pk])
    assert new_version.status == "draft"


def test_history_compares_two_saved_versions(client_as, draft):
    client = client_as("coordinator_a")
    url = reverse("practice_desk:edit", args=[draft.pk])
    client.post(url, _form_data(draft, impact="First impact"))
    client.post(url, _form_data(draft, version=2, impact="Second impact"))
    history = client.get(reverse("practice_desk:history", args=[draft.pk]))
    assert history.status_code == 200
    compare = client.get(reverse("practice_desk:compare", args=[draft.pk]))
    text = compare.content.decode()
    assert "<del>First</del>" in text and "<ins>Second</ins>" in text


def test_uploaded_document_is_checked_by_content_and_served_only_to_those_who_may_see_it(client_as, draft):
    client = client_as("coordinator_a")
    upload_url = reverse("practice_desk:file-upload", args=[draft.pk])
    fake = io.BytesIO(b"MZ this is an executable")
    fake.name = "report.pdf"
    client.post(upload_url, {"document": fake})
    assert not ReferenceFile.objects.exists()

    image = io.BytesIO(PNG)
    image.name = "poster.png"
    client.post(upload_url, {"document": image})
    document = ReferenceFile.objects.get()
    assert document.content_type == "image/png"
    assert "media" in document.file.path and "static" not in document.file.path

    url = document.get_absolute_url()
    assert client.get(url).status_code == 200
    assert client_as("secretariat").get(url).status_code == 200
    assert client_as("coordinator_b").get(url).status_code == 404
    assert client_as("anonymous").get(url).status_code == 404
    draft.status = "published"
    draft.save()
    response = client_as("anonymous").get(url)
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"


def test_upload_larger_than_10_mb_is_refused(client_as, draft):
    big = io.BytesIO(PNG + b"\x00" * (10 * 1024 * 1024))
    big.name = "big.png"
    response = client_as("coordinator_a").post(
        reverse("practice_desk:file-upload", args=[draft.pk]), {"document": big}, follow=True
    )
    assert "larger than 10 MB" in response.content.decode()
    assert not ReferenceFile.objects.exists()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_public_page_hides_the_contact_email_from_outsiders_but_shows_the_name(client_as, city_a):
    practice = GoodPracticeFactory(
        city=city_a, status="published", contact_person="Ingrid Berg", contact_email="ingrid@bergen.example"
    )
    for persona in ("anonymous", "coordinator_b"):
        page = client_as(persona).get(practice.get_absolute_url()).content.decode()
        assert "Ingrid Berg" in page
        assert "ingrid@bergen.example" not in page
    for persona in ("coordinator_a", "secretariat"):
        page = client_as(persona).get(practice.get_absolute_url()).content.decode()
        assert 'href="mailto:ingrid@bergen.example"' in page


def test_preview_shows_the_contact_email_to_the_coordinator_with_who_else_sees_it(client_as, draft):
    draft.contact_email = "ingrid@bergen.example"
    draft.save()
    page = client_as("coordinator_a").get(reverse("practice_desk:preview", args=[draft.pk])).content.decode()
    assert "ingrid@bergen.example" in page
    assert "team and the secretariat only" in page


def test_a_version_beyond_any_integer_is_a_form_error_that_keeps_the_text(client_as, draft):
    url = reverse("practice_desk:edit", args=[draft.pk])
    response = client_as("coordinator_a").post(url, _form_data(draft, version="99999999999999999999", purpose="Mine"))
    assert response.status_code == 200
    assert "Mine</textarea>" in response.content.decode()
    assert not PracticeRevision.objects.filter(kind="refused").exists()
