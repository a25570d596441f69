"""Deleting a draft (issue 10 item 8: "a draft cannot be deleted (page or API)"): only a draft that was never
submitted, by its city's coordinators and the secretariat; a new version of a published practice may be discarded
and the published practice stays as it is; the documents leave the storage once the deletion is committed."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from goodpractices import services
from goodpractices.choices import PracticeStatus
from goodpractices.models import GoodPractice, PracticeRevision, ReferenceFile

from .factories import PNG, GoodPracticeFactory, reference_file

pytestmark = pytest.mark.django_db

COMPLETE = {"contact_person": "Ingrid Berg", "contact_email": "ingrid@bergen.example"}


def _own_file(practice, name="own.png") -> ReferenceFile:
    """A document stored under a name of its own (`reference_file` shares one file between tests)."""
    stored = default_storage.save("practices/delete-test.png", ContentFile(PNG))
    return ReferenceFile.objects.create(
        practice=practice, name=name, content_type="image/png", size=len(PNG), file=stored
    )


@pytest.fixture
def draft(city_a, coordinator_a):
    return services.practice_create(city=city_a, by=coordinator_a, data={"title": "Street festival"})


# The service


@pytest.mark.parametrize("persona", ["coordinator_a", "secretariat"])
def test_a_draft_is_deleted_with_its_versions_and_documents(
    persona, personas, draft, django_capture_on_commit_callbacks
):
    document = _own_file(draft)
    stored = document.file.name
    assert PracticeRevision.objects.filter(practice=draft).exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_delete(practice=draft, by=personas[persona])
    assert not GoodPractice.objects.filter(pk=draft.pk).exists()
    assert not PracticeRevision.objects.filter(practice_id=draft.pk).exists()
    assert not ReferenceFile.objects.filter(pk=document.pk).exists()
    assert not default_storage.exists(stored)


def test_another_citys_coordinator_may_not_delete(draft, coordinator_b):
    with pytest.raises(PermissionDenied):
        services.practice_delete(practice=draft, by=coordinator_b)
    assert GoodPractice.objects.filter(pk=draft.pk).exists()


@pytest.mark.parametrize("status", [s for s in PracticeStatus.values if s != PracticeStatus.DRAFT])
def test_only_a_draft_never_submitted_can_be_deleted(status, city_a, coordinator_a):
    practice = GoodPracticeFactory(city=city_a, status=status, **COMPLETE)
    with pytest.raises(services.StateConflict, match="Only a draft that was never submitted can be deleted"):
        services.practice_delete(practice=practice, by=coordinator_a)
    assert GoodPractice.objects.get(pk=practice.pk).status == status


def test_a_draft_deleted_meanwhile_is_a_state_conflict(draft, coordinator_a, secretariat):
    stale = GoodPractice.objects.get(pk=draft.pk)
    services.practice_delete(practice=draft, by=secretariat)
    with pytest.raises(services.StateConflict):
        services.practice_delete(practice=stale, by=coordinator_a)


def test_discarding_a_new_version_leaves_the_published_practice_and_its_documents(
    city_a, coordinator_a, django_capture_on_commit_callbacks
):
    published = GoodPracticeFactory(city=city_a, status="published", **COMPLETE)
    document = _own_file(published)
    new_version = services.practice_revise(practice=published, by=coordinator_a)
    assert new_version.status == "draft" and new_version.files.get().file.name == document.file.name  # shared
    with django_capture_on_commit_callbacks(execute=True):
        services.practice_delete(practice=new_version, by=coordinator_a)
    published.refresh_from_db()
    assert published.status == "published" and not published.pending_revisions.exists()
    assert published.files.get() == document and default_storage.exists(document.file.name)
    # A new version can be started again.
    assert services.practice_revise(practice=published, by=coordinator_a).pk != new_version.pk


# The page


def test_the_form_offers_delete_draft_for_a_draft_only(client_as, draft, city_a):
    client = client_as("coordinator_a")
    page = client.get(reverse("practice_desk:edit", args=[draft.pk])).content.decode()
    assert "Delete draft" in page and reverse("practice_desk:delete", args=[draft.pk]) in page
    requested = GoodPracticeFactory(city=city_a, status="changes_requested", **COMPLETE)
    page = client.get(reverse("practice_desk:edit", args=[requested.pk])).content.decode()
    assert "Delete draft" not in page


def test_delete_asks_first_then_deletes_and_goes_back_to_the_list(client_as, draft):
    client = client_as("coordinator_a")
    confirm = client.get(reverse("practice_desk:delete", args=[draft.pk]))
    text = confirm.content.decode()
    assert confirm.status_code == 200
    assert "Are you sure you want to delete this draft?" in text and "This cannot be undone." in text
    assert "govuk-button--warning" in text and "Street festival" in text
    assert GoodPractice.objects.filter(pk=draft.pk).exists()  # a GET deletes nothing

    response = client.post(reverse("practice_desk:delete", args=[draft.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("practice_desk:list")
    text = response.content.decode()
    assert "govuk-notification-banner--success" in text and "The draft “Street festival” was deleted." in text
    assert not GoodPractice.objects.filter(pk=draft.pk).exists()


def test_the_confirmation_of_a_new_version_says_the_published_practice_stays(client_as, city_a, coordinator_a):
    published = GoodPracticeFactory(city=city_a, status="published", **COMPLETE)
    new_version = services.practice_revise(practice=published, by=coordinator_a)
    text = client_as("coordinator_a").get(reverse("practice_desk:delete", args=[new_version.pk])).content.decode()
    assert "the published practice stays online as it is" in text


def test_deleting_a_submitted_practice_from_the_page_says_why_and_deletes_nothing(client_as, city_a):
    submitted = GoodPracticeFactory(city=city_a, status="submitted", **COMPLETE)
    client = client_as("coordinator_a")
    for method in (client.get, client.post):
        response = method(reverse("practice_desk:delete", args=[submitted.pk]), follow=True)
        assert "Only a draft that was never submitted can be deleted; this practice is submitted." in (
            response.content.decode()
        )
    assert GoodPractice.objects.filter(pk=submitted.pk).exists()


def test_another_citys_coordinator_gets_404_on_the_page(client_as, draft):
    assert client_as("coordinator_b").post(reverse("practice_desk:delete", args=[draft.pk])).status_code == 404
    assert GoodPractice.objects.filter(pk=draft.pk).exists()


def test_the_delete_pages_are_in_french(client_as, draft):
    client = client_as("coordinator_a")
    with translation.override("fr"):
        url = reverse("practice_desk:delete", args=[draft.pk])
    text = client.get(url).content.decode()
    assert "Voulez-vous vraiment supprimer ce brouillon ?" in text and "Cette action est irréversible." in text
    text = client.post(url, follow=True).content.decode()
    assert "Le brouillon « Street festival » a été supprimé." in text


# The API


def _api(personas, persona):
    client = APIClient()
    if personas[persona] is not None:
        client.force_authenticate(personas[persona])
    return client


@pytest.mark.parametrize(
    "persona, expected", [("anonymous", 403), ("coordinator_b", 404), ("coordinator_a", 204), ("secretariat", 204)]
)
def test_delete_a_draft_through_the_api(persona, expected, personas, draft):
    response = _api(personas, persona).delete(f"/api/v1/good-practices/{draft.pk}/")
    assert response.status_code == expected
    assert GoodPractice.objects.filter(pk=draft.pk).exists() is (expected != 204)


@pytest.mark.parametrize("status", ["submitted", "changes_requested", "published"])
def test_the_api_refuses_to_delete_anything_but_a_draft_with_409(status, personas, city_a):
    practice = GoodPracticeFactory(city=city_a, status=status, **COMPLETE)
    reference_file(practice)
    response = _api(personas, "coordinator_a").delete(f"/api/v1/good-practices/{practice.pk}/")
    assert response.status_code == 409
    assert "Only a draft that was never submitted can be deleted" in response.json()["detail"]
    assert GoodPractice.objects.filter(pk=practice.pk).exists()
