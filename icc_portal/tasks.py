from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail

from .notifications import render_and_send


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_notification(*, template: str, recipients: list[str], context: dict, language: str = "en") -> None:
    render_and_send(template=template, recipients=recipients, context=context, language=language)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_rendered_email(*, subject: str, body: str, recipients: list[str]) -> None:
    """For e-mails Django renders itself (password reset), already in the reader's language."""
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


@shared_task
def ping(token: str) -> str:
    """Answers with its argument: lets operators and tests see that a worker consumes the queue."""
    return token
