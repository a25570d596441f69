"""Checks on uploaded documents: the type is proven by the whole content, never trusted from the name."""

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
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
OCTET_STREAM = "application/octet-stream"
ALLOWED_TYPES = {PDF: "PDF", DOCX: "Word (.docx)", ODT: "OpenDocument (.odt)", "image/png": "PNG", "image/jpeg": "JPEG"}
IMAGE_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG"}
MAX_IMAGE_PIXELS = 40_000_000  # a 40-megapixel photo; more is a decompression bomb, not a reference document


def sniff(upload) -> str | None:
    """The document type the file's whole content proves it is, or None.

    The first bytes only say what a file claims to be: a zip archive whose own `mimetype` member says PDF, or a PDF
    with a zip archive appended, would pass a check of the first bytes and be served inline as something it is not.
    So a PDF must start with %PDF, end with its trailer, open with pypdf and not also be a zip archive; a PNG or JPEG
    must decode; a zip archive is a .docx or an .odt only when its members make one (and after `check_archive`).
    """
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if _is_zip(upload):
        return _office_type(upload)
    kind = filetype.guess(head)
    if kind is None:
        return None
    if kind.mime == PDF:
        return PDF if _is_pdf(upload) else None
    if kind.mime in IMAGE_FORMATS:
        return kind.mime if _decodes(upload, IMAGE_FORMATS[kind.mime]) else None
    return None


def served_type(handle, content_type: str) -> str:
    """The type a stored document is served as: the type it was checked as on upload when its first bytes still
    show it (and, for PDF and images, it is not also a zip archive), else application/octet-stream. Cheap enough
    for every download; it covers files stored before uploads were checked by their whole content."""
    handle.seek(0)
    kind = filetype.guess(handle.read(8192))
    handle.seek(0)
    if content_type in (DOCX, ODT):
        return content_type if _is_zip(handle) else OCTET_STREAM
    if kind is not None and kind.mime == content_type and content_type in ALLOWED_TYPES and not _is_zip(handle):
        return content_type
    return OCTET_STREAM


def _is_zip(upload) -> bool:
    try:
        return zipfile.is_zipfile(upload)  # finds the archive's directory at the end, whatever comes first
    finally:
        upload.seek(0)


def _is_pdf(upload) -> bool:
    import pypdf

    upload.seek(0)
    try:
        if not upload.read(5) == b"%PDF-":
            return False
        upload.seek(0, 2)
        upload.seek(max(0, upload.tell() - 1024))
        if b"%%EOF" not in upload.read():
            return False
        upload.seek(0)
        reader = pypdf.PdfReader(upload, strict=False)
        return reader.is_encrypted or len(reader.pages) > 0  # an encrypted PDF's pages need its password
    except Exception:  # pypdf raises many kinds of errors on a file that is not a PDF
        return False
    finally:
        upload.seek(0)


def _decodes(upload, image_format: str) -> bool:
    from PIL import Image

    upload.seek(0)
    try:
        with Image.open(upload, formats=[image_format]) as image:
            if image.width * image.height > MAX_IMAGE_PIXELS:
                return False
            if image_format == "JPEG":
                image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))  # decode at 1/8 scale
            image.load()
        return True
    except Exception:  # Pillow raises many kinds of errors on a file that does not decode
        return False
    finally:
        upload.seek(0)


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
    """DOCX or ODT when the archive's members make one, else None (a zip's `mimetype` member alone proves nothing)."""
    check_archive(upload)
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
            if {"[Content_Types].xml", "word/document.xml"} <= names:
                return DOCX
            # OpenDocument: an uncompressed `mimetype` member first, naming a text document, and the content.
            first = members[0] if members else None
            if (
                first is not None
                and first.filename == "mimetype"
                and first.compress_type == zipfile.ZIP_STORED
                and archive.read(first).strip() == ODT.encode()
                and "content.xml" in names
            ):
                return ODT
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
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
