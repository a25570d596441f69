"""The kernel's pure parts: formula-safe CSV cells, the workflow table, the outbox."""

from types import SimpleNamespace

import pytest

from core.csv import safe_cell
from core.errors import StateConflict
from core.workflow import Transition, Workflow


@pytest.mark.parametrize(
    "typed",
    ['=HYPERLINK("http://evil")', "+cmd|' /C calc'!A0", "@SUM(A1:A9)", "-2+3", "\t=1+1", "\r=1+1", "\n=1"],
)
def test_a_cell_that_a_spreadsheet_would_run_is_text(typed):
    assert safe_cell(typed) == "'" + typed


def test_plain_values_keep_their_form():
    assert safe_cell("Bergen") == "Bergen"
    assert safe_cell(-2) == "-2"
    assert safe_cell(3.5) == "3.5"
    assert safe_cell(None) == ""
    assert safe_cell(["a", "b"]) == "a|b"
    assert safe_cell(["=x", "b"]) == "'=x|b"


WORKFLOW = Workflow(
    [
        Transition("submit", {"draft"}, "submitted", allowed=lambda user, obj: user == "coordinator"),
        Transition("publish", {"submitted"}, "published", allowed=lambda user, obj: user == "secretariat"),
    ]
)


def test_the_table_says_which_moves_a_state_allows_and_to_whom():
    draft = SimpleNamespace(status="draft")
    assert WORKFLOW.available_action_names(draft, "coordinator") == {"submit"}
    assert WORKFLOW.available_action_names(draft, "secretariat") == set()
    assert WORKFLOW.available_action_names(SimpleNamespace(status="submitted"), "secretariat") == {"publish"}


def test_a_move_the_state_does_not_allow_is_a_state_conflict():
    with pytest.raises(StateConflict, match="draft"):
        WORKFLOW.check(SimpleNamespace(status="draft"), "publish")
    assert WORKFLOW.check(SimpleNamespace(status="draft"), "submit").target == "submitted"


def test_a_move_sets_the_target_and_refuses_a_state_the_table_does_not_allow():
    class Thing:
        status = "draft"

        def get_status_display(self):
            return self.status.title()

    thing = Thing()
    assert WORKFLOW.move(thing, "submit") is None  # no history model: only the status moves
    assert thing.status == "submitted"
    with pytest.raises(StateConflict, match="cannot be done while it is submitted"):
        WORKFLOW.move(thing, "submit")
    assert WORKFLOW.conflict(thing, lambda status: f"A thing that is {status}").args == ("A thing that is submitted",)
