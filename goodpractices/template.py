"""The ICC reporting template (seed 000), declared once.

Each field of the template is one `TemplateField`: its section, its kind, whether it must be filled before
the practice is submitted, its name in the API, its label and the guide's help. Everything that lists the
template's fields is built from `TEMPLATE`:

* the coordinator's form (`forms.practice_form_class`),
* the API's read and write serializers (`api/serializers.py`, `api/write_serializers.py`),
* the open-data exports (`exports.py`),
* the saved versions and their diffs (`snapshot`, `cleaned` below; `services/content.py`, `diff.py`),
* the "missing fields" message (`missing_requirements`).

A kind says how a value is stored and compared; the form and the serializers map each kind to a field class
(a test checks that every kind has one). Adding a field is one line here plus its model column.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from .choices import PracticeArea, PracticeLanguage, PracticeType, TargetGroup
from .models import GoodPractice


class Kind(StrEnum):
    LINE = "line"  # one line of text
    SUMMARY = "summary"  # a few lines
    PROSE = "prose"  # paragraphs
    EMAIL = "email"
    MONTH = "month"  # YYYY-MM
    DATE = "date"
    FIELD_OF_ACTION = "field_of_action"  # one field of action, by code in the API and the exports
    FIELDS_OF_ACTION = "fields_of_action"  # several, by code
    LINKS = "links"  # web addresses
    CHOICE = "choice"  # one value of `choices`
    CHOICES = "choices"  # several values of `choices`


TEXT_KINDS = frozenset({Kind.LINE, Kind.SUMMARY, Kind.PROSE, Kind.EMAIL, Kind.MONTH})
LIST_KINDS = frozenset({Kind.LINKS, Kind.CHOICES})


@dataclass(frozen=True)
class Section:
    code: str
    title: str


@dataclass(frozen=True)
class Alternatives:
    """A requirement that several fields can meet: any one of them filled is enough (the period: months or words).
    Reported missing under `name`, labelled `label`."""

    name: str
    label: str


@dataclass(frozen=True)
class TemplateField:
    name: str  # the model's attribute
    kind: Kind
    section: Section
    label: str
    help_text: str = ""
    api_name: str = ""  # the contract's name, when it is not `name`
    required: bool | Alternatives = False  # to submit (a draft may be saved empty)
    choices: type | None = None  # the TextChoices of a CHOICE or CHOICES field
    open_data: bool = True  # in the CSV/JSON exports (contact details are not)
    placeholder: str = ""

    def __post_init__(self):
        if not self.api_name:
            object.__setattr__(self, "api_name", self.name)


@dataclass(frozen=True)
class Requirement:
    """What `practice_submit` checks: filled when any of `fields` is."""

    name: str
    label: str
    fields: tuple[TemplateField, ...]


CONTACT = Section("contact", _("Contact details"))
ACTION = Section("action", _("The action"))
DESCRIPTION = Section("description", _("Description of the action"))
CARD = Section("card", _("Catalogue card"))  # the facets of the public database

PERIOD = Alternatives("period", _("Implementation period"))

# In the template's order: the form, the API, the exports and the diffs list the fields in this order.
TEMPLATE: tuple[TemplateField, ...] = (
    TemplateField("department", Kind.LINE, CONTACT, _("Department"), _("The city department that led the action."),
                  open_data=False),
    TemplateField("form_date", Kind.DATE, CONTACT, _("Date of completing the form"),
                  _("Filled in automatically when you submit, if left empty."), open_data=False),
    TemplateField("contact_person", Kind.LINE, CONTACT, _("Contact person"),
                  _("Who the secretariat and other cities can contact about this practice."),
                  required=True, open_data=False),
    TemplateField("contact_email", Kind.EMAIL, CONTACT, _("Contact e-mail"), required=True, open_data=False),
    TemplateField("title", Kind.LINE, ACTION, _("Title"),
                  _("A short, telling title, e.g. “Research on structural racism”."), required=True),
    TemplateField("main_field", Kind.FIELD_OF_ACTION, ACTION, _("Main field of action"),
                  _("The field of action (or sub-field) the practice mainly belongs to."), required=True),
    TemplateField("secondary_fields", Kind.FIELDS_OF_ACTION, ACTION, _("Secondary fields of action"),
                  _("Other fields of action the practice contributes to, if any.")),
    TemplateField("main_purpose", Kind.SUMMARY, ACTION, _("Main purpose"),
                  _("One or two sentences: what the action set out to achieve."), required=True),
    TemplateField("period_start", Kind.MONTH, ACTION, _("Start (month)"), _("Month and year the action started."),
                  required=PERIOD, placeholder="2021-01"),
    TemplateField("period_end", Kind.MONTH, ACTION, _("End (month)"),
                  _("Month and year it ended (leave empty if it is ongoing)."), placeholder="2021-12"),
    TemplateField("period_text", Kind.LINE, ACTION, _("Implementation period"),
                  _("In words, e.g. “12 months” or “ongoing since 2019”."), required=PERIOD),
    TemplateField("purpose", Kind.PROSE, DESCRIPTION, _("Purpose"),
                  _("The main challenges the action aimed to solve and the goals it pursued. Avoid describing the "
                    "city."), required=True),
    TemplateField("stimulus", Kind.PROSE, DESCRIPTION, _("Stimulus / rationale"),
                  _("What triggered the action: political commitment, a crisis, an opportunity, a partner…"),
                  required=True),
    TemplateField("process", Kind.PROSE, DESCRIPTION, _("Process"),
                  _("How the action was implemented: key steps, partners, methods, difficulties met. Clear, focused "
                    "and concise."), required=True),
    TemplateField("impact", Kind.PROSE, DESCRIPTION, _("Impact"),
                  _("The main outputs and results, ideally from the beneficiaries' point of view."), required=True),
    TemplateField("references", Kind.SUMMARY, DESCRIPTION, _("Key reference documents"),
                  _("Reports, publications, articles. Add web addresses below and upload documents after saving.")),
    TemplateField("reference_links", Kind.LINKS, DESCRIPTION, _("Links"), _("One web address per line.")),
    TemplateField("target_groups", Kind.CHOICES, CARD, _("Target groups"), choices=TargetGroup),
    TemplateField("practice_types", Kind.CHOICES, CARD, _("Type of practice"), api_name="practice_type",
                  choices=PracticeType),
    TemplateField("areas", Kind.CHOICES, CARD, _("Area"), api_name="area", choices=PracticeArea),
    TemplateField("language", Kind.CHOICE, CARD, _("Language of the text"), choices=PracticeLanguage),
    TemplateField("available_languages", Kind.CHOICES, CARD, _("Available in"),
                  _("Languages the practice's material is available in."), choices=PracticeLanguage),
)  # fmt: skip


def sections(template=TEMPLATE) -> list[tuple[Section, list[TemplateField]]]:
    """The fields grouped by section, in the template's order."""
    grouped: dict[Section, list[TemplateField]] = {}
    for field in template:
        grouped.setdefault(field.section, []).append(field)
    return list(grouped.items())


def requirements(template=TEMPLATE) -> list[Requirement]:
    """What must be filled to submit, in the template's order (alternatives where their first field is)."""
    found: dict[str, Requirement] = {}
    for field in template:
        if not field.required:
            continue
        if isinstance(field.required, Alternatives):
            name, label = field.required.name, field.required.label
        else:
            name, label = field.api_name, field.label
        fields = found[name].fields if name in found else ()
        found[name] = Requirement(name, label, (*fields, field))
    return list(found.values())


def requirement_labels(template=TEMPLATE) -> dict[str, str]:
    return {requirement.name: requirement.label for requirement in requirements(template)}


def column(field: TemplateField):
    """The model's column of the field; None for an attribute that is not one (a test's declaration may add one).
    Lengths stay on the column, where they are stored: the form and the API read them from here."""
    try:
        return GoodPractice._meta.get_field(field.name)
    except FieldDoesNotExist:
        return None


def max_length(field: TemplateField) -> int | None:
    return getattr(column(field), "max_length", None)


# Values: what a saved version stores (plain JSON), and how a value is cleaned before it is set.


def is_filled(practice, field: TemplateField) -> bool:
    if field.kind == Kind.FIELD_OF_ACTION:
        return getattr(practice, f"{field.name}_id") is not None
    if field.kind == Kind.FIELDS_OF_ACTION:
        return bool(practice.pk) and getattr(practice, field.name).exists()
    value = getattr(practice, field.name)
    return bool(value.strip() if isinstance(value, str) else value)


def missing_requirements(practice, template=TEMPLATE) -> list[str]:
    """The requirements still unmet, by name (the API's `missing`)."""
    return [
        requirement.name
        for requirement in requirements(template)
        if not any(is_filled(practice, field) for field in requirement.fields)
    ]


def snapshot_value(practice, field: TemplateField):
    """The field's value as plain JSON, comparable between two saved versions."""
    if field.kind == Kind.FIELDS_OF_ACTION:  # an unsaved practice has none (and cannot ask)
        return sorted(item.code for item in getattr(practice, field.name).all()) if practice.pk else []
    value = getattr(practice, field.name)
    if field.kind == Kind.FIELD_OF_ACTION:
        return value.code if value else ""
    if field.kind in LIST_KINDS:
        return list(value or [])
    if field.kind == Kind.DATE:
        return value.isoformat() if value else ""
    return value or ""


def snapshot(practice, template=TEMPLATE) -> dict:
    """The practice's content as plain JSON: what a saved version stores and what a diff compares."""
    return {field.name: snapshot_value(practice, field) for field in template}


def cleaned(field: TemplateField, value):
    """A value as it is stored: text trimmed with Unix line ends, lists without empty items."""
    if field.kind in TEXT_KINDS:
        return (value or "").strip().replace("\r\n", "\n")
    if field.kind in LIST_KINDS:
        return [item for item in (value or []) if item]
    return value


def many_to_many(template=TEMPLATE) -> list[TemplateField]:
    """The fields saved after the practice itself (they need its primary key)."""
    return [field for field in template if field.kind == Kind.FIELDS_OF_ACTION]
