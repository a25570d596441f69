from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.validators import MaxLengthValidator
from django.template import loader

from core.notifications import send_rendered


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
