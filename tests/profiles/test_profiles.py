"""Building, reading, safety and staleness of the intercultural profiles (in-process; the worker has its own tests)."""

import io
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pikepdf
import pytest
from django.utils import timezone
from pypdf import PdfReader

from profiles import render, services
from profiles.choices import DocumentStatus
from profiles.context import profile_context
from profiles.models import Profile, ProfileDocument

from ..goodpractices.factories import GoodPracticeFactory, field_of_action

pytestmark = pytest.mark.django_db


def _build(city, language="en", by=None):
    document = services.profile_request_build(city=city, language=language, by=by)
    return services.profile_build(document_id=document.pk)


def _text(document) -> str:
    with document.file.open("rb") as handle:
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)


def test_the_profile_shows_the_city_its_index_its_weakest_areas_and_ideas_from_other_cities(
    network, city_a, secretariat
):
    document = _build(city_a, by=secretariat)
    assert document.status == DocumentStatus.READY and document.pages >= 5
    text = " ".join(_text(document).split())
    assert "Alphaville" in text and "Intercultural profile" in text
    assert "40,0" not in text and "40.0" in text  # the core index, (20 + 60) / 2, one decimal in English
    assert "Where to look for ideas" in text and "Commitment" in text
    assert "Gamma charter" in text and "Gammaby" in text  # a practice from another city
    assert "Alpha welcome desk" in text  # the city's own practices have a chapter of their own
    assert set(document.timings) == {"context_ms", "html_ms", "pdf_ms"}
    assert document.snapshot["assessment"] == network["assessment"].pk


def test_the_profile_is_a_tagged_pdf_with_language_title_and_structure(network, city_a, secretariat):
    document = _build(city_a, by=secretariat)
    with document.file.open("rb") as handle, pikepdf.open(io.BytesIO(handle.read())) as pdf:
        assert str(pdf.Root.Lang) == "en"
        assert "/StructTreeRoot" in pdf.Root
        assert pdf.Root.MarkInfo.Marked
        assert "Alphaville" in str(pdf.open_metadata().get("dc:title"))
        figures = [e for e in _walk(pdf.Root.StructTreeRoot) if e.get("/S") == "/Figure" or "/Alt" in e]
        assert any("/Alt" in e and "Bar chart" in str(e.Alt) for e in figures)


def _walk(node):
    kids = node.get("/K")
    items = kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
    for kid in items:
        if isinstance(kid, pikepdf.Dictionary):
            yield kid
            yield from _walk(kid)


def test_the_french_profile_is_in_french(network, city_a, secretariat):
    text = " ".join(_text(_build(city_a, "fr", by=secretariat)).split())
    assert "Profil interculturel" in text and "Où trouver des idées" in text
    assert "40,0" in text  # French decimals


def test_asking_twice_builds_once_and_every_edition_is_kept(network, city_a, secretariat):
    first = _build(city_a, by=secretariat)
    queued = services.profile_request_build(city=city_a, by=secretariat)
    assert services.profile_request_build(city=city_a, by=secretariat) == queued
    services.profile_build(document_id=queued.pk)
    assert ProfileDocument.objects.filter(status=DocumentStatus.READY).count() == 2
    assert first.file.storage.exists(first.file.name)


def test_only_the_secretariat_asks_for_a_build(network, city_a, coordinator_a):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.profile_request_build(city=city_a, by=coordinator_a)


class _Recorder(BaseHTTPRequestHandler):
    hits: list = []

    def do_GET(self):
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_text_typed_by_a_city_fetches_nothing_and_leaks_nothing(network, city_a, secretariat):
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    hostile = (
        '<img src="file:///etc/passwd"> '
        f'<img src="http://127.0.0.1:{port}/img.png"> '
        f"<style>body {{ background: url(http://127.0.0.1:{port}/css) }}</style> "
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/sheet.css">'
    )
    GoodPracticeFactory(
        city=city_a,
        status="published",
        title=f"Hostile {hostile}",
        main_purpose=hostile,
        main_field=field_of_action("1"),
    )
    try:
        text = _text(_build(city_a, by=secretariat))
    finally:
        server.shutdown()
    assert _Recorder.hits == []
    assert "root:x:0" not in text
    assert "file:///etc/passwd" in text  # shown as the text it is


def test_rendering_is_pure_context_to_bytes(network, city_a):
    context = profile_context(city_a, "en")
    pdf = render.html_pdf(render.profile_html(context))
    assert pdf.startswith(b"%PDF") and render.page_count(pdf) >= 5


def test_ten_changes_give_one_build(network, city_a, secretariat, settings):
    _build(city_a, by=secretariat)
    for number in range(10):
        GoodPracticeFactory(city=city_a, status="published", title=f"Change {number}", main_field=field_of_action("1"))
    profile = Profile.objects.get(city=city_a)
    assert profile.stale_since is not None
    assert services.profiles_rebuild_stale() == 0, "still changing: wait for a quiet period"
    Profile.objects.filter(pk=profile.pk).update(
        stale_since=timezone.now() - timedelta(seconds=settings.PROFILE_REBUILD_DEBOUNCE + 1)
    )
    assert services.profiles_rebuild_stale() == 1
    assert services.profiles_rebuild_stale() == 0
    assert ProfileDocument.objects.filter(status=DocumentStatus.QUEUED).count() == 1


def test_a_practice_published_in_a_recommended_field_makes_other_profiles_stale(network, city_a, secretariat):
    _build(city_a, by=secretariat)
    assert Profile.objects.get(city=city_a).stale_since is None
    GoodPracticeFactory(city=network["delta"], status="published", title="New idea", main_field=field_of_action("1"))
    assert Profile.objects.get(city=city_a).stale_since is not None


def test_a_failed_build_says_why_and_keeps_the_previous_pdf(network, city_a, secretariat, settings):
    previous = _build(city_a, by=secretariat)
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "no.such.Storage"}}
    document = services.profile_request_build(city=city_a, by=secretariat)
    with pytest.raises(Exception):  # noqa: B017  (whatever the storage raises, the document records it)
        services.profile_build(document_id=document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED and document.error
    from profiles import selectors

    assert selectors.current_document(city_a, "en") == previous
