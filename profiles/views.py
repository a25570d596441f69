"""The profile's pages: downloads behind the permission check, and the secretariat's build desk."""

import uuid

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cities.models import City
from core.permissions import secretariat_required

from . import selectors, services
from .choices import DocumentStatus, ProfileLanguage
from .models import ProfileDocument


def document(request, city_slug: str, pk: int):
    """One built edition as a download (the current one or a previous one)."""
    city = get_object_or_404(City, slug=city_slug)
    if not selectors.may_read(request.user, city):
        raise Http404
    doc = get_object_or_404(ProfileDocument, pk=pk, profile__city=city, status=DocumentStatus.READY)
    filename = f"{city.slug}-intercultural-profile-{doc.language}-{doc.built_at:%Y-%m-%d}.pdf"
    response = FileResponse(doc.file.open("rb"), content_type="application/pdf", as_attachment=True, filename=filename)
    response["ETag"] = f'"{doc.checksum}"'
    public = selectors.may_read(None, city) if not request.user.is_authenticated else False
    response["Cache-Control"] = "public, max-age=3600" if public else "private, max-age=300"
    return response


def current(request, city_slug: str, language: str):
    city = get_object_or_404(City, slug=city_slug)
    if language not in ProfileLanguage.values or not selectors.may_read(request.user, city):
        raise Http404
    doc = selectors.current_document(city, language)
    if doc is None:
        raise Http404
    return redirect("profiles:document", city_slug=city.slug, pk=doc.pk)


@secretariat_required
def desk(request):
    return render(request, "profiles/desk.html", {"rows": selectors.overview(), "languages": ProfileLanguage.choices})


@secretariat_required
@require_POST
def rebuild(request, city_slug: str):
    city = get_object_or_404(City, slug=city_slug)
    batch = uuid.uuid4().hex[:12]
    services.profile_request_build(city=city, language=_language(request), by=request.user, batch=batch)
    messages.success(request, _("The profile of %(city)s is queued for building.") % {"city": city.name})
    return redirect("profiles:batch", batch=batch)


@secretariat_required
@require_POST
def rebuild_all(request):
    batch = services.profile_rebuild_all(by=request.user, language=_language(request))
    return redirect("profiles:batch", batch=batch)


@secretariat_required
def batch(request, batch: str):
    progress = selectors.batch_progress(batch)
    if not progress["total"]:
        raise Http404
    template = "profiles/_progress.html" if request.htmx else "profiles/batch.html"
    return render(request, template, {"batch": batch, "progress": progress})


@secretariat_required
@require_POST
def publish(request, city_slug: str):
    city = get_object_or_404(City, slug=city_slug)
    published = request.POST.get("published") == "1"
    services.profile_publish(city=city, published=published, by=request.user)
    if published:
        messages.success(request, _("The profile of %(city)s is public.") % {"city": city.name})
    else:
        messages.success(request, _("The profile of %(city)s is no longer public.") % {"city": city.name})
    return redirect("profiles:desk")


def _language(request) -> str:
    language = request.POST.get("language", "en")
    return language if language in ProfileLanguage.values else "en"
