"""F17: an upload is what its whole content proves, not what its first bytes or its own `mimetype` member claim;
a stored file that does not show its checked type is served as a download of bytes."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image

from goodpractices.models import ReferenceFile
from goodpractices.uploads import ODT

from ..files import pdf_bytes
from ..goodpractices.factories import PNG, GoodPracticeFactory
from ..goodpractices.test_docx_import import bergen_template

pytestmark = pytest.mark.django_db


def _file(content: bytes, name: str) -> io.BytesIO:
    upload = io.BytesIO(content)
    upload.name = name
    return upload


def zip_claiming(mimetype: str) -> bytes:
    """A zip archive laid out like an OpenDocument file whose `mimetype` member names another type."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        archive.writestr("content.xml", "<html><script>alert(1)</script></html>")
    return buffer.getvalue()


def real_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (10, 120, 200)).save(buffer, "JPEG")
    return buffer.getvalue()


def real_odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), ODT, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def with_zip_appended(content: bytes) -> bytes:
    return content + zip_claiming("application/pdf")


REFUSED = {
    "a zip whose mimetype says PDF": (zip_claiming("application/pdf"), "annex.pdf"),
    "a zip whose mimetype says PNG": (zip_claiming("image/png"), "poster.png"),
    "an empty zip named .odt": (b"PK\x05\x06" + bytes(18), "report.odt"),
    "a PDF with a zip appended": (with_zip_appended(pdf_bytes()), "annex.pdf"),
    "a PNG with a zip appended": (with_zip_appended(PNG), "poster.png"),
    "a PDF header on nothing": (b"%PDF-1.7\n<script>alert(1)</script>\n%%EOF", "annex.pdf"),
    "a PNG signature on nothing": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "poster.png"),
    "a JPEG marker on nothing": (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "photo.jpg"),
    "HTML": (b"<html><script>alert(1)</script></html>", "page.pdf"),
}
ACCEPTED = {
    "a PDF": (pdf_bytes(), "annex.pdf", "application/pdf", "inline"),
    "a PNG": (PNG, "poster.png", "image/png", "inline"),
    "a JPEG": (real_jpeg(), "photo.jpg", "image/jpeg", "inline"),
    "a Word file": (bergen_template().getvalue(), "report.docx", "application/vnd.openxmlformats-officedocument."
                    "wordprocessingml.document", "attachment"),
    "an OpenDocument text": (real_odt(), "report.odt", ODT, "attachment"),
}  # fmt: skip


@pytest.fixture
def draft(city_a):
    return GoodPracticeFactory(city=city_a, status="draft")


@pytest.mark.parametrize("case", list(REFUSED))
def test_f17_an_upload_that_only_claims_a_type_is_refused(client_as, draft, case):
    content, name = REFUSED[case]
    response = client_as("coordinator_a").post(
        reverse("practice_desk:file-upload", args=[draft.pk]), {"document": _file(content, name)}, follow=True
    )
    assert "is not a PDF, Word (.docx), OpenDocument (.odt), PNG or JPEG file" in response.content.decode()
    assert not ReferenceFile.objects.exists()


@pytest.mark.parametrize("case", list(ACCEPTED))
def test_f17_a_real_document_is_stored_and_served_as_what_it_is(client_as, draft, case):
    content, name, content_type, disposition = ACCEPTED[case]
    client = client_as("coordinator_a")
    client.post(reverse("practice_desk:file-upload", args=[draft.pk]), {"document": _file(content, name)})
    document = ReferenceFile.objects.get()
    assert document.content_type == content_type
    response = client.get(document.get_absolute_url())
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith(disposition)
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png", "text/html"])
def test_f17_a_stored_file_that_is_not_what_its_row_says_is_served_as_a_download_of_bytes(
    client_as, draft, content_type
):
    # Stored before uploads were checked by their whole content.
    document = ReferenceFile(practice=draft, name="annex", content_type=content_type, size=1)
    document.file.save("annex", ContentFile(zip_claiming(content_type)), save=False)
    document.save()
    response = client_as("coordinator_a").get(document.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
