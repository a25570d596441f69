from dataclasses import dataclass

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextForm, DayMonthYearInput

from . import template
from .guidance import QUALITY_CRITERIA, RATINGS
from .models import MAX_VERSION, MONTH, FieldOfAction, GoodPractice
from .template import Kind, TemplateField
from .uploads import MAX_UPLOAD_BYTES


class FieldOfActionChoice(forms.ModelChoiceField):
    def label_from_instance(self, field):
        return f"{field.code}. {field.name}" if not field.parent_id else f"  {field.code}. {field.name}"


class FieldsOfActionChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, field):
        return f"{field.code}. {field.name}"


class LinesOfURLs(forms.CharField):
    """Web addresses, one a line, as a list."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value):
        lines = [line.strip() for line in (value or "").splitlines() if line.strip()]
        validate = URLValidator(schemes=["http", "https"])
        bad = []
        for line in lines:
            try:
                validate(line)
            except forms.ValidationError:
                bad.append(line)
        if bad:
            raise forms.ValidationError(
                _("Not a web address (start with https://): %(lines)s") % {"lines": ", ".join(bad)}
            )
        return lines


def _checkboxes(field: TemplateField):
    return forms.MultipleChoiceField(choices=field.choices.choices, widget=forms.CheckboxSelectMultiple)


def _month(field: TemplateField):
    widget = forms.TextInput(attrs={"type": "month", "placeholder": field.placeholder})
    return forms.CharField(max_length=template.max_length(field), validators=[MONTH], widget=widget)


def _date(field: TemplateField):
    # Day, month and year in three boxes: a browser's date picker shows mm/dd/yyyy to many.
    return forms.DateField(input_formats=["%Y-%m-%d", "%d/%m/%Y"], widget=DayMonthYearInput())


# A form field for each kind of template field (nothing is required to save a draft).
FORM_FIELDS = {
    Kind.LINE: lambda field: forms.CharField(max_length=template.max_length(field)),
    Kind.SUMMARY: lambda field: forms.CharField(
        max_length=template.max_length(field), widget=forms.Textarea(attrs={"rows": 3})
    ),
    Kind.PROSE: lambda field: forms.CharField(max_length=template.max_length(field), widget=forms.Textarea),
    Kind.EMAIL: lambda field: forms.EmailField(max_length=template.max_length(field)),
    Kind.MONTH: _month,
    Kind.DATE: _date,
    Kind.FIELD_OF_ACTION: lambda field: FieldOfActionChoice(queryset=FieldOfAction.objects.all()),
    Kind.FIELDS_OF_ACTION: lambda field: FieldsOfActionChoice(
        queryset=FieldOfAction.objects.all(), widget=forms.CheckboxSelectMultiple
    ),
    Kind.LINKS: lambda field: LinesOfURLs(),
    Kind.CHOICE: lambda field: forms.ChoiceField(choices=field.choices.choices),
    Kind.CHOICES: _checkboxes,
}
# Rendered as a group of checkboxes under a legend.
CHOICE_GROUPS = {Kind.FIELDS_OF_ACTION, Kind.CHOICES}


def _form_field(field: TemplateField) -> forms.Field:
    form_field = FORM_FIELDS[field.kind](field)
    form_field.required = False
    form_field.label = field.label
    form_field.help_text = field.help_text
    return form_field


def _initial(practice: GoodPractice, fields) -> dict:
    initial = {}
    for field in fields:
        if field.kind == Kind.FIELD_OF_ACTION:
            initial[field.name] = getattr(practice, f"{field.name}_id")
        elif field.kind == Kind.FIELDS_OF_ACTION:
            initial[field.name] = [item.pk for item in getattr(practice, field.name).all()] if practice.pk else []
        else:
            initial[field.name] = getattr(practice, field.name)
    initial["version"] = practice.version
    return initial


@dataclass
class FormRow:
    field: forms.BoundField
    as_choices: bool  # a group of checkboxes under a legend
    missing: bool  # required to submit and still empty


class BasePracticeForm(CleanTextForm):
    """The ICC reporting template, built from `template.TEMPLATE` by `practice_form_class`. Nothing is required
    to save a draft: `services.practice_submit` checks completeness when the coordinator submits, and the page
    marks the fields it named (`missing`)."""

    template: tuple[TemplateField, ...] = ()
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=MAX_VERSION)

    def __init__(self, data=None, files=None, *, instance: GoodPractice, missing=(), **kwargs):
        kwargs.setdefault("label_suffix", "")
        kwargs.setdefault("initial", _initial(instance, self.template))
        super().__init__(data, files, **kwargs)
        self.instance = instance
        # A requirement met by several fields (the period) is marked on its first field.
        self.missing_fields = {
            requirement.fields[0].name
            for requirement in template.requirements(self.template)
            if requirement.name in set(missing)
        }
        # The form renderer marks these "(required to submit)" beside their label, and says so beside those missing.
        for requirement in template.requirements(self.template):
            self.fields[requirement.fields[0].name].required_to_submit = True
        for name in self.missing_fields:
            self.fields[name].missing_to_submit = True

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language or "en"

    def sections(self) -> list[tuple[str, list[FormRow]]]:
        return [
            (
                section.title,
                [FormRow(self[f.name], f.kind in CHOICE_GROUPS, f.name in self.missing_fields) for f in fields],
            )
            for section, fields in template.sections(self.template)
        ]

    def practice_data(self) -> dict:
        """The cleaned content for `services.practice_create` / `practice_update`."""
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


def practice_form_class(fields=template.TEMPLATE) -> type[BasePracticeForm]:
    """The form of a template declaration (the real one, or a test's copy with a field more)."""
    attrs = {field.name: _form_field(field) for field in fields}
    return type("PracticeForm", (BasePracticeForm,), {"__module__": __name__, "template": tuple(fields), **attrs})


PracticeForm = practice_form_class()


class NewPracticeForm(CleanTextForm):
    """Choosing the city, for a coordinator of several cities or the secretariat. A coordinator of one city
    has nothing to choose: the field is hidden and defaults to that city."""

    city = forms.ModelChoiceField(queryset=None, label=_("City"))

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities
        self.only_city = cities.get() if cities.count() == 1 else None
        if self.only_city is not None:
            self.fields["city"].required = False
            self.fields["city"].widget = forms.HiddenInput()
            self.fields["city"].initial = self.only_city.pk

    def clean_city(self):
        return self.cleaned_data.get("city") or self.only_city


class DocxImportForm(NewPracticeForm):
    document = forms.FileField(
        label=_("Filled ICC template (.docx)"),
        help_text=_("The Word file of the ICC reporting template; you check the draft before submitting it."),
    )

    def clean_document(self):
        document = self.cleaned_data["document"]
        if document.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return document


class ReferenceFileForm(forms.Form):
    document = forms.FileField(
        label=_("Add a document"), help_text=_("PDF, Word (.docx), OpenDocument (.odt), PNG or JPEG; at most 10 MB.")
    )


class ReviewQueueFilterForm(forms.Form):
    """The review queue's filters; a value that cannot be one (a NUL byte, a wait of a million years) is ignored."""

    city = forms.SlugField(required=False, max_length=100)
    field = forms.SlugField(required=False, max_length=4)
    waiting = forms.IntegerField(required=False, min_value=0, max_value=36500)

    def values(self) -> dict:
        """The valid filters as the strings the queue's selects compare against; invalid ones are blank."""
        self.is_valid()
        return {
            name: "" if self.cleaned_data.get(name) is None else str(self.cleaned_data[name]) for name in self.fields
        }


class ReviewForm(CleanTextForm):
    """The six quality criteria of the ICC guide, each with a rating and a note, and a comment to the city."""

    comment = forms.CharField(
        label=_("Comment to the coordinator"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required to request changes or to reject: say what to change, or why."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, label, description in QUALITY_CRITERIA:
            self.fields[f"{code}_rating"] = forms.ChoiceField(
                choices=RATINGS, required=False, label=label, help_text=description
            )
            self.fields[f"{code}_note"] = forms.CharField(
                required=False, label=_("Note"), widget=forms.Textarea(attrs={"rows": 2})
            )

    def criteria_rows(self):
        return [(self[f"{code}_rating"], self[f"{code}_note"]) for code, _label, _description in QUALITY_CRITERIA]

    def criteria(self) -> dict:
        data = self.cleaned_data
        return {
            code: {"rating": data.get(f"{code}_rating", ""), "note": data.get(f"{code}_note", "").strip()}
            for code, _label, _description in QUALITY_CRITERIA
            if data.get(f"{code}_rating") or data.get(f"{code}_note", "").strip()
        }
