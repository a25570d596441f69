"""Reference documents: served to those who may see the practice, added and removed on the desk."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cities import rules
from core.errors import StorageFull

from .. import services
from ..choices import PracticeStatus
from ..forms import ReferenceFileForm
from ..models import ReferenceFile
from ..uploads import served_type
from .desk_access import desk_practice, login_keeping_post

INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg"}


def reference_file(request, pk, name):
    """An uploaded reference document: anyone for a published practice, else its city's members and the
    secretariat. Other people get 404, as if the file did not exist."""
    document = get_object_or_404(ReferenceFile.objects.select_related("practice"), pk=pk)
    practice = document.practice
    allowed = (
        practice.status == PracticeStatus.PUBLISHED
        or rules.is_secretariat(request.user)
        or rules.is_member_of(request.user, practice.city)
    )
    if not allowed or name != document.name:
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    # Only a type the file still shows is served as such (inline for PDF and images); anything else is a download
    # of bytes, which no browser renders.
    content_type = served_type(handle, document.content_type)
    response = FileResponse(
        handle, content_type=content_type, as_attachment=content_type not in INLINE_TYPES, filename=document.name
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    if practice.status != PracticeStatus.PUBLISHED:
        response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_keeping_post
def file_upload(request, pk):
    practice = desk_practice(request, pk)
    form = ReferenceFileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            document = services.reference_file_add(
                practice=practice, by=request.user, upload=form.cleaned_data["document"]
            )
        except (ValidationError, services.StateConflict, StorageFull) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("%(name)s added.") % {"name": document.name})
    else:
        messages.error(request, _("Choose a file to upload."))
    return redirect(reverse("practice_desk:edit", args=[practice.pk]) + "#documents")


@require_POST
@login_keeping_post
def file_delete(request, pk, file_pk):
    practice = desk_practice(request, pk)
    document = get_object_or_404(ReferenceFile, pk=file_pk, practice=practice)
    try:
        services.reference_file_delete(document=document, by=request.user)
    except (services.StateConflict, PermissionDenied) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s removed.") % {"name": document.name})
    return redirect(reverse("practice_desk:edit", args=[practice.pk]) + "#documents")
