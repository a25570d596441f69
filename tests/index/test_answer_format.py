"""What an answer may look like, checked on plain data: no database, like the scoring rules."""

import pytest

from index.answer_format import answer_problems, answers_problems, unknown_codes
from index.scoring import BandSpec, ChoiceSpec, QuestionSpec

YES_NO = (ChoiceSpec("yes", 1), ChoiceSpec("no", 0))
QUESTIONS = {
    "statement": QuestionSpec("statement", "yes_no", choices=YES_NO),
    "means": QuestionSpec("means", "multiple", choices=(ChoiceSpec("a", 1), ChoiceSpec("b", 1))),
    "share": QuestionSpec("share", "percent", bands=(BandSpec(0, None, 1),)),
    "count": QuestionSpec("count", "number", bands=(BandSpec(0, None, 1),)),
    "notes": QuestionSpec("notes", "text", data_kind="fact"),
}


def problems(*items, elsewhere=None):
    return answers_problems(list(items), QUESTIONS, edition="T-1", elsewhere=elsewhere)


def test_good_answers_have_no_problem():
    assert (
        problems(
            {"question": "statement", "choices": ["yes"], "comment": "Voted", "evidence_url": "https://x.example/v"},
            {"question": "means", "choices": ["a", "b"]},
            {"question": "share", "value": "12.5"},
            {"question": "count", "value": 0},
            {"question": "notes", "text": "Five departments"},
            {"question": "statement", "comment": "a comment alone keeps the choice"},
            {"question": "share", "value": None},
        )
        == []
    )


def test_answers_that_are_not_a_list_are_refused():
    assert answers_problems("a string", QUESTIONS, edition="T-1") == ["Send a list of answers."]


def test_every_problem_is_named_with_its_answer_or_question():
    found = problems(
        "not an object",
        {"question": "nope"},
        {"question": "statement", "choices": ["yes", "no"], "colour": "blue"},
        {"question": "means", "choices": ["a", "zz"]},
        {"question": "share", "value": 130},
        {"question": "count", "value": -1},
        {"question": "count", "value": "ten"},
        {"question": "statement", "value": 3, "text": "yes"},
        {"question": "notes", "choices": ["a"]},
        {"question": "notes", "evidence_url": "not a link"},
    )
    assert found == [
        "Answer 1: must be an object with a question code.",
        "Answer 2: unknown question 'nope' in T-1.",
        "Answer 3: unknown key(s) colour.",
        "Question 'statement': only one choice may be given.",
        "Question 'means': unknown choice 'zz' (use one of a, b).",
        "Question 'share': a percentage must be between 0 and 100, not 130.",
        "Question 'count': the number cannot be negative.",
        "Question 'count': 'ten' is not a number.",
        "Question 'statement' (yes / no) takes no number.",
        "Question 'statement' (yes / no) takes no text answer: use the comment.",
        "Question 'notes' (text) takes no choices.",
        "Question 'notes': the evidence link 'not a link' is not a web address.",
    ]


@pytest.mark.parametrize("value", [True, "nan", "inf", float("inf"), [1]])
def test_a_value_that_is_not_a_finite_number_is_refused(value):
    assert answer_problems({"question": "count", "value": value}, 1, QUESTIONS, edition="T-1") == [
        f"Question 'count': '{value}' is not a number."
    ]


@pytest.mark.parametrize("key", ["text", "comment", "evidence_url"])
def test_null_characters_and_non_text_are_refused_in_every_text(key):
    assert f"Question 'notes': {key} contains a null character." in problems({"question": "notes", key: "a\x00b"})
    assert any("must be a" in p for p in problems({"question": "notes", key: ["a list"]}))


def test_choices_must_be_a_list_of_codes():
    assert problems({"question": "means", "choices": "a"}) == [
        "Question 'means': choices must be a list of choice codes."
    ]


def test_a_question_of_another_edition_says_which():
    items = [{"question": "old.code", "choices": ["yes"]}, {"question": "statement"}, {"question": "x\x00"}]
    assert unknown_codes(items, QUESTIONS) == {"old.code"}  # a code with a NUL is never looked up
    assert problems(items[0], elsewhere={"old.code": "ICC-2019"}) == [
        "Question 'old.code' belongs to edition ICC-2019, not T-1."
    ]
