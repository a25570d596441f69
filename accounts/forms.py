from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.validators import MaxLengthValidator
from django.template import loader
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextModelForm
from core.notifications import send_rendered

from .models import User


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, but the e-mail leaves through the outbox and the worker like every other notification."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        send_rendered(subject=subject, body=body, recipients=[to_email])


class LoginForm(AuthenticationForm):
    """Django's login form, with the e-mail's maximum length enforced: Django only sets it on the input, and a longer
    "e-mail" reached django-axes, whose failed-login record holds 255 characters (a 500)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))


class ProfileForm(CleanTextModelForm):
    """What a user changes about themselves: their name and the language of the e-mails the portal sends them
    (`core.notifications.notify_users` writes each e-mail in it). The e-mail address is the login: only the
    secretariat changes it, in the admin."""

    class Meta:
        model = User
        fields = ["first_name", "last_name", "preferred_language"]
        labels = {
            "first_name": _("First name"),
            "last_name": _("Last name"),
            "preferred_language": _("Language of your e-mails"),
        }
        help_texts = {
            "preferred_language": _(
                "Notifications from the portal (reviews, the Index, events, messages) are written in this language."
            ),
        }
        widgets = {"preferred_language": forms.RadioSelect}
