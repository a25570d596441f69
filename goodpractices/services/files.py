"""Reference documents attached to a practice while it is being written."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import GoodPractice, ReferenceFile
from ..workflow import PRACTICE_WORKFLOW
from .content import check_coordinates


@transaction.atomic
def reference_file_add(*, practice: GoodPractice, by, upload) -> ReferenceFile:
    """Attaches an uploaded document after checking its content (see `uploads.check_reference_upload`)."""
    from ..uploads import check_reference_upload

    check_coordinates(by, practice)
    PRACTICE_WORKFLOW.check(
        practice, "edit", _("Documents can be added only to a draft or when changes were requested.")
    )
    content_type = check_reference_upload(upload)
    name = (upload.name or "document").replace("/", "_").replace("\\", "_")[-150:]
    document = ReferenceFile(practice=practice, name=name, content_type=content_type, size=upload.size, uploaded_by=by)
    document.file.save(name, upload, save=False)
    document.save()
    return document


@transaction.atomic
def reference_file_delete(*, document: ReferenceFile, by) -> None:
    check_coordinates(by, document.practice)
    PRACTICE_WORKFLOW.check(
        document.practice, "edit", _("Documents can be removed only from a draft or when changes were requested.")
    )
    document.delete()
