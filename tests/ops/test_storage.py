"""Uploaded files go through Django's storage API (local disk by default, S3 by environment); a full disk is a clear
error that leaves no row and no half-written file."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation

from core.storage import LocalStorage
from goodpractices.models import ReferenceFile
from tests.files import pdf_bytes
from tests.goodpractices.factories import GoodPracticeFactory

from .storage import FullDiskStorage

PDF = pdf_bytes(padding=64 * 1024)


@pytest.fixture
def draft(city_a, coordinator_a):
    return GoodPracticeFactory(city=city_a, created_by=coordinator_a)


def _upload(client, practice, content=PDF, name="report.pdf"):
    document = io.BytesIO(content)
    document.name = name
    url = reverse("practice_desk:file-upload", args=[practice.pk])
    return client.post(url, {"document": document}, follow=True)


def _files_under(root) -> list[Path]:
    return [path for path in Path(root).rglob("*") if path.is_file()]


def _storage(settings, backend: str) -> None:
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": backend}}


def test_full_disk_for_uploads_is_a_clear_error_and_leaves_nothing_half_written(client_as, draft, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    _storage(settings, "tests.ops.storage.FullDiskStorage")
    response = _upload(client_as("coordinator_a"), draft)
    assert response.status_code == 200
    assert "no room to store this file right now, so nothing was saved" in response.content.decode()
    assert FullDiskStorage.written == 4096  # the disk filled up part-way through the file
    assert not ReferenceFile.objects.exists()
    assert _files_under(tmp_path / "media") == []


def test_full_disk_message_in_french(client_as, draft, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    _storage(settings, "tests.ops.storage.FullDiskStorage")
    client = client_as("coordinator_a")
    document = io.BytesIO(PDF)
    document.name = "rapport.pdf"
    with translation.override("fr"):
        url = reverse("practice_desk:file-upload", args=[draft.pk])
    response = client.post(url, {"document": document}, follow=True)
    assert "rien n’a été enregistré" in response.content.decode()


def test_uploads_and_downloads_go_through_the_storage_api_not_paths(client_as, draft, settings, tmp_path):
    """With an in-memory storage standing in for S3, nothing lands on the disk and the file is served back."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    _storage(settings, "django.core.files.storage.InMemoryStorage")
    _upload(client_as("coordinator_a"), draft)
    document = ReferenceFile.objects.get()
    assert _files_under(tmp_path) == []
    response = client_as("coordinator_a").get(document.get_absolute_url())
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF


def test_the_local_disk_never_shows_a_partial_file_nor_replaces_one(tmp_path):
    storage = LocalStorage(location=tmp_path)
    first = storage.save("practices/report", ContentFile(b"one"))
    second = storage.save("practices/report", ContentFile(b"two"))
    assert first != second
    assert (tmp_path / first).read_bytes() == b"one" and (tmp_path / second).read_bytes() == b"two"
    assert sorted(path.name for path in _files_under(tmp_path)) == sorted([Path(first).name, Path(second).name])


S3 = {"AWS_STORAGE_BUCKET_NAME": "icc-media", "AWS_S3_ENDPOINT_URL": "https://s3.example"}


@pytest.mark.parametrize(
    "environment, backend", [({}, "core.storage.LocalStorage"), (S3, "storages.backends.s3.S3Storage")]
)
def test_the_storage_is_chosen_by_environment(environment, backend):
    code = "from django.conf import settings; print(settings.STORAGES['default']['BACKEND'])"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "icc_portal.settings", **environment}
    if not environment:
        env.pop("AWS_STORAGE_BUCKET_NAME", None)
    output = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert output.stdout.strip() == backend


def test_the_s3_storage_can_be_built_from_the_environment():
    """boto3 is installed (the `s3` extra, and the Docker image): the bucket's storage is built, not only named."""
    code = (
        "from django.core.files.storage import storages; s = storages['default']; "
        "print(type(s).__name__, s.bucket_name, s.location, s.endpoint_url, s.querystring_auth)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "icc_portal.settings", **S3}
    output = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert output.stdout.split() == ["S3Storage", "icc-media", "media", "https://s3.example", "True"]
