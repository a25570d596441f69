"""Checks on uploaded documents: the type is read from the content, never trusted from the name."""

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
ALLOWED_TYPES = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (.docx)",
    "application/vnd.oasis.opendocument.text": "OpenDocument (.odt)",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def sniff(upload) -> str | None:
    """The MIME type the file's first bytes say it has, or None."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None:
        return None
    if kind.mime == "application/zip" or kind.mime == DOCX:
        # Office files are zip archives; filetype needs more than the first bytes to tell .docx from .zip.
        return _office_type(upload) or kind.mime
    return kind.mime


def _office_type(upload) -> str | None:
    import zipfile

    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return DOCX
            if "mimetype" in names:
                return archive.read("mimetype").decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        upload.seek(0)
    return None


def check_reference_upload(upload) -> str:
    """The file's MIME type when it is an allowed document of at most 10 MB; ValidationError otherwise."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("%(name)s is larger than 10 MB; upload a smaller file or add a link instead.") % {"name": upload.name}
        )
    content_type = sniff(upload)
    if content_type not in ALLOWED_TYPES:
        raise ValidationError(
            _("%(name)s is not a PDF, Word (.docx), OpenDocument (.odt), PNG or JPEG file.") % {"name": upload.name}
        )
    return content_type
