"""Comparing two saved versions of a practice, field by field and word by word (pure functions)."""

import difflib
import re
from dataclasses import dataclass

from . import template

_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass
class FieldDiff:
    name: str
    segments: list[tuple[str, str]]  # ("equal" | "delete" | "insert", text)


def _as_text(value) -> str:
    if isinstance(value, list):
        return "\n".join(str(item) for item in value)
    return "" if value is None else str(value)


def diff_words(old: str, new: str) -> list[tuple[str, str]]:
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    segments = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            segments.append(("delete", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            segments.append(("insert", "".join(b[j1:j2])))
        if tag == "equal":
            segments.append(("equal", "".join(a[i1:i2])))
    return segments


def diff_snapshots(old: dict, new: dict, fields=template.TEMPLATE) -> list[FieldDiff]:
    """The fields that differ between two snapshots (see template.snapshot), in template order."""
    changes = []
    for field in fields:
        before, after = _as_text(old.get(field.name)), _as_text(new.get(field.name))
        if before != after:
            changes.append(FieldDiff(name=field.name, segments=diff_words(before, after)))
    return changes


def labelled_rows(changes: list[FieldDiff], fields=template.TEMPLATE) -> list[tuple[str, list]]:
    """(field label, diff segments) rows for the diff table."""
    labels = {field.name: field.label for field in fields}
    return [(labels.get(change.name, change.name), change.segments) for change in changes]
