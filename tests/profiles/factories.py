"""Profile documents for tests: a real (tiny) PDF rendered once per session and stored like a built one."""

from functools import cache

from django.core.files.base import ContentFile
from django.utils import timezone

from core.pdf import html_to_pdf
from profiles.choices import DocumentStatus
from profiles.models import ProfileDocument
from profiles.services import profile_of


@cache
def _tiny_pdf() -> bytes:
    return html_to_pdf("<html lang='en'><title>Profile</title><p>A built profile.</p></html>")


def ready_document(city, language: str = "en", batch: str = "") -> ProfileDocument:
    document = ProfileDocument.objects.create(
        profile=profile_of(city), language=language, status=DocumentStatus.READY, built_at=timezone.now(), batch=batch
    )
    pdf = _tiny_pdf()
    document.file.save(f"profile-{language}-{document.pk}.pdf", ContentFile(pdf), save=False)
    document.size, document.pages, document.checksum = len(pdf), 1, "test"
    document.save()
    return document


def profile_world(*, city_a) -> dict:
    """City A's profile, built in English and not public; its build belongs to a batch."""
    return {"profile_document_a": ready_document(city_a, batch="batch000001"), "profile_batch": "batch000001"}
