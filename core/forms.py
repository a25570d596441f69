"""The base of the portal's forms: what people type is cleaned before any field sees it."""

from django import forms

from .text import clean_data


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
