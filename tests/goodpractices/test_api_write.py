import pytest
from rest_framework.test import APIClient

from goodpractices.models import GoodPractice

from .factories import GoodPracticeFactory, field_of_action

pytestmark = pytest.mark.django_db

COMPLETE = {"contact_person": "Ingrid Berg", "contact_email": "ingrid@bergen.example"}


@pytest.fixture
def api(personas):
    def make(persona):
        client = APIClient()
        if personas[persona] is not None:
            client.force_authenticate(personas[persona])
        return client

    return make


@pytest.fixture
def draft(city_a):
    return GoodPracticeFactory(city=city_a, status="draft", **COMPLETE)


def test_coordinator_creates_a_blank_draft_for_their_only_city(api, city_a):
    response = api("coordinator_a").post("/api/v1/good-practices/", {}, format="json")
    assert response.status_code == 201, response.data
    assert response.data["status"] == "draft" and response.data["city"] == city_a.slug


def test_create_with_the_contracts_field_names(api):
    field_of_action("13")
    body = {
        "title": "Research on structural racism",
        "main_field": "3",
        "secondary_fields": ["13"],
        "period_start": "2021-01",
        "period_end": "2021-12",
        "practice_type": ["project"],
        "area": ["political"],
        "target_groups": ["municipalities"],
        "reference_links": ["https://example.org/report"],
        "language": "en",
    }
    response = api("coordinator_a").post("/api/v1/good-practices/", body, format="json")
    assert response.status_code == 201, response.data
    for name, value in body.items():
        assert response.data[name] == value, name


def test_bad_input_is_400_naming_the_fields(api):
    response = api("coordinator_a").post(
        "/api/v1/good-practices/",
        {"main_field": "99", "period_start": "January", "practice_type": ["nonsense"]},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.data["errors"]) == {"main_field", "period_start", "practice_type"}


def test_secretariat_must_name_the_city(api, city_b):
    assert api("secretariat").post("/api/v1/good-practices/", {}, format="json").status_code == 400
    response = api("secretariat").post("/api/v1/good-practices/", {"city": city_b.slug}, format="json")
    assert response.status_code == 201


def test_coordinator_cannot_create_for_another_city(api, city_b):
    assert api("coordinator_a").post("/api/v1/good-practices/", {"city": city_b.slug}, format="json").status_code == 403


def test_anonymous_cannot_write(api, draft):
    assert api("anonymous").post("/api/v1/good-practices/", {}, format="json").status_code in (401, 403)


def test_patch_updates_a_draft_and_refuses_an_old_version(api, draft):
    client = api("coordinator_a")
    response = client.patch(f"/api/v1/good-practices/{draft.pk}/", {"title": "New", "version": 1}, format="json")
    assert response.status_code == 200 and response.data["title"] == "New" and response.data["version"] == 2
    stale = client.patch(f"/api/v1/good-practices/{draft.pk}/", {"title": "Stale", "version": 1}, format="json")
    assert stale.status_code == 409
    assert GoodPractice.objects.get(pk=draft.pk).title == "New"


def test_another_citys_practice_is_404(api, draft):
    client = api("coordinator_b")
    assert client.patch(f"/api/v1/good-practices/{draft.pk}/", {"title": "x"}, format="json").status_code == 404
    assert client.post(f"/api/v1/good-practices/{draft.pk}/submit/").status_code == 404


def test_submit_incomplete_is_400_with_the_missing_fields(api, city_a):
    practice = GoodPracticeFactory(city=city_a, impact="", purpose="", **COMPLETE)
    response = api("coordinator_a").post(f"/api/v1/good-practices/{practice.pk}/submit/")
    assert response.status_code == 400
    assert response.data["missing"] == ["purpose", "impact"]


def test_the_workflow_through_the_api(api, draft):
    coordinator, secretariat = api("coordinator_a"), api("secretariat")
    url = f"/api/v1/good-practices/{draft.pk}/"
    assert coordinator.post(url + "submit/").data["status"] == "submitted"
    assert coordinator.patch(url, {"title": "Too late"}, format="json").status_code == 409
    assert coordinator.post(url + "publish/", {"comment": ""}, format="json").status_code == 403
    assert secretariat.post(url + "request-changes/", {"comment": ""}, format="json").status_code == 400
    changed = secretariat.post(url + "request-changes/", {"comment": "Shorter, please."}, format="json")
    assert changed.data["status"] == "changes_requested"
    assert secretariat.post(url + "publish/", {}, format="json").status_code == 409
    assert coordinator.patch(url, {"process": "Shorter."}, format="json").status_code == 200
    assert coordinator.post(url + "submit/").status_code == 200
    published = secretariat.post(url + "publish/", {"comment": "Thank you"}, format="json")
    assert published.status_code == 200 and published.data["status"] == "published"
    assert secretariat.post(url + "reject/", {"comment": "x"}, format="json").status_code == 409
    assert api("anonymous").get(url).status_code == 200


def test_a_new_version_of_a_published_practice_through_the_api(api, city_a):
    published = GoodPracticeFactory(city=city_a, status="published", **COMPLETE)
    response = api("coordinator_a").post(f"/api/v1/good-practices/{published.pk}/new-version/")
    assert response.status_code == 201
    assert response.data["status"] == "draft" and response.data["id"] != published.pk


@pytest.fixture
def published_with_contact(city_a):
    return GoodPracticeFactory(city=city_a, status="published", **COMPLETE)


@pytest.mark.parametrize("persona", ["anonymous", "coordinator_b"])
def test_contact_email_is_null_in_the_api_for_outsiders(api, published_with_contact, persona):
    detail = api(persona).get(f"/api/v1/good-practices/{published_with_contact.pk}/").data
    listed = api(persona).get("/api/v1/good-practices/").data["results"][0]
    for data in (detail, listed):
        assert data["contact_email"] is None
        assert data["contact_person"] == "Ingrid Berg"


@pytest.mark.parametrize("persona", ["coordinator_a", "secretariat"])
def test_contact_email_is_given_to_the_city_team_and_the_secretariat(api, published_with_contact, persona):
    detail = api(persona).get(f"/api/v1/good-practices/{published_with_contact.pk}/").data
    listed = api(persona).get("/api/v1/good-practices/").data["results"][0]
    assert detail["contact_email"] == listed["contact_email"] == "ingrid@bergen.example"


def test_contact_email_is_given_to_a_colleague_of_the_city(published_with_contact, city_a):
    from tests.factories import coordinator_of

    client = APIClient()
    client.force_authenticate(coordinator_of(city_a, "colleague@test.example", role="colleague"))
    detail = client.get(f"/api/v1/good-practices/{published_with_contact.pk}/").data
    assert detail["contact_email"] == "ingrid@bergen.example"


def test_a_patch_with_a_version_beyond_any_integer_is_a_400(api, draft):
    response = api("coordinator_a").patch(
        f"/api/v1/good-practices/{draft.pk}/", {"version": 99999999999999999999, "title": "t"}, format="json"
    )
    assert response.status_code == 400 and "version" in str(response.data)
