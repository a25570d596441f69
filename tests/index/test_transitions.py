"""One transition table for the assessment workflow: the services check it, the desk asks it what to offer."""

import pytest

from core.errors import StateConflict
from index import services
from index.transitions import ASSESSMENT_WORKFLOW, available_actions

pytestmark = pytest.mark.django_db


def test_the_table_is_the_contracts_workflow():
    moves = {(t.action, source, t.target) for t in ASSESSMENT_WORKFLOW.transitions for source in t.sources}
    assert moves == {
        ("submit", "draft", "submitted"),
        ("validate", "submitted", "validated"),
        ("publish", "validated", "published"),
        ("return", "submitted", "draft"),
        ("return", "validated", "draft"),
    }


def test_services_refuse_a_move_the_table_does_not_allow_with_a_readable_message(
    edition, city_a, coordinator_a, secretariat
):
    assessment = services.assessment_create(city=city_a, edition=edition, year=2024, by=coordinator_a)
    with pytest.raises(StateConflict, match="Only a submitted assessment can be validated; this one is draft."):
        services.assessment_validate(assessment=assessment, by=secretariat)
    with pytest.raises(StateConflict, match="A draft assessment cannot be returned."):
        services.assessment_return(assessment=assessment, by=secretariat, comment="Why?")
    services.assessment_submit(assessment=assessment, by=coordinator_a)
    with pytest.raises(StateConflict, match="Only a draft assessment can be submitted; this one is submitted."):
        services.assessment_step(assessment=assessment, action="submit", by=coordinator_a)
    returned = services.assessment_step(assessment=assessment, action="return", by=secretariat, comment="Links.")
    assert returned.status == "draft" and returned.core is None


def test_available_actions_depend_on_the_status_and_the_person(
    edition, city_a, coordinator_a, coordinator_b, secretariat
):
    assessment = services.assessment_create(city=city_a, edition=edition, year=2024, by=coordinator_a)

    def names(user):
        return [t.action for t in available_actions(assessment, user)]

    assert (names(coordinator_a), names(coordinator_b), names(secretariat)) == (["submit"], [], ["submit"])
    assessment = services.assessment_submit(assessment=assessment, by=coordinator_a)
    assert (names(coordinator_a), names(secretariat)) == ([], ["validate", "return"])
