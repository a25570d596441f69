from django.contrib.auth.forms import PasswordResetForm
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
