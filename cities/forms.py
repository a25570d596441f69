from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextForm

from .models import City, Membership


class InvitationForm(CleanTextForm):
    city = forms.ModelChoiceField(label=_("City"), queryset=City.objects.all())
    email = forms.EmailField(label=_("E-mail"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    department = forms.CharField(label=_("Department"), max_length=200, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.COORDINATOR)
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=[("en", "English"), ("fr", "Français")])
