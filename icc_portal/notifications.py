"""E-mail notifications, always sent by a Celery worker once the transaction that caused them commits.

A notification is a template pair under templates/email/<name>.subject.txt and <name>.body.txt,
rendered in the recipient's language with a JSON-serialisable context (ids, names, absolute URLs).
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def notify(*, template: str, recipients: list[str], context: dict, language: str = "en") -> None:
    """Queue one e-mail to `recipients` after the current transaction commits."""
    if not recipients:
        return
    from .tasks import send_notification

    transaction.on_commit(
        lambda: send_notification.delay(
            template=template, recipients=sorted(set(recipients)), context=context, language=language
        )
    )


def render_and_send(*, template: str, recipients: list[str], context: dict, language: str) -> None:
    with translation.override(language):
        context = {"site_url": settings.SITE_URL, **context}
        subject = " ".join(render_to_string(f"email/{template}.subject.txt", context).split())
        body = render_to_string(f"email/{template}.body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path
