from django import forms
from django.contrib.auth.forms import PasswordResetForm
from django.db import transaction
from django.template import loader
from django.utils.translation import gettext_lazy as _

from cities.models import City, Membership


class InvitationForm(forms.Form):
    city = forms.ModelChoiceField(label=_("City"), queryset=City.objects.all())
    email = forms.EmailField(label=_("E-mail"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    department = forms.CharField(label=_("Department"), max_length=200, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.COORDINATOR)
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=[("en", "English"), ("fr", "Français")])


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, but the e-mail leaves through the Celery worker like every other notification."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        from icc_portal.tasks import send_rendered_email

        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        transaction.on_commit(lambda: send_rendered_email.delay(subject=subject, body=body, recipients=[to_email]))
