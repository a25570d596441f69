from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from .choices import PracticeArea, PracticeLanguage, PracticeType, TargetGroup
from .guidance import FIELD_HELP, QUALITY_CRITERIA, RATINGS
from .models import MAX_VERSION, MONTH, TEMPLATE_FIELDS, FieldOfAction, GoodPractice
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


def _checkboxes(choices, label):
    return forms.MultipleChoiceField(choices=choices, required=False, widget=forms.CheckboxSelectMultiple, label=label)


class PracticeForm(forms.ModelForm):
    """The ICC reporting template. Nothing is required to save a draft: `services.practice_submit` checks
    completeness when the coordinator submits."""

    main_field = FieldOfActionChoice(
        queryset=FieldOfAction.objects.all(), required=False, label=_("Main field of action")
    )
    secondary_fields = FieldsOfActionChoice(
        queryset=FieldOfAction.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Secondary fields of action"),
    )
    reference_links = LinesOfURLs(required=False, label=_("Links"))
    target_groups = _checkboxes(TargetGroup.choices, _("Target groups"))
    practice_types = _checkboxes(PracticeType.choices, _("Type of practice"))
    areas = _checkboxes(PracticeArea.choices, _("Area"))
    available_languages = _checkboxes(PracticeLanguage.choices, _("Available in"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=MAX_VERSION)

    class Meta:
        model = GoodPractice
        fields = TEMPLATE_FIELDS
        widgets = {
            "form_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_start": forms.TextInput(attrs={"type": "month", "placeholder": "2021-01"}),
            "period_end": forms.TextInput(attrs={"type": "month", "placeholder": "2021-12"}),
            "main_purpose": forms.Textarea(attrs={"rows": 3}),
            "references": forms.Textarea(attrs={"rows": 3}),
        }

    # The template's three parts, then the catalogue card.
    SECTIONS = [
        (_("Contact details"), ["department", "form_date", "contact_person", "contact_email"]),
        (
            _("The action"),
            ["title", "main_field", "secondary_fields", "main_purpose", "period_start", "period_end", "period_text"],
        ),
        (_("Description of the action"), ["purpose", "stimulus", "process", "impact", "references", "reference_links"]),
        (_("Catalogue card"), ["target_groups", "practice_types", "areas", "language", "available_languages"]),
    ]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for name, text in FIELD_HELP.items():
            if name in self.fields:
                self.fields[name].help_text = text
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
        self.fields["form_date"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        self.fields["language"].required = False
        # Model validators run in _post_clean, which this form leaves to the services: add the month format here.
        for name in ("period_start", "period_end"):
            self.fields[name].validators.append(MONTH)

    def clean_language(self):
        return self.cleaned_data.get("language") or self.instance.language or "en"

    def sections(self):
        return [(title, [self[name] for name in names]) for title, names in self.SECTIONS]

    def practice_data(self) -> dict:
        """The cleaned content for `services.practice_create` / `practice_update`."""
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}

    def _post_clean(self):
        # The services validate and save; the instance stays as loaded (a refused save must not alter it).
        pass


class NewPracticeForm(forms.Form):
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


class ReviewForm(forms.Form):
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
