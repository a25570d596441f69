"""Reading a filled ICC reporting template (.docx) into the practice's fields.

The template (seed 000) has two tables of "label: value" rows (contact details, the action) and a
description written as paragraphs that start with "Purpose:", "Stimulus/Rationale:", "Process:",
"Impact:" and "Key reference documents:". A section runs until the next label. When the document is the
whole guide (the Bergen example followed by the empty template), only the filled template is read.

The portal's own blank template (`docx_template.py`) writes every field as a table row instead, the field's label
in English or French with a hint under it: the first line of a label cell is the label, the labels of the
template's fields are read in every language of the portal, and a description label is read in a table row too.
"""

from __future__ import annotations

import datetime
import functools
import re
import zipfile

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .uploads import check_archive

TABLE_LABELS = {
    "city": "city",
    "department": "department",
    "dateofcompletingtheform": "form_date",
    "contactperson": "contact_person",
    "email": "contact_email",
    "title": "title",
    "mainfieldofaction": "main_field",
    "mainfieldsofaction": "main_field",
    "mainpurpose": "main_purpose",
    "implementationperiod": "period_text",
}
PARAGRAPH_LABELS = {
    "purpose": "purpose",
    "stimulusrationale": "stimulus",
    "stimulus": "stimulus",
    "rationale": "stimulus",
    "process": "process",
    "impact": "impact",
    "keyreferencedocuments": "references",
}
# The template's fields the importer reads (the blank template offers these, and no other).
READ_FIELDS = frozenset(TABLE_LABELS.values()) | frozenset(PARAGRAPH_LABELS.values())
PROSE_FIELDS = frozenset(PARAGRAPH_LABELS.values())
PLACEHOLDERS = {"", "n/a", "na", "dd/mm/yyyy", "-", "–"}
TEMPLATE_HEADING = "templateforreporting"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
URL = re.compile(r"https?://[^\s<>\"')]+")
MONTH_NAMES = {
    name: n
    for n, names in enumerate(
        [
            ("jan", "janv"),
            ("feb", "fev", "fév"),
            ("mar", "mars"),
            ("apr", "avr"),
            ("may", "mai"),
            ("jun", "juin"),
            ("jul", "juil"),
            ("aug", "aou", "aoû"),
            ("sep", "sept"),
            ("oct",),
            ("nov",),
            ("dec", "déc"),
        ],
        start=1,
    )
    for name in names
}


def _key(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


@functools.cache
def _table_labels() -> dict[str, str]:
    """Every label a table row may have: the seed's spellings, then the template's labels in each language."""
    from django.conf import settings
    from django.utils import translation

    from .template import TEMPLATE

    labels = {**TABLE_LABELS, **PARAGRAPH_LABELS}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for field in TEMPLATE:
                if field.name in READ_FIELDS:
                    labels.setdefault(_key(str(field.label)), field.name)
    return labels


def _row_value(cells, name: str) -> str:
    """The value cell's text ("" when the row is one merged cell); a description's paragraphs stay paragraphs."""
    if cells[-1]._tc is cells[0]._tc or cells[-1].text.strip() == cells[0].text.strip():
        return ""
    if name in PROSE_FIELDS:
        return "\n\n".join(paragraph.text.strip() for paragraph in cells[-1].paragraphs if paragraph.text.strip())
    return cells[-1].text.strip()


def _blocks(document):
    """The body's paragraphs and tables in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document)
        elif tag == "tbl":
            yield Table(child, document)


def read_template(upload) -> dict:
    """The raw text of each template field found in the .docx, by field name (main_field still as text)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    check_archive(upload)  # before anything is unpacked
    try:
        upload.seek(0)
        document = docx.Document(upload)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ValidationError(
            _("This file could not be read as a Word document (.docx). Save it as .docx and try again.")
        ) from error

    parts: list[dict] = [{}]
    current: str | None = None
    for block in _blocks(document):
        if hasattr(block, "rows"):
            current = None
            for row in block.rows:
                cells = row.cells
                label = cells[0].text.strip().split("\n", 1)[0] if cells else ""
                name = _table_labels().get(_key(label))
                if len(cells) >= 2 and name:
                    parts[-1][name] = _row_value(cells, name)
            continue
        text = block.text.strip()
        if _key(text) == TEMPLATE_HEADING:
            parts.append({})
            current = None
            continue
        label, _sep, rest = text.partition(":")
        if _sep and _key(label) in PARAGRAPH_LABELS and len(label) < 40:
            current = PARAGRAPH_LABELS[_key(label)]
            parts[-1][current] = rest.strip()
        elif current and text:
            parts[-1][current] = (parts[-1][current] + "\n\n" + text).strip()
        elif _key(text) in ("contactdetails", "theaction", "descriptionoftheaction"):
            current = None
    filled = [part for part in parts if any(not _placeholder(value) for value in part.values())]
    if not filled:
        raise ValidationError(_("No field of the ICC reporting template was found in this document."))
    return {name: value for name, value in filled[-1].items() if not _placeholder(value)}


def _placeholder(value: str) -> bool:
    return value.strip().lower().rstrip(".") in PLACEHOLDERS


def match_fields(text: str, fields) -> list:
    """The fields of action named in `text` (by code or by name, in the order written)."""
    found = []
    squashed = _key(text)
    positions = []
    for field in fields:
        # Its name in English or in French (the blank template is offered in both), earliest first.
        names = {_key(name) for name in (field.name_en or field.name, getattr(field, "name_fr", "")) if name}
        found_names = sorted((squashed.find(name), -len(name)) for name in names if squashed.find(name) >= 0)
        code = re.search(rf"(?<![\w]){re.escape(field.code)}(?![\w])", text)
        if found_names:
            positions.append((*found_names[0], field))
        elif code:
            positions.append((code.start(), 0, field))
    for _at, _length, field in sorted(positions, key=lambda item: (item[0], item[1])):
        # A parent found inside a sub-field's name ("Public services" in a sub-field) is skipped.
        if field not in found and not any(other.parent_id == field.pk for other in found):
            found.append(field)
    return found


def _month(text: str) -> str:
    match = re.search(r"\b(0?[1-9]|1[0-2])[/.-](\d{4})\b", text) or None
    if match:
        return f"{match.group(2)}-{int(match.group(1)):02d}"
    match = re.search(r"\b(\d{4})-(0[1-9]|1[0-2])\b", text)
    if match:
        return f"{match.group(1)}-{match.group(2)}"
    match = re.search(r"\b([a-zéû]{3,5})\w*\.?\s+(\d{4})\b", text.lower())
    if match and match.group(1) in MONTH_NAMES:
        return f"{match.group(2)}-{MONTH_NAMES[match.group(1)]:02d}"
    return ""


def _date(text: str) -> datetime.date | None:
    for pattern in ("%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def practice_data_from_docx(upload, *, fields) -> dict:
    """Content for `services.practice_create` read from a filled template: what could be read is filled in,
    the rest stays empty for the coordinator to complete."""
    raw = read_template(upload)
    data = {name: raw[name] for name in ("department", "title", "main_purpose", "purpose", "stimulus") if name in raw}
    for name in ("process", "impact", "references"):
        if name in raw:
            data[name] = raw[name]
    person = raw.get("contact_person", "")
    email = EMAIL.search(person) or EMAIL.search(raw.get("contact_email", ""))
    if email:
        data["contact_email"] = email.group(0)
        # "Kari Nordmann – kari@…" leaves a dash behind the name once the address is taken out.
        person = person.replace(email.group(0), "").strip(" ,;:()<>-–—")
    if person:
        data["contact_person"] = person
    if raw.get("form_date"):
        data["form_date"] = _date(raw["form_date"])
    if raw.get("main_field"):
        matched = match_fields(raw["main_field"], fields)
        if matched:
            data["main_field"], data["secondary_fields"] = matched[0], matched[1:]
    if raw.get("period_text"):
        period = raw["period_text"]
        pieces = re.split(r"\s+(?:-|–|to|au|à)\s+|\s*[–-]\s*(?=\D)", period)
        data["period_text"] = period[:200]
        data["period_start"] = _month(pieces[0]) if pieces else ""
        data["period_end"] = _month(pieces[-1]) if len(pieces) > 1 else ""
    if raw.get("references"):
        data["reference_links"] = list(dict.fromkeys(URL.findall(raw["references"])))
    _check_lengths(data)
    return {name: value for name, value in data.items() if value not in (None, "")}


def _check_lengths(data: dict) -> None:
    """The form's and the API's maximum lengths hold for an import too: what is longer is refused, not cut."""
    from .models import GoodPractice

    problems = []
    for name, value in data.items():
        limit = GoodPractice._meta.get_field(name).max_length if isinstance(value, str) else None
        if limit and len(value) > limit:
            label = GoodPractice._meta.get_field(name).verbose_name
            problems.append(
                _("%(field)s is longer than %(limit)s characters (it has %(length)s); shorten it and import again.")
                % {
                    "field": str(label).capitalize(),
                    "limit": number_format(limit, force_grouping=True),
                    "length": number_format(len(value), force_grouping=True),
                }
            )
    if problems:
        raise ValidationError(problems)
