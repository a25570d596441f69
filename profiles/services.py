"""Every write of the profiles: asking for a build, building, publishing, and keeping them current.

A build request is an outbox row ("profile.build") written with the request; the worker's thin task calls
`profile_build`, which renders `context → HTML → PDF` and stores the file before the document points to it, so a
reader only ever sees a complete PDF. Every edition is kept.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cities.models import City
from cities.rules import require_secretariat
from core import outbox

from . import render
from .choices import DocumentStatus
from .context import profile_context
from .models import Profile, ProfileDocument

OPEN = (DocumentStatus.QUEUED, DocumentStatus.BUILDING)


def profile_of(city: City) -> Profile:
    profile, _created = Profile.objects.get_or_create(city=city)
    return profile


@transaction.atomic
def profile_request_build(*, city: City, language: str = "en", by=None, batch: str = "") -> ProfileDocument:
    """Queues a build (the secretariat's request, or the beat's when `by` is None). A build already queued for the
    same city and language is reused: asking twice builds once."""
    if by is not None:
        require_secretariat(by)
    profile = Profile.objects.select_for_update().get(pk=profile_of(city).pk)
    queued = profile.documents.filter(language=language, status=DocumentStatus.QUEUED).first()
    if queued:
        return queued
    document = ProfileDocument.objects.create(profile=profile, language=language, requested_by=by, batch=batch)
    outbox.enqueue("profile.build", {"document_id": document.pk})
    return document


def profile_rebuild_all(*, by, language: str = "en") -> str:
    """Queues a build of every member city's profile; the batch id lets a page follow the progress."""
    require_secretariat(by)
    batch = uuid.uuid4().hex[:12]
    for city in City.objects.public().order_by("name"):
        profile_request_build(city=city, language=language, by=by, batch=batch)
    return batch


def profile_build(*, document_id: int) -> ProfileDocument:
    """Builds one document. Safe to run again: a ready document is left as it is; a half-done one starts over."""
    document = ProfileDocument.objects.select_related("profile__city").get(pk=document_id)
    if document.status == DocumentStatus.READY:
        return document
    ProfileDocument.objects.filter(pk=document.pk).update(
        status=DocumentStatus.BUILDING, started_at=timezone.now(), error=""
    )
    try:
        pdf, timings, snapshot = _render(document.profile.city, document.language)
        pages = render.page_count(pdf)
        name = f"profiles/{document.profile.city.slug}/profile-{document.language}-{document.pk}.pdf"
        stored = default_storage.save(name, ContentFile(pdf))  # complete on disk before any row points to it
    except Exception as error:
        ProfileDocument.objects.filter(pk=document.pk).update(
            status=DocumentStatus.FAILED, error=f"{error.__class__.__name__}: {error}"[:2000]
        )
        raise
    ProfileDocument.objects.filter(pk=document.pk).update(
        status=DocumentStatus.READY,
        file=stored,
        built_at=timezone.now(),
        size=len(pdf),
        checksum=hashlib.sha256(pdf).hexdigest(),
        pages=pages,
        timings=timings,
        snapshot=snapshot,
    )
    Profile.objects.filter(pk=document.profile_id).update(watch_fields=snapshot.get("recommendation_fields", []))
    document.refresh_from_db()
    return document


def _render(city: City, language: str) -> tuple[bytes, dict, dict]:
    started = time.perf_counter()
    context = profile_context(city, language)
    built_context = time.perf_counter()
    html = render.profile_html(context)
    built_html = time.perf_counter()
    pdf = render.html_pdf(html)
    timings = {
        "context_ms": round(1000 * (built_context - started), 1),
        "html_ms": round(1000 * (built_html - built_context), 1),
        "pdf_ms": round(1000 * (time.perf_counter() - built_html), 1),
    }
    return pdf, timings, context["snapshot"]


@transaction.atomic
def profile_publish(*, city: City, published: bool, by) -> Profile:
    """Makes the city's profile public (or takes it back to the city's coordinators and the secretariat)."""
    require_secretariat(by)
    profile = profile_of(city)
    profile.published = published
    profile.save(update_fields=["published"])
    return profile


def profiles_mark_stale(*, city_ids, fields=()) -> int:
    """What a profile shows changed: flag it (once) — the cities' own profiles, and those recommending practices in
    `fields`. The beat rebuilds flagged profiles after a quiet period."""
    shows_it = Q(city_id__in=list(city_ids))
    if fields:
        shows_it |= Q(watch_fields__overlap=list(fields))
    return Profile.objects.filter(shows_it, stale_since__isnull=True).update(stale_since=timezone.now())


def profiles_rebuild_stale() -> int:
    """Run by the beat: one build per language already built, for each profile flagged and quiet for a while
    (ten changes in a minute give one build, not ten)."""
    quiet = timezone.now() - timedelta(seconds=settings.PROFILE_REBUILD_DEBOUNCE)
    count = 0
    with transaction.atomic():
        stale = list(
            Profile.objects.select_for_update(skip_locked=True).select_related("city").filter(stale_since__lt=quiet)
        )
        for profile in stale:
            languages = set(profile.documents.values_list("language", flat=True)) or {"en"}
            for language in sorted(languages):
                profile_request_build(city=profile.city, language=language)
                count += 1
            profile.stale_since = None
            profile.save(update_fields=["stale_since"])
    return count
