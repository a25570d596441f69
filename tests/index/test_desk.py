"""The desk after the move to rooms: the scored flag, overrides, the workflow's buttons, "answered", filters."""

import copy
import re

import pytest

from cities.models import Membership
from core.errors import StateConflict
from index import scoring, selectors, services
from index.models import Answer, IndexArea, Question

from ..factories import CityFactory, coordinator_of
from .factories import SMALL, assessment_through, small_edition

pytestmark = pytest.mark.django_db

NOTHING = [{"code": "a", "label": {"en": "A"}, "points": 0}, {"code": "b", "label": {"en": "B"}, "points": 0}]


@pytest.fixture
def draft(edition, city_a, coordinator_a):
    return services.assessment_create(city=city_a, edition=edition, year=2025, by=coordinator_a)


def _fieldset(page: str, code: str) -> str:
    # A question's card runs from its id to the next question's card (or the end of the page).
    return re.search(
        rf'class="icc-card question" id="q-{re.escape(code)}">.*?(?=class="icc-card question"|$)', page, re.S
    ).group()


def test_bug2_the_desk_marks_as_scored_exactly_what_the_scorer_scores(client_as, city_a, coordinator_a, secretariat):
    areas = copy.deepcopy(SMALL["areas"])
    statement = areas[0]["questions"][0]
    areas[0]["questions"] += [
        {**statement, "code": "c.weightless", "weight": 0},
        {**statement, "code": "c.worthless", "kind": "single", "choices": NOTHING},
    ]
    edition = small_edition(code="T-9", areas=areas)
    assessment = assessment_through(city_a, edition, 2025, by=coordinator_a, until="submitted")
    rows = selectors.area_questions(assessment, IndexArea.objects.get(edition=edition, code="commitment"))
    specs = {
        q.code: spec for area in selectors.edition_data(edition).spec.areas for q in area.questions for spec in [q]
    }
    assert {row.question.code: row.scored for row in rows} == {
        code: scoring.is_scored(specs[code])
        for code in ("c.statement", "c.means", "c.notes", "c.weightless", "c.worthless")
    }
    page = client_as("secretariat").get(f"/my/index/{assessment.pk}/areas/commitment/").content.decode()
    for code in ("c.notes", "c.weightless", "c.worthless"):
        assert "recorded, not scored" in _fieldset(page, code)
        assert f"/override/{code}/" not in page
    assert "recorded, not scored" not in _fieldset(page, "c.statement") and "/override/c.statement/" in page


def test_bug4_an_override_on_a_draft_leaves_no_answer_behind(client_as, draft, secretariat):
    response = client_as("secretariat").post(
        f"/my/index/{draft.pk}/override/c.means/", {"points": "1", "reason": "Counts."}, follow=True
    )
    assert "not on a draft" in " ".join(str(m) for m in response.context["messages"])
    assert not Answer.objects.filter(assessment=draft).exists()
    with pytest.raises(StateConflict):
        services.question_override(
            assessment=draft, question=Question.objects.get(code="c.means"), points=1, reason="x", by=secretariat
        )
    assert not Answer.objects.filter(assessment=draft).exists()


def test_an_override_without_an_answer_sets_the_points_once_submitted(client_as, draft, coordinator_a):
    services.assessment_submit(assessment=draft, by=coordinator_a)
    client_as("secretariat").post(f"/my/index/{draft.pk}/override/c.means/", {"points": "2", "reason": "Seen."})
    answer = Answer.objects.get(assessment=draft, question__code="c.means")
    assert (answer.override_points, answer.override_reason, answer.choices) == (2, "Seen.", [])


def _buttons(client, assessment) -> list[str]:
    page = client.get(f"/my/index/{assessment.pk}/").content.decode()
    return re.findall(rf'action="/my/index/{assessment.pk}/(submit|validate|publish|return)/"', page)


def test_the_desk_offers_the_moves_of_the_transition_table(client, client_as, draft, city_a, coordinator_a):
    colleague = coordinator_of(city_a, "colleague@test.example", role=Membership.Role.COLLEAGUE)
    client.force_login(colleague)
    coordinator, secretariat = client_as("coordinator_a"), client_as("secretariat")
    assert _buttons(coordinator, draft) == ["submit"] and _buttons(client, draft) == []
    assert _buttons(secretariat, draft) == ["submit"]  # the secretariat may act for the city
    services.assessment_submit(assessment=draft, by=coordinator_a)
    assert _buttons(coordinator, draft) == [] and _buttons(secretariat, draft) == ["validate", "return"]
    secretariat.post(f"/my/index/{draft.pk}/validate/")
    assert _buttons(secretariat, draft) == ["publish", "return"]
    secretariat.post(f"/my/index/{draft.pk}/publish/")
    assert _buttons(secretariat, draft) == [] and _buttons(coordinator, draft) == []


def test_a_step_that_is_not_in_the_table_is_a_404(client_as, draft):
    assert client_as("coordinator_a").post(f"/my/index/{draft.pk}/approve/").status_code == 404


def test_answered_means_the_same_on_the_desk_and_in_the_secretariats_overview(client_as, draft, coordinator_a):
    services.answers_save(
        assessment=draft,
        items=[
            {"question": "c.statement", "choices": ["yes"]},
            {"question": "c.means", "choices": [], "comment": "A comment alone is not an answer."},
            {"question": "e.share", "value": 0},
            {"question": "c.notes", "text": "   "},
        ],
        by=coordinator_a,
    )
    assert "2 of 5 questions answered" in client_as("coordinator_a").get(f"/my/index/{draft.pk}/").content.decode()
    # The overview counts the same questions as the desk: the optional area not taken is left out.
    assert "2 of 5" in client_as("secretariat").get("/index/secretariat/").content.decode()
    assert Answer.objects.given().count() == 2
    assert [a.is_given for a in Answer.objects.order_by("question__code")] == [False, False, True, True]


def test_the_history_names_each_step_from_the_choices(client_as, draft, coordinator_a, secretariat):
    services.assessment_submit(assessment=draft, by=coordinator_a)
    services.assessment_return(assessment=draft, by=secretariat, comment="More evidence.")
    page = client_as("coordinator_a").get(f"/fr/my/index/{draft.pk}/").content.decode()
    assert "commencée" in page and "renvoyée à la ville" in page


def test_the_desk_list_filters_through_the_assessment_filterset(client_as, edition, city_a, city_b, secretariat):
    assessment_through(city_a, edition, 2023, by=secretariat)
    assessment_through(city_b, edition, 2025, by=secretariat, until="draft")
    client = client_as("secretariat")

    def cities(query):
        return client.get("/my/index/", query).context["assessments"]

    assert {a.city.slug for a in cities({})} == {"city-a", "city-b"}
    assert [a.city.slug for a in cities({"status": "draft"})] == ["city-b"]
    assert [a.city.slug for a in cities({"city": "city-a", "year": "2023"})] == ["city-a"]
    assert {a.city.slug for a in cities({"year": "abc", "edition": "a\x00b"})} == {"city-a", "city-b"}
    assert [a.city.slug for a in client_as("coordinator_b").get("/my/index/").context["assessments"]] == ["city-b"]


def test_the_secretariat_overview_filters_through_the_same_filterset(client_as, edition, secretariat):
    for slug, until in (("alpha", "published"), ("beta", "submitted"), ("gamma", "draft")):
        assessment_through(CityFactory(slug=slug, name=slug.title()), edition, 2023, by=secretariat, until=until)
    client = client_as("secretariat")
    assert [a.city.slug for a in client.get("/index/secretariat/").context["assessments"]] == ["alpha", "beta", "gamma"]
    shown = client.get("/index/secretariat/", {"status": "submitted"})
    assert [a.city.slug for a in shown.context["assessments"]] == ["beta"]
    assert shown.context["gaps"][0]["unanswered"] == 1  # counted among the assessments shown
