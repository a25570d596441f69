"""One way to render a form: GOV.UK Frontend's field patterns, through Django's form renderer.

`{{ form }}` renders templates/forms/form.html (an error summary with links, then every field) and each
`{{ form.field_name.as_field_group }}` renders templates/forms/field.html (label, hint, the error beside the
field, a fieldset for radios and checkboxes, "(required)" on required fields). Widgets get GOV.UK classes
there, so forms declare plain Django widgets. `DayMonthYearInput` below is the GOV.UK date input: day, month
and year in three boxes.

It is also the base of the portal's forms: what people type is cleaned before any field sees it
(`CleanTextFormMixin`).
"""

import datetime

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from .text import clean_data


class PortalFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class DayMonthYearInput(forms.MultiWidget):
    """Day / month / year in three numeric boxes (GOV.UK date input): no locale guesses mm/dd or dd/mm."""

    template_name = "forms/widgets/date_input.html"
    parts = (("day", _("Day"), 2), ("month", _("Month"), 2), ("year", _("Year"), 4))

    def __init__(self, attrs=None):
        widgets = [
            forms.TextInput(attrs={"inputmode": "numeric", "maxlength": size}) for _name, _label, size in self.parts
        ]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value.count("-") == 2:  # as typed, when it is not a date: shown again as typed
            year, month, day = value.split("-")
            return [day, month, year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        day, month, year = (data.get(f"{name}_{index}", "").strip() for index in range(3))
        if not (day or month or year):
            return data.get(name) or None  # one ISO value (a script, a test), as a plain date field takes it
        try:
            return datetime.date(int(year), int(month), int(day)).isoformat()
        except (TypeError, ValueError):
            return f"{year}-{month}-{day}"  # DateField refuses it with its own "Enter a valid date."

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, (part, label, size) in zip(context["widget"]["subwidgets"], self.parts, strict=True):
            subwidget.update(part=part, label=label, size=size)
        return context


class CleanTextFormMixin:
    """Drops C0 control characters from every submitted value (see `core.text`), so that lengths, required checks
    and the stored text all see the text as the person meant it. Passwords are left as typed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            passwords = {
                self.add_prefix(name)
                for name, field in self.fields.items()
                if isinstance(field.widget, forms.PasswordInput)
            }
            self.data = clean_data(self.data, keep=passwords)


class CleanTextForm(CleanTextFormMixin, forms.Form):
    pass


class CleanTextModelForm(CleanTextFormMixin, forms.ModelForm):
    pass


def with_clean_text(form_class: type[forms.BaseForm]) -> type[forms.BaseForm]:
    """`form_class` with `CleanTextFormMixin` (for forms built by Django, such as the admin's)."""
    if issubclass(form_class, CleanTextFormMixin):
        return form_class
    return type(form_class.__name__, (CleanTextFormMixin, form_class), {"__module__": form_class.__module__})
