"""One transition table: the services refuse what it refuses, and the pages offer what it allows."""

import pathlib
import re
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from goodpractices import services
from goodpractices.choices import PracticeStatus
from goodpractices.models import GoodPractice
from goodpractices.workflow import PRACTICE_WORKFLOW, available_actions

from .factories import GoodPracticeFactory

pytestmark = pytest.mark.django_db

COMPLETE = {"contact_person": "Ingrid Berg", "contact_email": "ingrid@bergen.example"}
TEMPLATES = pathlib.Path(__file__).resolve().parents[2] / "goodpractices" / "templates"

# Each service and the moves of the table it makes.
SERVICES = {
    "practice_update": ("edit",),
    "practice_submit": ("submit",),
    "practice_request_changes": ("request_changes",),
    "practice_reject": ("reject",),
    "practice_publish": ("publish", "republish"),
    "practice_unpublish": ("unpublish",),
    "practice_revise": ("revise",),
    "practice_delete": ("delete",),
}


def _call(name, practice, *, coordinator, secretariat):
    if name == "practice_update":
        return services.practice_update(practice=practice, by=coordinator, data={"title": "Changed"})
    if name in ("practice_submit", "practice_revise", "practice_delete"):
        return getattr(services, name)(practice=practice, by=coordinator)
    return getattr(services, name)(practice=practice, by=secretariat, comment="Because.")


@pytest.mark.parametrize("status", PracticeStatus.values)
@pytest.mark.parametrize("name", SERVICES)
def test_every_service_allows_exactly_what_the_table_allows(status, name, city_a, coordinator_a, secretariat):
    practice = GoodPracticeFactory(city=city_a, status=status, **COMPLETE)
    allowed = any(PRACTICE_WORKFLOW.can(SimpleNamespace(status=status), action) for action in SERVICES[name])
    if allowed:
        _call(name, practice, coordinator=coordinator_a, secretariat=secretariat)
    else:
        with pytest.raises(services.StateConflict):
            _call(name, practice, coordinator=coordinator_a, secretariat=secretariat)
        assert GoodPractice.objects.get(pk=practice.pk).status == status


@pytest.mark.parametrize(
    "status, persona, expected",
    [
        ("draft", "coordinator_a", ["edit", "submit", "delete"]),
        ("draft", "secretariat", ["edit", "submit", "delete"]),
        ("draft", "coordinator_b", []),
        ("draft", "anonymous", []),
        ("submitted", "coordinator_a", []),
        ("submitted", "secretariat", ["publish", "request_changes", "reject"]),
        ("changes_requested", "coordinator_a", ["edit", "submit"]),
        ("published", "coordinator_a", ["revise"]),
        ("published", "secretariat", ["unpublish", "revise"]),
        ("unpublished", "secretariat", ["republish", "revise"]),
        ("rejected", "secretariat", []),
    ],
)
def test_available_actions_depend_on_the_state_and_the_person(status, persona, expected, personas, city_a):
    practice = GoodPracticeFactory(city=city_a, status=status)
    user = personas[persona] or AnonymousUser()
    assert [action.action for action in available_actions(practice, user)] == expected


def test_no_template_restates_the_workflow_with_status_tests():
    tests = re.compile(r"status\s*(==|!=)|status\s+in\s")
    offenders = [
        str(path.relative_to(TEMPLATES)) for path in TEMPLATES.rglob("*.html") if tests.search(path.read_text())
    ]
    assert offenders == []


def test_the_review_page_offers_the_tables_moves(client_as, city_a, secretariat):
    practice = GoodPracticeFactory(city=city_a, status="unpublished", **COMPLETE)
    page = client_as("secretariat").get(reverse("review-practice", args=[practice.pk]))
    assert [action.action for action in page.context["actions"]] == ["republish"]
    assert 'value="republish"' in page.content.decode() and "Publish again" in page.content.decode()
    client_as("secretariat").post(reverse("review-practice", args=[practice.pk]), {"action": "republish"})
    assert GoodPractice.objects.get(pk=practice.pk).status == "published"


def test_the_status_page_offers_a_new_version_only_when_the_table_allows_it(client_as, city_a):
    published = GoodPracticeFactory(city=city_a, status="published", **COMPLETE)
    rejected = GoodPracticeFactory(city=city_a, status="rejected", **COMPLETE)
    client = client_as("coordinator_a")
    assert (
        "Edit: start a new version" in client.get(reverse("practice_desk:edit", args=[published.pk])).content.decode()
    )
    text = client.get(reverse("practice_desk:edit", args=[rejected.pk])).content.decode()
    assert "Edit: start a new version" not in text
    assert "The secretariat did not accept this practice." in text
