"""The review page as the secretariat reads it again (issue 10, item 8): earlier ratings prefilled, earlier
assessments by the criteria's names in their order, the workflow not numbered newest first."""

import pytest
from django.urls import reverse

from goodpractices import services

from .factories import GoodPracticeFactory, field_of_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def resubmitted(city_a, coordinator_a, secretariat):
    practice = GoodPracticeFactory(city=city_a, status="submitted", title="Night library",
                                   main_field=field_of_action("3"))  # fmt: skip
    services.practice_request_changes(
        practice=practice, by=secretariat, comment="Say what changed.",
        criteria={"can_be_generalised": {"rating": "partly", "note": "Who else could do it?"},
                  "goal_oriented": {"rating": "met", "note": ""}},
    )  # fmt: skip
    type(practice).objects.filter(pk=practice.pk).update(status="submitted")  # the city resubmitted
    practice.refresh_from_db()
    return practice


def test_earlier_ratings_are_prefilled(client_as, resubmitted):
    page = client_as("secretariat").get(reverse("review-practice", args=[resubmitted.pk])).content.decode()
    assert '<option value="met" selected>' in page
    assert '<option value="partly" selected>' in page
    assert "Who else could do it?</textarea>" in page


def test_earlier_assessments_use_the_criteria_names_in_their_order(client_as, resubmitted):
    page = client_as("secretariat").get(reverse("review-practice", args=[resubmitted.pk])).content.decode()
    earlier = page.split("Earlier assessments")[1].split("<aside")[0]
    assert "Partly met" in earlier and ">partly<" not in earlier and "can_be_generalised" not in earlier
    assert earlier.index("Goal-oriented") < earlier.index("Who else could do it?")


def test_the_workflow_is_not_a_numbered_list(client_as, resubmitted):
    page = client_as("secretariat").get(reverse("review-practice", args=[resubmitted.pk])).content.decode()
    workflow = page.split(">Workflow<")[1]
    assert '<ul class="govuk-list icc-timeline">' in workflow and "<ol" not in workflow.split("</ul>")[0]


def test_the_coordinator_reads_the_per_criterion_notes_on_the_form(client_as, city_a, secretariat):
    practice = GoodPracticeFactory(city=city_a, status="submitted", title="Night library",
                                   main_field=field_of_action("3"))  # fmt: skip
    services.practice_request_changes(
        practice=practice, by=secretariat, comment="Say what changed.",
        criteria={"goal_oriented": {"rating": "partly", "note": "Name the goal in one sentence."}},
    )  # fmt: skip
    page = client_as("coordinator_a").get(reverse("practice_desk:edit", args=[practice.pk])).content.decode()
    banner = page.split("Changes requested by the secretariat")[1].split("</div>\n</div>")[0]
    assert "Goal-oriented" in banner and "Name the goal in one sentence." in banner


def test_the_french_review_page_names_fields_and_criteria_in_french(client_as, resubmitted):
    import re

    from django.utils import translation

    with translation.override("fr"):
        path = reverse("review-practice", args=[resubmitted.pk])
    page = client_as("secretariat").get(path).content.decode()
    visible = " ".join(re.findall(r">([^<]+)<", page.split('id="main"')[1]))
    assert "Personne de contact" in visible and "Partiellement rempli" in visible
    assert not re.findall(r"\b[a-z]+_[a-z_]+\b", visible), "raw field or criterion codes on screen"
