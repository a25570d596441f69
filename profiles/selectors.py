"""Who may read a city's profile, and what a reader gets: the newest complete document, never one in progress."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from cities import rules
from cities.models import City

from .choices import DocumentStatus
from .models import Profile, ProfileDocument


def may_read(user, city: City) -> bool:
    """Public once the secretariat publishes the profile; before, the city's members and the secretariat."""
    if rules.is_secretariat(user) or rules.is_member_of(user, city):
        return True
    return Profile.objects.filter(city=city, published=True).exists()


def latest_document(city: City, language: str) -> ProfileDocument | None:
    """The newest document in any state (what the API's status reports)."""
    return ProfileDocument.objects.filter(profile__city=city, language=language).order_by("-requested_at").first()


def ready_documents(city: City, language: str | None = None) -> QuerySet[ProfileDocument]:
    """Every complete edition, newest first (the first is the current one, the rest "previous editions")."""
    documents = ProfileDocument.objects.filter(profile__city=city, status=DocumentStatus.READY)
    if language:
        documents = documents.filter(language=language)
    return documents.order_by("-built_at")


def current_document(city: City, language: str) -> ProfileDocument | None:
    return ready_documents(city, language).first()


def status_of(city: City, language: str) -> dict | None:
    """The contract's profile status: the newest build's state, and the newest complete PDF's address."""
    latest = latest_document(city, language)
    if latest is None:
        return None
    ready = latest if latest.status == DocumentStatus.READY else current_document(city, language)
    stale = Profile.objects.filter(city=city, stale_since__isnull=False).exists()
    return {
        "status": latest.status,
        "language": language,
        "built_at": ready.built_at if ready else None,
        "url": document_url(ready) if ready else None,
        "pages": ready.pages if ready else None,
        "size": ready.size if ready else None,
        "stale": stale,
        "error": latest.error if latest.status == DocumentStatus.FAILED else "",
    }


def document_url(document: ProfileDocument) -> str:
    from django.urls import reverse

    return reverse("profiles:document", args=[document.profile.city.slug, document.pk])


def batch_progress(batch: str) -> dict:
    counts = dict(ProfileDocument.objects.filter(batch=batch).values_list("status").annotate(n=Count("pk")).order_by())
    finished = list(
        ProfileDocument.objects.filter(batch=batch, status__in=[DocumentStatus.READY, DocumentStatus.FAILED])
        .select_related("profile__city")
        .order_by("profile__city__name")
    )
    total = sum(counts.values())
    return {
        "total": total,
        "counts": {status: counts.get(status, 0) for status in DocumentStatus.values},
        "done": counts.get(DocumentStatus.READY, 0) + counts.get(DocumentStatus.FAILED, 0) == total,
        "failed": [d for d in finished if d.status == DocumentStatus.FAILED],
        "ready": [d for d in finished if d.status == DocumentStatus.READY][:50],
    }


def overview() -> list[dict]:
    """Every member city with its profile's state, for the secretariat's page."""
    profiles = {p.city_id: p for p in Profile.objects.all()}
    latest = {}
    for document in (
        ProfileDocument.objects.order_by("profile_id", "language", "-requested_at")
        .distinct("profile_id", "language")
        .select_related("profile")
    ):
        latest.setdefault(document.profile.city_id, []).append(document)
    return [
        {"city": city, "profile": profiles.get(city.pk), "documents": latest.get(city.pk, [])}
        for city in City.objects.public().select_related("country").order_by("name")
    ]
