"""The Index API of the contract."""

import copy

import pytest

from cities.models import Membership
from index import services
from index.models import IndexArea

from ..factories import CityFactory, coordinator_of
from .factories import SMALL

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(edition, city_a, coordinator_a):
    return services.assessment_create(city=city_a, edition=edition, year=2024, by=coordinator_a)


def test_editions_are_public_in_the_file_format(client, edition):
    listing = client.get("/api/v1/index/editions/").json()
    assert listing["count"] == 1 and listing["results"][0]["code"] == "T-1"
    detail = client.get("/api/v1/index/editions/T-1/").json()
    assert detail["areas"][0]["questions"][0]["choices"][0] == {
        "code": "yes",
        "label": {"en": "Yes", "fr": "Oui"},
        "points": 1,
    }


def test_secretariat_posts_an_edition(client_as, db):
    from ..goodpractices.factories import field_of_action

    field_of_action("1")
    response = client_as("secretariat").post("/api/v1/index/editions/", SMALL, content_type="application/json")
    assert response.status_code == 201 and response.json()["code"] == "T-1"


def test_a_bad_edition_gets_400_naming_every_problem(client_as, db):
    data = copy.deepcopy(SMALL)
    data["areas"][1]["group"] = "nowhere"
    data["areas"].append(copy.deepcopy(data["areas"][0]))
    response = client_as("secretariat").post("/api/v1/index/editions/", data, content_type="application/json")
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "Area 'education': unknown group 'nowhere'." in detail
    assert "Duplicate area code 'commitment'." in detail


def test_coordinator_cannot_post_an_edition(client_as):
    assert (
        client_as("coordinator_a").post("/api/v1/index/editions/", SMALL, content_type="application/json").status_code
        == 403
    )
    assert (
        client_as("anonymous").post("/api/v1/index/editions/", SMALL, content_type="application/json").status_code
        == 403
    )


def test_coordinator_starts_an_assessment_for_own_city_only(client_as, edition, city_a, city_b):
    client = client_as("coordinator_a")
    data = {"city": "city-a", "edition": "T-1", "year": 2024, "optional_areas": ["participation"]}
    response = client.post("/api/v1/index/assessments/", data, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["status"] == "draft" and response.json()["optional_areas"] == ["participation"]
    again = client.post("/api/v1/index/assessments/", data, content_type="application/json")
    assert again.status_code == 400 and "already has an assessment" in str(again.json())
    other = client.post("/api/v1/index/assessments/", {**data, "city": "city-b"}, content_type="application/json")
    assert other.status_code == 403
    unknown = client.post(
        "/api/v1/index/assessments/", {**data, "city": "nowhere", "edition": "X"}, content_type="application/json"
    )
    assert unknown.status_code == 400 and set(unknown.json()["errors"]) == {"city", "edition"}


def test_answers_put_upserts_and_refuses_unknown_codes(client_as, assessment):
    client = client_as("coordinator_a")
    url = f"/api/v1/index/assessments/{assessment.pk}/answers/"
    ok = client.put(
        url,
        [{"question": "c.statement", "choices": ["yes"]}, {"question": "e.share", "value": 40}],
        content_type="application/json",
    )
    assert ok.status_code == 200 and ok.json()["saved"] == 2
    bad = client.put(
        url,
        [{"question": "c.statement", "choices": ["maybe"]}, {"question": "zz", "text": "x"}],
        content_type="application/json",
    )
    assert bad.status_code == 400
    assert "Question 'c.statement': unknown choice 'maybe' (use one of yes, no, dont_know)." in bad.json()["detail"]
    assert "Answer 2: unknown question 'zz' in T-1." in bad.json()["detail"]
    assert assessment.answers.get(question__code="c.statement").choices == ["yes"]


def test_colleague_put_outside_the_assigned_area_is_forbidden(client, assessment, city_a, coordinator_a):
    colleague = coordinator_of(city_a, "colleague@test.example", role=Membership.Role.COLLEAGUE)
    services.area_assign(
        assessment=assessment, area=IndexArea.objects.get(code="education"), user=colleague, by=coordinator_a
    )
    client.force_login(colleague)
    url = f"/api/v1/index/assessments/{assessment.pk}/answers/"
    assert (
        client.put(url, [{"question": "e.training", "choices": ["yes"]}], content_type="application/json").status_code
        == 200
    )
    refused = client.put(url, [{"question": "c.statement", "choices": ["yes"]}], content_type="application/json")
    assert refused.status_code == 403 and "not assigned to you" in refused.json()["detail"]
    assert client.post(f"/api/v1/index/assessments/{assessment.pk}/submit/").status_code == 403


def test_workflow_through_the_api_with_409_for_wrong_states(client_as, assessment):
    coordinator, secretariat = client_as("coordinator_a"), client_as("secretariat")
    base = f"/api/v1/index/assessments/{assessment.pk}"
    assert secretariat.post(f"{base}/publish/").status_code == 409
    assert coordinator.post(f"{base}/submit/").json()["status"] == "submitted"
    writes = coordinator.put(
        f"{base}/answers/", [{"question": "c.statement", "choices": ["no"]}], content_type="application/json"
    )
    assert writes.status_code == 409
    assert coordinator.post(f"{base}/validate/").status_code == 403
    assert secretariat.post(f"{base}/return/", {"comment": ""}, content_type="application/json").status_code == 400
    assert (
        secretariat.post(f"{base}/return/", {"comment": "Add links."}, content_type="application/json").json()["status"]
        == "draft"
    )
    coordinator.post(f"{base}/submit/")
    assert secretariat.post(f"{base}/validate/").json()["status"] == "validated"
    assert secretariat.post(f"{base}/publish/").json()["status"] == "published"


def test_results_are_private_until_published(client_as, assessment, secretariat, coordinator_a):
    url = f"/api/v1/index/assessments/{assessment.pk}/results/"
    assert client_as("coordinator_a").get(url).status_code == 200
    assert client_as("coordinator_b").get(url).status_code == 404
    assert client_as("anonymous").get(url).status_code == 403
    services.assessment_submit(assessment=assessment, by=coordinator_a)
    services.assessment_validate(assessment=assessment, by=secretariat)
    services.assessment_publish(assessment=assessment, by=secretariat)
    assert client_as("anonymous").get(url).status_code == 200


def test_results_carry_peer_groups(client_as, edition, assessment, city_a, coordinator_a, secretariat):
    services.answers_save(
        assessment=assessment, items=[{"question": "c.statement", "choices": ["yes"]}], by=coordinator_a
    )
    # Four peers: rule 7 shows a group's average and percentile from three peers on.
    for index, answer in enumerate(["yes", "no", "yes", "no"]):
        city = CityFactory(slug=f"peer-{index}", country=city_a.country, population=290_000, foreign_born_share=30)
        peer = services.assessment_create(city=city, edition=edition, year=2023, by=secretariat)
        services.answers_save(assessment=peer, items=[{"question": "c.statement", "choices": [answer]}], by=secretariat)
        services.assessment_submit(assessment=peer, by=secretariat)
        services.assessment_validate(assessment=peer, by=secretariat)
    results = client_as("coordinator_a").get(f"/api/v1/index/assessments/{assessment.pk}/results/").json()
    assert set(results) == {"core", "extended", "areas", "groups", "peers"}
    assert results["areas"]["commitment"] == 50
    network = results["peers"]["network"]
    assert network["n"] == 4 and network["percentile"] == 50
    assert results["peers"]["country"]["label"] == "Norway"
    assert results["peers"]["diversity_band"]["n"] == 0
    assert results["extended"] is None


@pytest.mark.parametrize("pk", ["null,null", "²", "%C2%A9"])
@pytest.mark.parametrize("path", ["results/", "submit/", "validate/", "return/", "publish/", "answers/"])
def test_an_assessment_id_that_is_not_a_number_is_a_404(client_as, pk, path):
    client = client_as("secretariat")
    method = client.get if path == "results/" else (client.put if path == "answers/" else client.post)
    response = method(f"/api/v1/index/assessments/{pk}/{path}", [], content_type="application/json")
    assert response.status_code == 404


def test_a_workflow_comment_that_is_not_text_is_a_400(client_as, assessment, coordinator_a):
    services.assessment_submit(assessment=assessment, by=coordinator_a)
    client = client_as("secretariat")
    for comment in ("a\x00b", ["a list"], {"an": "object"}):
        response = client.post(
            f"/api/v1/index/assessments/{assessment.pk}/return/", {"comment": comment}, content_type="application/json"
        )
        assert response.status_code == 400, comment
    assessment.refresh_from_db()
    assert assessment.status == "submitted"


def test_an_answer_comment_with_a_null_character_is_a_400(client_as, assessment):
    response = client_as("coordinator_a").put(
        f"/api/v1/index/assessments/{assessment.pk}/answers/",
        [{"question": "c.notes", "text": "fine", "comment": "a\x00b"}],
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "null character" in str(response.json())


@pytest.mark.parametrize("body", ['"a string"', "true", "3"])
def test_answers_that_are_not_a_list_or_an_object_are_a_400(client_as, assessment, body):
    response = client_as("coordinator_a").put(
        f"/api/v1/index/assessments/{assessment.pk}/answers/", body, content_type="application/json"
    )
    assert response.status_code == 400 and "Send a list of answers." in str(response.json())


@pytest.mark.parametrize(
    "method, path",
    [
        ("get", ""),
        ("get", "results/"),
        ("put", "answers/"),
        ("post", "submit/"),
        ("post", "validate/"),
        ("post", "return/"),
        ("post", "publish/"),
    ],
)
def test_f15_anonymous_callers_cannot_tell_which_assessment_ids_exist(client, assessment, method, path):
    """A private assessment and an id that names none answer the same: 403, as any protected endpoint does."""
    missing = assessment.pk + 1000
    answers = [
        getattr(client, method)(f"/api/v1/index/assessments/{pk}/{path}", [], content_type="application/json")
        for pk in (assessment.pk, missing)
    ]
    assert [a.status_code for a in answers] == [403, 403]
    assert answers[0].json() == answers[1].json()


def test_f15_a_logged_in_outsider_gets_404_for_both(client_as, assessment):
    client = client_as("coordinator_b")
    for pk in (assessment.pk, assessment.pk + 1000):
        assert client.get(f"/api/v1/index/assessments/{pk}/results/").status_code == 404
        assert client.get(f"/api/v1/index/assessments/{pk}/").status_code == 404


def test_published_assessments_stay_open_to_anonymous_callers(client, assessment, coordinator_a, secretariat):
    services.assessment_submit(assessment=assessment, by=coordinator_a)
    services.assessment_validate(assessment=assessment, by=secretariat)
    services.assessment_publish(assessment=assessment, by=secretariat)
    assert client.get(f"/api/v1/index/assessments/{assessment.pk}/").json()["status"] == "published"


def test_the_assessment_list_filters_through_the_assessment_filterset(client_as, edition, city_a, city_b, secretariat):
    from .factories import assessment_through

    assessment_through(city_a, edition, 2023, by=secretariat)
    assessment_through(city_b, edition, 2025, by=secretariat, until="submitted")
    client = client_as("secretariat")

    def listed(query):
        return [(a["city"], a["year"]) for a in client.get("/api/v1/index/assessments/", query).json()["results"]]

    assert listed({}) == [("city-b", 2025), ("city-a", 2023)]
    assert listed({"status": "submitted"}) == [("city-b", 2025)]
    assert listed({"city": "city-a", "edition": "T-1", "year": 2023}) == [("city-a", 2023)]
    assert listed({"edition": "nope"}) == []
    assert client.get("/api/v1/index/assessments/", {"year": "abc"}).status_code == 400
    assert client.get("/api/v1/index/assessments/", {"status": "lost"}).status_code == 400
    assert [a["city"] for a in client_as("anonymous").get("/api/v1/index/assessments/").json()["results"]] == ["city-a"]
