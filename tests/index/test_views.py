"""The Index pages: results and benchmarking, filling together on the desk, the secretariat's view."""

import csv
import io

import pytest

from cities.models import Membership
from index import services
from index.models import Answer, IndexArea

from ..factories import CityFactory, coordinator_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(edition, city_a, coordinator_a):
    return services.assessment_create(city=city_a, edition=edition, year=2025, by=coordinator_a)


def _validated(city, edition, year, answer, by, publish=True):
    assessment = services.assessment_create(city=city, edition=edition, year=year, by=by)
    services.answers_save(assessment=assessment, items=[{"question": "c.statement", "choices": [answer]}], by=by)
    services.assessment_submit(assessment=assessment, by=by)
    services.assessment_validate(assessment=assessment, by=by)
    if publish:
        services.assessment_publish(assessment=assessment, by=by)
    return assessment


def test_published_results_show_chart_table_and_peers_never_a_rank(client, edition, city_a, secretariat):
    _validated(city_a, edition, 2021, "no", secretariat)
    _validated(city_a, edition, 2023, "yes", secretariat)
    for i, answer in enumerate(["no", "no", "yes", "no"]):
        _validated(CityFactory(slug=f"peer-{i}"), edition, 2023, answer, secretariat)
    page = client.get(f"/cities/{city_a.slug}/index/").content.decode()
    assert "<svg" in page and "Score per area (0–100) and the network's average</caption>" in page
    assert "Ahead of 75 % of comparable cities" in page
    assert "Progress between waves" in page
    assert "rank" not in page.lower()


def test_unpublished_results_stay_private(client_as, edition, city_a, secretariat):
    _validated(city_a, edition, 2023, "yes", secretariat, publish=False)
    assert (
        "No Index results have been published" in client_as("anonymous").get("/cities/city-a/index/").content.decode()
    )
    assert "Validated but not yet published" in client_as("coordinator_a").get("/cities/city-a/index/").content.decode()
    assert client_as("coordinator_b").get("/cities/city-a/index/T-1/2023/").status_code == 404


def test_area_form_saves_answers_as_given_with_comment_and_evidence(client_as, draft):
    client = client_as("coordinator_a")
    response = client.post(
        f"/my/index/{draft.pk}/areas/commitment/",
        {
            "q-c.statement-choices": "yes",
            "q-c.statement-comment": "Council vote, 2019",
            "q-c.statement-evidence": "https://city-a.example/vote",
            "q-c.means-choices": ["a", "b"],
            "q-c.notes-text": "Five departments",
        },
    )
    assert response.status_code == 302
    answer = Answer.objects.get(question__code="c.statement")
    assert answer.choices == ["yes"] and answer.evidence_url == "https://city-a.example/vote"
    desk = client.get(f"/my/index/{draft.pk}/").content.decode()
    assert "3 of 5 questions answered" in desk  # the optional area was not taken


def test_area_form_keeps_what_was_typed_when_refused(client_as, draft, edition):
    client = client_as("coordinator_a")
    response = client.post(
        f"/my/index/{draft.pk}/areas/education/", {"q-e.share-value": "140", "q-e.training-comment": "kept"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "a percentage must be between 0 and 100, not 140" in page
    assert 'value="140"' in page and ">kept</textarea>" in page
    assert not Answer.objects.exists()


def test_colleague_sees_the_assessment_and_answers_only_the_assigned_area(client, draft, city_a, coordinator_a):
    colleague = coordinator_of(city_a, "schools@test.example", role=Membership.Role.COLLEAGUE)
    services.area_assign(
        assessment=draft, area=IndexArea.objects.get(code="education"), user=colleague, by=coordinator_a
    )
    client.force_login(colleague)
    assert client.get(f"/my/index/{draft.pk}/").status_code == 200
    assert client.post(f"/my/index/{draft.pk}/areas/education/", {"q-e.training-choices": "yes"}).status_code == 302
    assert "not assigned to you" in client.get(f"/my/index/{draft.pk}/areas/commitment/").content.decode()
    assert client.post(f"/my/index/{draft.pk}/areas/commitment/", {"q-c.statement-choices": "yes"}).status_code == 403
    assert client.post(f"/my/index/{draft.pk}/submit/").status_code == 404
    assert client.post(f"/my/index/{draft.pk}/team/", {"email": "x@test.example"}).status_code == 404
    assert client.get(f"/cities/{city_a.slug}/index/T-1/2025/").status_code == 200


def test_coordinator_invites_a_colleague_and_assigns_an_area(client_as, draft, celery_worker):
    client = client_as("coordinator_a")
    response = client.post(f"/my/index/{draft.pk}/team/", {"email": "culture@test.example", "areas": ["education"]})
    assert response.status_code == 302
    assert draft.assignments.get().user.email == "culture@test.example"
    assert celery_worker.wait_for_mail(1)[0]["To"] == "culture@test.example"


def test_secretariat_sees_completion_gaps_and_exports(client_as, edition, city_a, secretariat):
    _validated(city_a, edition, 2023, "dont_know", secretariat)
    client = client_as("secretariat")
    page = client.get("/index/secretariat/").content.decode()
    # The optional area the city did not take is not counted as unanswered: 1 of 5, not 1 / 6.
    assert "Alphaville" in page and "1 of 5" in page and "Statement?" in page
    rows = list(csv.DictReader(io.StringIO(client.get("/index/secretariat/T-1/2023/results.csv").content.decode())))
    assert rows[0]["city"] == "city-a" and float(rows[0]["core"]) == 0
    answers = list(csv.DictReader(io.StringIO(client.get("/index/secretariat/T-1/2023/answers.csv").content.decode())))
    assert answers[0]["choices"] == "dont_know"


def test_method_page_explains_the_scoring(client):
    page = client.get("/fr/index/method/").content.decode()
    assert client.get("/index/method/").status_code == 200
    assert '<h1 class="govuk-heading-l">' in page


def test_coordinator_changes_the_optional_areas_of_a_draft_on_its_page(client_as, draft):
    client = client_as("coordinator_a")
    page = client.get(f"/my/index/{draft.pk}/").content.decode()
    assert "Change the optional areas" in page and 'name="optional" value="participation"' in page
    response = client.post(f"/my/index/{draft.pk}/", {"optional": ["participation"]}, follow=True)
    assert list(draft.optional_areas.values_list("code", flat=True)) == ["participation"]
    assert "Optional areas changed." in response.content.decode()
    assert "optional areas changed" in response.content.decode()  # the history names the step
    client.post(f"/my/index/{draft.pk}/", {})
    assert not draft.optional_areas.exists()


def test_optional_areas_are_refused_once_submitted_and_unknown_codes_are_named(client_as, draft, coordinator_a):
    client = client_as("coordinator_a")
    page = client.post(f"/my/index/{draft.pk}/", {"optional": ["nope"]}, follow=True).content.decode()
    assert "Unknown optional area(s): nope" in page
    services.assessment_submit(assessment=draft, by=coordinator_a)
    page = client.post(f"/my/index/{draft.pk}/", {"optional": ["participation"]}, follow=True).content.decode()
    assert "answers can only change in a draft" in page
    assert not draft.optional_areas.exists()
    assert "Change the optional areas" not in client.get(f"/my/index/{draft.pk}/").content.decode()


def test_only_coordinators_change_the_optional_areas(client, client_as, draft, city_a, coordinator_a):
    colleague = coordinator_of(city_a, "colleague@test.example", role=Membership.Role.COLLEAGUE)
    services.area_assign(
        assessment=draft, area=IndexArea.objects.get(code="education"), user=colleague, by=coordinator_a
    )
    client.force_login(colleague)
    assert "Change the optional areas" not in client.get(f"/my/index/{draft.pk}/").content.decode()
    assert client.post(f"/my/index/{draft.pk}/", {"optional": ["participation"]}).status_code == 404
    assert client_as("coordinator_b").post(f"/my/index/{draft.pk}/", {"optional": ["participation"]}).status_code == 404
    assert not draft.optional_areas.exists()


def test_history_and_errors_are_in_french_on_the_french_desk(client_as, draft):
    client = client_as("coordinator_a")
    page = client.post(f"/fr/my/index/{draft.pk}/", {"optional": ["nope"]}, follow=True).content.decode()
    assert "Domaine(s) facultatif(s) inconnu(s) : nope" in page
    assert "commencée" in page  # the history's "created" step


NUL = "a\x00b"


@pytest.mark.parametrize("city", ["abc", "", NUL])
def test_starting_an_assessment_with_an_impossible_city_says_so_and_keeps_the_year(client_as, edition, city):
    response = client_as("coordinator_a").post("/my/index/", {"city": city, "edition": edition.pk, "year": "2030"})
    assert response.status_code == 200
    assert "City: " in response.content.decode() and 'value="2030"' in response.content.decode()


@pytest.mark.parametrize(
    "data", [{"remove": "abc"}, {"remove": "x:commitment"}, {"remove": f"1:{NUL}"}, {"member": "abc"}, {"member": NUL}]
)
def test_a_team_button_value_that_names_no_member_is_a_404(client_as, draft, data):
    assert client_as("coordinator_a").post(f"/my/index/{draft.pk}/team/", data).status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        {"email": f"{NUL}@x.org"},
        {"email": "x" * 300 + "@example.org"},
        {"email": "new@test.example", "first_name": NUL, "areas": ["zz", NUL]},
        {"email": "new@test.example", "department": "d" * 300},
    ],
)
def test_inviting_a_colleague_with_impossible_details_says_what_is_wrong(client_as, draft, data):
    response = client_as("coordinator_a").post(f"/my/index/{draft.pk}/team/", data, follow=True)
    assert response.status_code == 200
    levels = [m.level_tag for m in response.context["messages"]]
    assert levels and set(levels) == {"error"}
    assert not draft.assignments.exists()


def test_a_workflow_comment_with_a_null_character_is_refused_with_a_message(client_as, edition, city_a, coordinator_a):
    assessment = services.assessment_create(city=city_a, edition=edition, year=2025, by=coordinator_a)
    services.assessment_submit(assessment=assessment, by=coordinator_a)
    client = client_as("secretariat")
    for step in ("validate", "return"):
        response = client.post(f"/my/index/{assessment.pk}/{step}/", {"comment": NUL}, follow=True)
        assert "null character" in " ".join(str(m) for m in response.context["messages"])
    assessment.refresh_from_db()
    assert assessment.status == "submitted"


def test_an_override_reason_with_a_null_character_is_refused_with_a_message(client_as, edition, city_a, coordinator_a):
    assessment = services.assessment_create(city=city_a, edition=edition, year=2025, by=coordinator_a)
    services.assessment_submit(assessment=assessment, by=coordinator_a)
    response = client_as("secretariat").post(
        f"/my/index/{assessment.pk}/override/c.statement/", {"points": "1", "reason": NUL}, follow=True
    )
    assert "null character" in " ".join(str(m) for m in response.context["messages"])
    assert not Answer.objects.filter(assessment=assessment).exists()  # refused before any row is written (bug 4)


def test_an_edition_or_question_code_with_a_null_byte_in_the_url_is_a_404(client_as, draft, city_a):
    client = client_as("secretariat")
    assert client.get("/index/secretariat/%00/2020/answers.csv").status_code == 404
    assert client.get("/index/secretariat/%00/2020/results.csv").status_code == 404
    assert client.get(f"/cities/{city_a.slug}/index/%00/2020/").status_code == 404
    assert client.post(f"/my/index/{draft.pk}/override/%00/", {"points": "1"}).status_code == 404


def test_the_secretariat_overview_ignores_an_impossible_edition_or_year(client_as, edition):
    client = client_as("secretariat")
    assert client.get("/index/secretariat/", {"edition": NUL}).context["edition"] == edition
    assert client.get("/index/secretariat/", {"year": "99999999999999999999"}).status_code == 200
