"""E-mail notifications: each one an outbox row, written with the change that causes it, sent by a worker.

A notification is a template pair under templates/email/<name>.subject.txt and <name>.body.txt, rendered in the
recipient's language with a JSON-serialisable context (ids, names, absolute URLs).
"""

import threading
from collections.abc import Iterable
from contextlib import contextmanager

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from . import outbox

_state = threading.local()


@contextmanager
def muted():
    """Nothing is sent inside this block (the demo loader replays a year of workflow without e-mailing anyone)."""
    previous = getattr(_state, "muted", False)
    _state.muted = True
    try:
        yield
    finally:
        _state.muted = previous


def notify(
    *,
    template: str,
    recipients: Iterable[str],
    context: dict,
    language: str = "en",
    reply_to: str = "",
    private: bool = False,
) -> None:
    """One e-mail to `recipients`, written to the outbox in the current transaction. `reply_to`: where answers go
    (a relayed message's sender), so that the sender learns no recipient's address until someone answers.
    `private`: the context (a person's message) is erased from the outbox row once the e-mail is sent."""
    recipients = sorted(set(recipients))
    if not recipients or getattr(_state, "muted", False):
        return
    payload = {"template": template, "recipients": recipients, "context": context, "language": language}
    if reply_to:
        payload["reply_to"] = reply_to
    outbox.enqueue("email", payload, private=private)


def notify_many(*, template: str, messages: Iterable[dict]) -> int:
    """One e-mail each to many readers at once (a beat's digests): `messages` of {"recipients", "context",
    "language"}, written to the outbox in one INSERT. Returns how many were written."""
    if getattr(_state, "muted", False):
        return 0
    payloads = [
        {
            "template": template,
            "recipients": sorted(set(message["recipients"])),
            "context": message["context"],
            "language": message.get("language", "en"),
        }
        for message in messages
        if message["recipients"]
    ]
    return len(outbox.enqueue_many("email", payloads))


def notify_users(*, template: str, users: Iterable, context: dict, reply_to: str = "", private: bool = False) -> None:
    """One e-mail per language to `users`, each in the language of their profile."""
    by_language: dict[str, list[str]] = {}
    for user in users:
        by_language.setdefault(user.preferred_language or settings.LANGUAGE_CODE, []).append(user.email)
    for language, emails in sorted(by_language.items()):
        notify(
            template=template,
            recipients=emails,
            context=context,
            language=language,
            reply_to=reply_to,
            private=private,
        )


def secretariat_users():
    """The secretariat: every active account with the secretariat role."""
    return get_user_model().objects.filter(is_active=True, is_secretariat=True)


def notify_secretariat(*, template: str, context: dict, reply_to: str = "", private: bool = False) -> None:
    """To every member of the secretariat in their language, and to its shared mailbox when one is configured."""
    users = list(secretariat_users())
    notify_users(template=template, users=users, context=context, reply_to=reply_to, private=private)
    mailbox = settings.SECRETARIAT_EMAIL
    if mailbox and mailbox.lower() not in {user.email.lower() for user in users}:
        notify(
            template=template,
            recipients=[mailbox],
            context=context,
            language=settings.LANGUAGE_CODE,
            reply_to=reply_to,
            private=private,
        )


def render_and_send(*, template: str, recipients: list[str], context: dict, language: str, reply_to: str = "") -> None:
    with translation.override(language):
        context = {"site_url": settings.SITE_URL, **context}
        subject = " ".join(render_to_string(f"email/{template}.subject.txt", context).split())
        body = render_to_string(f"email/{template}.body.txt", context)
    message = EmailMessage(
        subject, body, settings.DEFAULT_FROM_EMAIL, recipients, reply_to=[reply_to] if reply_to else None
    )
    message.send()


def send_rendered(*, subject: str, body: str, recipients: list[str]) -> None:
    """For e-mails Django renders itself (password reset), already in the reader's language."""
    if not getattr(_state, "muted", False):
        outbox.enqueue("email.rendered", {"subject": subject, "body": body, "recipients": recipients})


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path
