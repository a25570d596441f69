from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from cities import rules

from ..choices import PracticeStatus
from ..models import ReferenceFile

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
    response = FileResponse(
        handle,
        content_type=document.content_type,
        as_attachment=document.content_type not in INLINE_TYPES,
        filename=document.name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    if practice.status != PracticeStatus.PUBLISHED:
        response["Cache-Control"] = "private, no-store"
    return response
