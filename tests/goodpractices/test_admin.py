"""The admin saves a practice's text through the services: versions, saved versions and the optimistic lock."""

import pytest
from django.urls import reverse

from goodpractices import services
from goodpractices.models import GoodPractice, PracticeRevision

from .factories import GoodPracticeFactory

pytestmark = pytest.mark.django_db


def _change_url(practice):
    return reverse("admin:goodpractices_goodpractice_change", args=[practice.pk])


def _posted(page, **changes) -> dict:
    """What the browser posts back from the admin's change page: every field as shown, with `changes`."""
    form = page.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = [str(item) for item in value] if isinstance(value, list | tuple) else value
    for inline in page.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        data.update({f"{inline.formset.prefix}-{key}": value for key, value in management.initial.items()})
    data.update(changes)
    return {name: "" if value is None else value for name, value in data.items()}


@pytest.fixture
def draft(city_a, coordinator_a):
    return GoodPracticeFactory(city=city_a, created_by=coordinator_a, purpose="The city's first text.")


def test_an_admin_edit_is_a_new_version(client_as, draft, secretariat):
    client = client_as("secretariat")
    page = client.get(_change_url(draft))
    response = client.post(_change_url(draft), _posted(page, purpose="The secretariat's correction."))
    assert response.status_code == 302, response.context["adminform"].form.errors
    draft.refresh_from_db()
    assert draft.purpose == "The secretariat's correction." and draft.version == 2
    saved = draft.revisions.get()
    assert saved.created_by == secretariat and saved.version == 2 and saved.data["purpose"] == draft.purpose


def test_a_coordinator_saving_from_before_an_admin_edit_gets_the_conflict_and_both_texts_are_kept(
    client_as, draft, coordinator_a
):
    """Bug 3: the admin wrote a revision without bumping `version`, so the coordinator's stale save went through."""
    client = client_as("secretariat")
    page = client.get(_change_url(draft))
    client.post(_change_url(draft), _posted(page, purpose="The secretariat's correction."))
    with pytest.raises(services.PracticeEditConflict) as conflict:
        services.practice_update(
            practice=draft, by=coordinator_a, data={"purpose": "The coordinator's rewrite."}, expected_version=1
        )
    draft.refresh_from_db()
    assert draft.purpose == "The secretariat's correction."
    refused = PracticeRevision.objects.get(pk=conflict.value.refused.pk)
    assert refused.kind == "refused" and refused.data["purpose"] == "The coordinator's rewrite."


def test_an_admin_save_from_an_old_version_is_refused_and_kept(client_as, draft, coordinator_a):
    client = client_as("secretariat")
    page = client.get(_change_url(draft))
    services.practice_update(practice=draft, by=coordinator_a, data={"purpose": "Typed meanwhile."}, expected_version=1)
    response = client.post(_change_url(draft), _posted(page, purpose="The secretariat's correction."), follow=True)
    assert "Someone else saved this practice since you opened it" in response.content.decode()
    draft.refresh_from_db()
    assert draft.purpose == "Typed meanwhile." and draft.version == 2
    refused = draft.revisions.get(kind="refused")
    assert refused.data["purpose"] == "The secretariat's correction."


def test_only_the_city_slug_and_year_change_without_a_version(client_as, draft):
    client = client_as("secretariat")
    page = client.get(_change_url(draft))
    client.post(_change_url(draft), _posted(page, year="2018"))
    draft.refresh_from_db()
    assert draft.year == 2018 and draft.version == 1 and not draft.revisions.exists()


def test_the_text_of_a_practice_that_cannot_be_edited_is_read_only(client_as, city_a):
    published = GoodPracticeFactory(city=city_a, status="published", purpose="Online text.")
    client = client_as("secretariat")
    page = client.get(_change_url(published))
    assert "purpose" not in page.context["adminform"].form.fields
    client.post(_change_url(published), _posted(page, purpose="Changed behind the review."))
    assert GoodPractice.objects.get(pk=published.pk).purpose == "Online text."


def test_practices_are_started_on_the_desk_not_in_the_admin(client_as):
    assert client_as("secretariat").get(reverse("admin:goodpractices_goodpractice_add")).status_code == 403
