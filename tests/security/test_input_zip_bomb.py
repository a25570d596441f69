"""F8: a .docx (or any zip upload) is refused from its directory when it would unpack to more than a document holds,
before anything is inflated: quickly, and without the memory the inflated text would take."""

import io
import time
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from goodpractices import services, uploads
from goodpractices.models import GoodPractice, ReferenceFile

from ..goodpractices.factories import GoodPracticeFactory
from ..goodpractices.test_docx_import import bergen_template

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def zip_bomb(*, member: str = "word/document.xml", size: int = 100 * MB, name: str = "report.docx") -> io.BytesIO:
    """A real .docx-shaped archive whose one big member is `size` bytes of highly compressible XML."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with archive.open(member, "w", force_zip64=True) as stream:
            chunk = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * (MB // 36)
            written = 0
            while written < size:
                stream.write(chunk[: size - written])
                written += len(chunk[: size - written])
    buffer.seek(0)
    buffer.name = name
    return buffer


def refused_quickly_and_lightly(call) -> tuple[str, float, int]:
    """Runs `call`, which must raise ValidationError; returns its message, the seconds and the peak bytes taken."""
    tracemalloc.start()
    started = time.process_time()
    try:
        with pytest.raises(ValidationError) as refused:
            call()
        return " ".join(refused.value.messages), time.process_time() - started, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_f8_a_docx_that_inflates_to_100_mb_is_refused_fast_and_light(city_a, coordinator_a):
    bomb = zip_bomb()
    assert bomb.getbuffer().nbytes < 1 * MB  # what the upload limit sees
    message, seconds, peak = refused_quickly_and_lightly(
        lambda: services.practice_import_docx(city=city_a, by=coordinator_a, upload=bomb)
    )
    assert "unpacks to more than 50 MB" in message
    assert seconds < 1, seconds
    assert peak < 5 * MB, peak
    assert not GoodPractice.objects.exists()


def test_f8_a_zip_bomb_within_the_size_limits_is_refused_by_its_compression_ratio(city_a, coordinator_a):
    bomb = zip_bomb(size=20 * MB)
    message, seconds, _peak = refused_quickly_and_lightly(
        lambda: services.practice_import_docx(city=city_a, by=coordinator_a, upload=bomb)
    )
    assert "zip bomb" in message and seconds < 1


def test_f8_a_reference_document_bomb_is_refused_before_its_mimetype_is_read(city_a, coordinator_a):
    practice = GoodPracticeFactory(city=city_a, status="draft")
    for member, name in (("word/document.xml", "annex.docx"), ("mimetype", "annex.odt")):
        bomb = zip_bomb(member=member, name=name)
        bomb.size = bomb.getbuffer().nbytes
        message, seconds, peak = refused_quickly_and_lightly(
            lambda bomb=bomb: services.reference_file_add(practice=practice, by=coordinator_a, upload=bomb)
        )
        assert "unpacks to more than 50 MB" in message and seconds < 1 and peak < 5 * MB
    assert not ReferenceFile.objects.exists()


def test_f8_the_import_page_says_why_in_english_and_french(client_as, city_a):
    client = client_as("coordinator_a")
    english = client.post(reverse("practice_desk:import"), {"city": city_a.pk, "document": zip_bomb()})
    assert "unpacks to more than 50 MB" in english.content.decode()
    try:
        french = client.post("/fr/my/practices/import/", {"city": city_a.pk, "document": zip_bomb()})
    finally:
        translation.activate("en")  # the request left French active in this thread
    assert "se décompresse en plus de 50 Mo" in french.content.decode()
    assert not GoodPractice.objects.exists()


def test_f8_real_documents_still_pass(city_a, coordinator_a):
    uploads.check_archive(bergen_template())
    practice = services.practice_import_docx(city=city_a, by=coordinator_a, upload=bergen_template())
    assert practice.title == "Research on structural racism"
