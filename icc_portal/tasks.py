from celery import shared_task

from .notifications import render_and_send


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_notification(*, template: str, recipients: list[str], context: dict, language: str = "en") -> None:
    render_and_send(template=template, recipients=recipients, context=context, language=language)


@shared_task
def ping(token: str) -> str:
    """Answers with its argument: lets operators and tests see that a worker consumes the queue."""
    return token
