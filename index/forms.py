"""The forms of the coordinator's Index desk: what a post may carry, checked before any query or write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cities.models import City

from .models import IndexEdition


class AssessmentStartForm(forms.Form):
    """Start an assessment: one of the user's cities and an edition (the year is the service's to check)."""

    city = forms.ModelChoiceField(label=_("City"), queryset=City.objects.none())
    edition = forms.ModelChoiceField(label=_("Edition"), queryset=IndexEdition.objects.all())

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities

    def error_messages(self) -> list[str]:
        return [f"{self.fields[name].label}: {error}" for name, errors in self.errors.items() for error in errors]


class TeamChangeForm(forms.Form):
    """The buttons of the team list: `member` is a user's id, `remove` is `<user id>:<area code>`."""

    member = forms.IntegerField(required=False, min_value=1)
    remove = forms.RegexField(regex=r"^\d+:[\w.-]+$", required=False)


class ColleagueInviteForm(forms.Form):
    """A colleague from another department, invited by e-mail; the lengths are those of the user's fields."""

    email = forms.EmailField(label=_("E-mail"), max_length=254)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    department = forms.CharField(label=_("Department"), max_length=200, required=False)
    language = forms.ChoiceField(choices=[("en", "English"), ("fr", "Français")], required=False)

    def error_messages(self) -> list[str]:
        return [f"{self.fields[name].label}: {error}" for name, errors in self.errors.items() for error in errors]


class SecretariatWaveForm(forms.Form):
    """The edition and year the secretariat's overview shows; an impossible value falls back to the default."""

    edition = forms.CharField(required=False, max_length=40)
    year = forms.IntegerField(required=False, min_value=2000, max_value=2100)

    def values(self) -> tuple[str, int | None]:
        self.is_valid()
        return self.cleaned_data.get("edition") or "", self.cleaned_data.get("year")
