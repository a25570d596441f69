"""Checks on uploaded documents: the type is read from the content, never trusted from the name."""

import zipfile

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MB = 1024 * 1024
# Office files (.docx, .odt) are zip archives. What they unpack to is checked from the archive's directory before
# anything is unpacked: a 346 KB .docx whose document.xml inflates to 100 MB cost 51 s of CPU and 720 MB to parse.
# The declared sizes can be trusted as bounds: Python's zipfile never inflates a member past its declared size (it
# stops there and the CRC check fails). A real report's XML deflates about 5–20 to 1; a zip bomb, 1,000 to 1.
MAX_ARCHIVE_MEMBERS = 1000
MAX_MEMBER_BYTES = 25 * MB
MAX_ARCHIVE_BYTES = 50 * MB
MAX_COMPRESSION_RATIO = 100
RATIO_CHECKED_FROM = 1 * MB  # small members (an empty style sheet) may compress further, harmlessly
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


def check_archive(upload) -> None:
    """ValidationError when the zip archive `upload` would unpack to more than a document can hold; nothing is
    unpacked. A file that is not a zip archive passes (its reader says what it is not)."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    finally:
        upload.seek(0)
    if len(members) > MAX_ARCHIVE_MEMBERS:
        raise ValidationError(
            _("This file holds more than %(limit)d parts, more than any document; it was not read.")
            % {"limit": MAX_ARCHIVE_MEMBERS}
        )
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > MAX_MEMBER_BYTES or total > MAX_ARCHIVE_BYTES:
            raise ValidationError(
                _(
                    "This file unpacks to more than %(limit)d MB, more than a document of the ICC template holds; "
                    "it was not read. Save it again without large embedded media, or upload a PDF."
                )
                % {"limit": MAX_ARCHIVE_BYTES // MB}
            )
        if member.file_size > RATIO_CHECKED_FROM and member.file_size > MAX_COMPRESSION_RATIO * member.compress_size:
            raise ValidationError(
                _(
                    "This file is compressed far more than any document can be (a “zip bomb”); it was not read. "
                    "Save it again from your word processor, or upload a PDF."
                )
            )


def _office_type(upload) -> str | None:
    check_archive(upload)
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
