"""One way to render a form: GOV.UK Frontend's field patterns, through Django's form renderer.

`{{ form }}` renders templates/forms/form.html (an error summary with links, then every field) and each
`{{ form.field_name.as_field_group }}` renders templates/forms/field.html (label, hint, the error beside the
field, a fieldset for radios and checkboxes, "(required)" on required fields). Widgets get GOV.UK classes
there, so forms declare plain Django widgets. `DayMonthYearInput` below is the GOV.UK date input: day, month
and year in three boxes.
"""

import datetime

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _


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
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        day, month, year = (data.get(f"{name}_{index}", "").strip() for index in range(3))
        if not (day or month or year):
            return None
        try:
            return datetime.date(int(year), int(month), int(day)).isoformat()
        except (TypeError, ValueError):
            return f"{year}-{month}-{day}"  # DateField refuses it with its own "Enter a valid date."

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, (part, label, size) in zip(context["widget"]["subwidgets"], self.parts, strict=True):
            subwidget.update(part=part, label=label, size=size)
        return context
