"""The Index edition file of the contract (YAML or JSON): reading, checking and writing it.

`edition_problems` names every problem of a file at once (not just the first), so that the secretariat can
fix a file in one go. `normalize` returns the canonical form, which `export` produces again: importing a
file and exporting it gives back the same data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from .choices import BAND_KINDS, CHOICE_KINDS, DataKind, QuestionKind

LANGUAGES = ("en", "fr")
KINDS = {k.value for k in QuestionKind}
DATA_KINDS = {k.value for k in DataKind}


def load_text(text: str) -> dict:
    """YAML is a superset of JSON, so one parser reads both."""
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError("An edition file must hold a mapping with code, title, groups and areas.")
    return data


def load_path(path: str | Path) -> dict:
    return load_text(Path(path).read_text(encoding="utf-8"))


def dump(data: dict, fmt: str = "yaml") -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


# Checking ---------------------------------------------------------------------------------------------------


def edition_problems(data: Any, *, known_fields: set[str] | None = None) -> list[str]:
    """Every problem of an edition file, each naming where it is. Empty when the file can be imported."""
    if not isinstance(data, dict):
        return ["The edition must be a mapping with code, title, groups and areas."]
    problems: list[str] = []
    if not _is_code(data.get("code")):
        problems.append("The edition needs a code of letters, digits, '-' or '_' (e.g. ICC-2019).")
    _check_text(data.get("title"), "The edition's title", problems)
    groups = data.get("groups") or []
    areas = data.get("areas") or []
    if not isinstance(groups, list):
        problems.append("groups must be a list.")
        groups = []
    if not isinstance(areas, list) or not areas:
        problems.append("The edition needs a list of areas.")
        areas = areas if isinstance(areas, list) else []
    group_codes = _codes([g for g in groups if isinstance(g, dict)], "group", problems)
    for group in groups:
        if not isinstance(group, dict):
            problems.append("Each group must be a mapping with code and title.")
            continue
        _check_text(group.get("title"), f"Group '{group.get('code')}': the title", problems)
    _codes([a for a in areas if isinstance(a, dict)], "area", problems)
    question_codes = set()
    for area in areas:
        if not isinstance(area, dict):
            problems.append("Each area must be a mapping.")
            continue
        where = f"Area '{area.get('code')}'"
        _check_text(area.get("title"), f"{where}: the title", problems)
        group = area.get("group")
        if group is not None and group not in group_codes:
            problems.append(f"{where}: unknown group '{group}'.")
        _check_weight(area.get("weight", 1), where, problems)
        fields = area.get("fields_of_action") or []
        if not isinstance(fields, list):
            problems.append(f"{where}: fields_of_action must be a list of codes.")
        elif known_fields is not None:
            for code in fields:
                if str(code) not in known_fields:
                    problems.append(f"{where}: unknown field of action '{code}'.")
        questions = area.get("questions") or []
        if not isinstance(questions, list):
            problems.append(f"{where}: questions must be a list.")
            continue
        for question in questions:
            if not isinstance(question, dict):
                problems.append(f"{where}: each question must be a mapping.")
                continue
            code = question.get("code")
            if not _is_code(code, dots=True):
                problems.append(f"{where}: a question has no valid code.")
            elif code in question_codes:
                problems.append(f"Duplicate question code '{code}'.")
            question_codes.add(code)
            _check_question(question, f"Question '{code}'", problems)
    return problems


def _check_question(q: dict, where: str, problems: list[str]) -> None:
    kind = q.get("kind")
    if kind not in KINDS:
        problems.append(f"{where}: unknown kind '{kind}' (use one of {', '.join(sorted(KINDS))}).")
    if q.get("data_kind", "input") not in DATA_KINDS:
        problems.append(f"{where}: unknown data_kind '{q.get('data_kind')}' (use fact, input or impact).")
    _check_weight(q.get("weight", 1), where, problems)
    _check_text(q.get("text"), f"{where}: the text", problems)
    if q.get("example") not in (None, "", {}):
        _check_text(q.get("example"), f"{where}: the example", problems, required=False)
    choices = q.get("choices") or []
    bands = q.get("bands") or []
    if kind in CHOICE_KINDS:
        if not isinstance(choices, list) or len(choices) < 2:
            problems.append(f"{where}: a {kind} question needs at least two choices.")
        else:
            _codes(choices, f"choice of {where.lower()}", problems)
            for choice in choices:
                _check_text(choice.get("label"), f"{where}: choice '{choice.get('code')}' label", problems)
                if not _is_number(choice.get("points", 0)):
                    problems.append(f"{where}: choice '{choice.get('code')}' has points that are not a number.")
    elif choices:
        problems.append(f"{where}: only yes_no, single and multiple questions have choices.")
    if kind in BAND_KINDS:
        _check_bands(bands, where, problems)
    elif bands:
        problems.append(f"{where}: only number and percent questions have bands.")
    max_points = q.get("max_points")
    if max_points is not None:
        if kind != QuestionKind.MULTIPLE:
            problems.append(f"{where}: max_points applies to multiple questions only.")
        elif not _is_number(max_points) or max_points <= 0:
            problems.append(f"{where}: max_points must be a positive number.")


def _check_bands(bands: Any, where: str, problems: list[str]) -> None:
    if not isinstance(bands, list) or not bands:
        problems.append(f"{where}: a number or percent question needs bands.")
        return
    if not all(isinstance(b, dict) and _is_number(b.get("min")) for b in bands):
        problems.append(f"{where}: every band needs a numeric min.")
        return
    ordered = sorted(bands, key=lambda b: b["min"])
    for band in ordered:
        high = band.get("max")
        if high is not None and (not _is_number(high) or high <= band["min"]):
            problems.append(f"{where}: the band from {band['min']} must end above its start.")
        if not _is_number(band.get("points", 0)):
            problems.append(f"{where}: the band from {band['min']} has points that are not a number.")
    for before, after in zip(ordered, ordered[1:], strict=False):
        high = before.get("max")
        if high is None:
            problems.append(f"{where}: the band from {before['min']} has no upper end but another band follows it.")
        elif after["min"] > high:
            problems.append(f"{where}: band gap between {high} and {after['min']}.")
        elif after["min"] < high:
            problems.append(f"{where}: bands overlap between {after['min']} and {high}.")


def _codes(items: list[dict], what: str, problems: list[str]) -> set[str]:
    seen: set[str] = set()
    for item in items:
        code = item.get("code") if isinstance(item, dict) else None
        if not _is_code(code, dots=what.startswith("choice")):
            problems.append(f"A {what} has no valid code.")
        elif code in seen:
            problems.append(f"Duplicate {what} code '{code}'.")
        seen.add(code)
    return seen


def _check_text(value: Any, where: str, problems: list[str], required: bool = True) -> None:
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict) or any(k not in LANGUAGES for k in value):
        problems.append(f"{where} must be a mapping of languages (en, fr) to text.")
    elif required and not str(value.get("en") or "").strip():
        problems.append(f"{where} needs an English text.")


def _check_weight(value: Any, where: str, problems: list[str]) -> None:
    if not _is_number(value) or value < 0:
        problems.append(f"{where}: the weight must be a number of 0 or more.")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_code(value: Any, dots: bool = False) -> bool:
    if not isinstance(value, str) or not value or len(value) > 60:
        return False
    allowed = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_" + ("." if dots else ""))
    return set(value) <= allowed


# Canonical form ---------------------------------------------------------------------------------------------


def number(value: float | int | None) -> float | int | None:
    """2.0 → 2, so that files keep reading as they were written."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def field_order(code: str) -> tuple[int, str]:
    """Fields of action in the guide's order (1, 3, 3a, 3b, …, 16); an area's fields are a set."""
    digits = "".join(ch for ch in code if ch.isdigit())
    return (int(digits or 0), code)


def text(value: Any) -> dict:
    if value is None:
        return {}
    if isinstance(value, str):
        value = {"en": value}
    return {lang: value[lang] for lang in LANGUAGES if value.get(lang)}


def normalize(data: dict) -> dict:
    """The canonical form of a valid edition file: every key present, numbers as written, texts per language."""
    return {
        "code": data["code"],
        "title": text(data["title"]),
        "groups": [{"code": g["code"], "title": text(g["title"])} for g in data.get("groups") or []],
        "areas": [_area(a) for a in data["areas"]],
    }


def _area(a: dict) -> dict:
    return {
        "code": a["code"],
        "title": text(a["title"]),
        "optional": bool(a.get("optional", False)),
        "group": a.get("group"),
        "weight": number(a.get("weight", 1)),
        "fields_of_action": sorted({str(code) for code in a.get("fields_of_action") or []}, key=field_order),
        "questions": [_question(q) for q in a.get("questions") or []],
    }


def _question(q: dict) -> dict:
    return {
        "code": q["code"],
        "kind": q["kind"],
        "data_kind": q.get("data_kind", "input"),
        "weight": number(q.get("weight", 1)),
        "text": text(q["text"]),
        "example": text(q.get("example")),
        "max_points": number(q.get("max_points")),
        "choices": [
            {"code": c["code"], "label": text(c["label"]), "points": number(c.get("points", 0))}
            for c in q.get("choices") or []
        ],
        "bands": [_band(b) for b in q.get("bands") or []],
    }


def _band(b: dict) -> dict:
    band = {"min": number(b["min"])}
    if b.get("max") is not None:
        band["max"] = number(b["max"])
    band["points"] = number(b.get("points", 0))
    return band
