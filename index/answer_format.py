"""What an answer may look like, as the desk's form and `PUT …/answers/` send it: checked on plain data.

Like `edition_format` for the edition file, this module names every problem of a list of answers at once and
reads no database: the questions come in as `scoring.QuestionSpec` (their kind and choice codes), and where a
code belongs to another edition the caller says which (`elsewhere`). Who may answer which area, and whether the
assessment still takes answers, are the services' to decide.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from .choices import BAND_KINDS, CHOICE_KINDS, QuestionKind
from .scoring import QuestionSpec

ANSWER_KEYS = {"question", "choices", "value", "text", "comment", "evidence_url"}
TEXT_KEYS = ("text", "comment", "evidence_url")


def answers_problems(
    items: list, questions: Mapping[str, QuestionSpec], *, edition: str, elsewhere: Mapping[str, str] | None = None
) -> list[str]:
    """Every problem of the items, each naming the answer or question it is about; empty when all can be saved."""
    if not isinstance(items, list):
        return [_("Send a list of answers.")]
    problems = []
    for position, item in enumerate(items, start=1):
        problems += answer_problems(item, position, questions, edition=edition, elsewhere=elsewhere)
    return problems


def answer_problems(
    item,
    position: int,
    questions: Mapping[str, QuestionSpec],
    *,
    edition: str,
    elsewhere: Mapping[str, str] | None = None,
) -> list[str]:
    if not isinstance(item, dict):
        return [_("Answer %(n)s: must be an object with a question code.") % {"n": position}]
    problems = _unknown_keys(item, position)
    code = item.get("question")
    question = questions.get(code) if isinstance(code, str) else None
    if question is None:
        return problems + [_unknown_question(code, position, edition, elsewhere or {})]
    where = {"code": code, "kind": str(QuestionKind(question.kind).label).lower()}
    if "choices" in item:
        problems += _choice_problems(item["choices"] or [], question, where)
    if "value" in item and item["value"] not in (None, ""):
        problems += _value_problems(item["value"], question, where)
    problems += _text_problems(item, question, where)
    return problems


def unknown_codes(items, questions: Mapping[str, QuestionSpec]) -> set[str]:
    """The question codes the items name that this edition does not have (to ask where they belong)."""
    if not isinstance(items, list):
        return set()
    codes = {item.get("question") for item in items if isinstance(item, dict)}
    return {code for code in codes if isinstance(code, str) and code not in questions and "\x00" not in code}


def _unknown_keys(item: dict, position: int) -> list[str]:
    unknown = set(item) - ANSWER_KEYS
    if not unknown:
        return []
    return [_("Answer %(n)s: unknown key(s) %(keys)s.") % {"n": position, "keys": ", ".join(sorted(map(str, unknown)))}]


def _unknown_question(code, position: int, edition: str, elsewhere: Mapping[str, str]) -> str:
    if isinstance(code, str) and code in elsewhere:
        return _("Question '%(code)s' belongs to edition %(other)s, not %(edition)s.") % {
            "code": code,
            "other": elsewhere[code],
            "edition": edition,
        }
    return _("Answer %(n)s: unknown question '%(code)s' in %(edition)s.") % {
        "n": position,
        "code": code,
        "edition": edition,
    }


def _choice_problems(choices, question: QuestionSpec, where: dict) -> list[str]:
    if question.kind not in CHOICE_KINDS:
        return [_("Question '%(code)s' (%(kind)s) takes no choices.") % where]
    if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
        return [_("Question '%(code)s': choices must be a list of choice codes.") % where]
    known = [c.code for c in question.choices]
    problems = [
        _("Question '%(code)s': unknown choice '%(choice)s' (use one of %(known)s).")
        % {**where, "choice": c, "known": ", ".join(known)}
        for c in choices
        if c not in known
    ]
    if question.kind != QuestionKind.MULTIPLE and len(set(choices)) > 1:
        problems.append(_("Question '%(code)s': only one choice may be given.") % where)
    return problems


def _value_problems(given, question: QuestionSpec, where: dict) -> list[str]:
    if question.kind not in BAND_KINDS:
        return [_("Question '%(code)s' (%(kind)s) takes no number.") % where]
    try:
        value = float(given)
    except (TypeError, ValueError):
        value = math.nan
    if isinstance(given, bool) or not math.isfinite(value):
        return [_("Question '%(code)s': '%(value)s' is not a number.") % {**where, "value": given}]
    if question.kind == QuestionKind.PERCENT and not 0 <= value <= 100:
        return [
            _("Question '%(code)s': a percentage must be between 0 and 100, not %(value)s.") % {**where, "value": given}
        ]
    if value < 0:
        return [_("Question '%(code)s': the number cannot be negative.") % where]
    return []


def _text_problems(item: dict, question: QuestionSpec, where: dict) -> list[str]:
    problems = []
    if item.get("text") and question.kind != QuestionKind.TEXT:
        problems.append(_("Question '%(code)s' (%(kind)s) takes no text answer: use the comment.") % where)
    if item.get("text") is not None and not isinstance(item["text"], str):
        problems.append(_("Question '%(code)s': the text must be a string.") % where)
    for key in ("comment", "evidence_url"):
        if item.get(key) is not None and not isinstance(item[key], str):
            problems.append(_("Question '%(code)s': %(key)s must be a string.") % {**where, "key": key})
    for key in TEXT_KEYS:
        if isinstance(item.get(key), str) and "\x00" in item[key]:
            problems.append(_("Question '%(code)s': %(key)s contains a null character.") % {**where, "key": key})
    link = item.get("evidence_url")
    if isinstance(link, str) and link.strip() and not _is_web_address(link.strip()):
        problems.append(
            _("Question '%(code)s': the evidence link '%(url)s' is not a web address.") % {**where, "url": link}
        )
    return problems


def _is_web_address(text: str) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        return False
    return True
