"""Filling an assessment together, answers as given, the workflow and overrides."""

import copy

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cities.models import Membership
from index import services
from index.models import Answer, AssessmentEvent, IndexArea
from index.selectors import assessment_results, compute_results

from ..factories import coordinator_of
from .factories import SMALL, small_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(edition, city_a, coordinator_a):
    return services.assessment_create(
        city=city_a, edition=edition, year=2024, optional_areas=["participation"], by=coordinator_a
    )


@pytest.fixture
def colleague(city_a, assessment, coordinator_a):
    user = coordinator_of(city_a, "teacher@test.example", role=Membership.Role.COLLEAGUE)
    services.area_assign(
        assessment=assessment, area=IndexArea.objects.get(code="education"), user=user, by=coordinator_a
    )
    return user


def test_one_assessment_per_city_edition_and_year(assessment, edition, city_a, coordinator_a):
    with pytest.raises(ValidationError, match="already has an assessment"):
        services.assessment_create(city=city_a, edition=edition, year=2024, by=coordinator_a)


def test_coordinator_of_another_city_cannot_start_an_assessment(edition, city_a, coordinator_b):
    with pytest.raises(PermissionDenied):
        services.assessment_create(city=city_a, edition=edition, year=2024, by=coordinator_b)


def test_unknown_optional_area_is_named(edition, city_a, coordinator_a):
    with pytest.raises(ValidationError, match="Unknown optional area.*commitment"):
        services.assessment_create(
            city=city_a, edition=edition, year=2024, optional_areas=["commitment"], by=coordinator_a
        )


def test_answers_are_saved_as_given_with_who_and_when(assessment, coordinator_a):
    services.answers_save(
        assessment=assessment,
        items=[
            {
                "question": "c.statement",
                "choices": ["yes"],
                "comment": "Voted in 2019",
                "evidence_url": "https://x.example/r",
            },
            {"question": "e.share", "value": 12.5},
            {"question": "c.notes", "text": "Drafted with five departments."},
        ],
        by=coordinator_a,
    )
    answer = Answer.objects.get(question__code="c.statement")
    assert (answer.choices, answer.comment, answer.evidence_url) == (["yes"], "Voted in 2019", "https://x.example/r")
    assert answer.answered_by == coordinator_a and answer.answered_at is not None
    assert Answer.objects.get(question__code="e.share").value == 12.5


def test_a_comment_alone_keeps_the_answer_and_its_author(assessment, coordinator_a, colleague):
    services.answers_save(assessment=assessment, items=[{"question": "e.training", "choices": ["yes"]}], by=colleague)
    services.answers_save(
        assessment=assessment, items=[{"question": "e.training", "comment": "Checked."}], by=coordinator_a
    )
    answer = Answer.objects.get(question__code="e.training")
    assert answer.choices == ["yes"] and answer.answered_by == colleague and answer.comment == "Checked."


def test_bad_answers_are_refused_by_name_and_nothing_is_written(assessment, coordinator_a):
    services.answers_save(
        assessment=assessment, items=[{"question": "c.statement", "choices": ["no"]}], by=coordinator_a
    )
    other = small_edition(code="T-2")
    assert other.questions.filter(code="c.statement").exists()
    with pytest.raises(ValidationError) as error:
        services.answers_save(
            assessment=assessment,
            items=[
                {"question": "c.statement", "choices": ["yes"]},
                {"question": "nope"},
                {"question": "c.means", "choices": ["a", "zz"]},
                {"question": "e.share", "value": 130},
                {"question": "e.training", "choices": ["yes", "no"]},
                {"question": "c.statement", "evidence_url": "not a link"},
            ],
            by=coordinator_a,
        )
    messages = error.value.messages
    assert "Answer 2: unknown question 'nope' in T-1." in messages
    assert "Question 'c.means': unknown choice 'zz' (use one of a, b, c)." in messages
    assert "Question 'e.share': a percentage must be between 0 and 100, not 130." in messages
    assert "Question 'e.training': only one choice may be given." in messages
    assert any("is not a web address" in m for m in messages)
    assert Answer.objects.get(question__code="c.statement").choices == ["no"]


def test_question_of_another_edition_is_named(assessment, coordinator_a):
    area = copy.deepcopy(SMALL["areas"][0])
    area["questions"] = [{**area["questions"][0], "code": "only.there"}]
    small_edition(code="OTHER", areas=[area])
    with pytest.raises(ValidationError, match="'only.there' belongs to edition OTHER, not T-1"):
        services.answers_save(
            assessment=assessment, items=[{"question": "only.there", "choices": ["yes"]}], by=coordinator_a
        )


def test_colleague_answers_only_the_areas_assigned(assessment, colleague):
    services.answers_save(assessment=assessment, items=[{"question": "e.training", "choices": ["yes"]}], by=colleague)
    with pytest.raises(PermissionDenied, match="'Commitment' is not assigned to you"):
        services.answers_save(
            assessment=assessment, items=[{"question": "c.statement", "choices": ["yes"]}], by=colleague
        )
    assert not Answer.objects.filter(question__code="c.statement").exists()


def test_colleague_cannot_assign_areas_or_submit(assessment, colleague):
    with pytest.raises(PermissionDenied):
        services.area_assign(
            assessment=assessment, area=IndexArea.objects.get(code="commitment"), user=colleague, by=colleague
        )
    with pytest.raises(PermissionDenied):
        services.assessment_submit(assessment=assessment, by=colleague)


def test_only_members_of_the_city_can_be_assigned(assessment, coordinator_a, coordinator_b):
    with pytest.raises(ValidationError, match="not a member"):
        services.area_assign(
            assessment=assessment, area=IndexArea.objects.get(code="education"), user=coordinator_b, by=coordinator_a
        )


def test_coordinator_of_another_city_cannot_answer(assessment, coordinator_b):
    with pytest.raises(PermissionDenied):
        services.answers_save(
            assessment=assessment, items=[{"question": "c.statement", "choices": ["yes"]}], by=coordinator_b
        )


def test_workflow_draft_submitted_validated_published(assessment, coordinator_a, secretariat):
    services.answers_save(
        assessment=assessment, items=[{"question": "c.statement", "choices": ["yes"]}], by=coordinator_a
    )
    services.assessment_submit(assessment=assessment, by=coordinator_a)
    with pytest.raises(services.StateConflict, match="answers can only change in a draft"):
        services.answers_save(
            assessment=assessment, items=[{"question": "c.statement", "choices": ["no"]}], by=coordinator_a
        )
    with pytest.raises(services.StateConflict):
        services.assessment_publish(assessment=assessment, by=secretariat)
    validated = services.assessment_validate(assessment=assessment, by=secretariat)
    assert validated.status == "validated" and validated.core is not None
    published = services.assessment_publish(assessment=assessment, by=secretariat)
    assert published.status == "published" and published.published_at
    actions = list(AssessmentEvent.objects.filter(assessment=assessment).values_list("action", flat=True))
    assert actions == ["created", "submitted", "validated", "published"]


def test_only_the_secretariat_validates(assessment, coordinator_a):
    services.assessment_submit(assessment=assessment, by=coordinator_a)
    with pytest.raises(PermissionDenied):
        services.assessment_validate(assessment=assessment, by=coordinator_a)


def test_return_needs_a_comment_and_reopens_the_draft(assessment, coordinator_a, secretariat):
    services.assessment_submit(assessment=assessment, by=coordinator_a)
    with pytest.raises(ValidationError, match="comment is required"):
        services.assessment_return(assessment=assessment, by=secretariat, comment=" ")
    returned = services.assessment_return(assessment=assessment, by=secretariat, comment="Add evidence for 2.")
    assert returned.status == "draft"
    assert AssessmentEvent.objects.filter(action="returned", comment="Add evidence for 2.").exists()
    services.answers_save(
        assessment=assessment, items=[{"question": "c.statement", "choices": ["yes"]}], by=coordinator_a
    )


def test_override_counts_keeps_the_original_and_rescores(assessment, coordinator_a, secretariat):
    services.answers_save(
        assessment=assessment, items=[{"question": "c.statement", "choices": ["no"]}], by=coordinator_a
    )
    services.assessment_submit(assessment=assessment, by=coordinator_a)
    services.assessment_validate(assessment=assessment, by=secretariat)
    answer = Answer.objects.get(question__code="c.statement")
    with pytest.raises(ValidationError, match="reason"):
        services.answer_override(answer=answer, points=1, reason="", by=secretariat)
    services.answer_override(answer=answer, points=1, reason="The 2019 resolution counts.", by=secretariat)
    answer.refresh_from_db()
    assert answer.choices == ["no"] and answer.override_points == 1
    assessment.refresh_from_db()
    # Commitment: statement 1/1, means 0/2 (equal weights) → 50.
    assert assessment.area_scores["commitment"] == 50
    assert assessment_results(assessment)["areas"]["commitment"] == 50


def test_override_is_the_secretariats_and_not_on_drafts(assessment, coordinator_a, secretariat):
    services.answers_save(
        assessment=assessment, items=[{"question": "c.statement", "choices": ["no"]}], by=coordinator_a
    )
    answer = Answer.objects.get(question__code="c.statement")
    with pytest.raises(services.StateConflict):
        services.answer_override(answer=answer, points=1, reason="x", by=secretariat)
    with pytest.raises(PermissionDenied):
        services.answer_override(answer=answer, points=1, reason="x", by=coordinator_a)


def test_live_results_of_a_draft(assessment, coordinator_a):
    services.answers_save(
        assessment=assessment,
        items=[
            {"question": "c.statement", "choices": ["yes"]},
            {"question": "c.means", "choices": ["a", "b", "c"]},
            {"question": "e.share", "value": 20},
            {"question": "p.budget", "choices": ["yes"]},
        ],
        by=coordinator_a,
    )
    results = compute_results(assessment)
    assert results.areas == {"commitment": 100, "education": 25, "participation": 100}
    assert results.groups == {"lens": 25}
    assert results.core == 62.5
    assert results.extended == 75


def test_colleague_invite_sends_an_invitation_and_assigns(assessment, coordinator_a, celery_worker):
    area = IndexArea.objects.get(code="education")
    membership = services.colleague_invite(
        assessment=assessment, email="school@test.example", areas=[area], by=coordinator_a, department="Schools"
    )
    assert membership.role == "colleague"
    assert assessment.assignments.filter(user=membership.user, area=area).exists()
    (mail,) = celery_worker.wait_for_mail(1)
    assert mail["To"] == "school@test.example"
