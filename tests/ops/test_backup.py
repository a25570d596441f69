"""Nothing lost: `manage.py backup` then `manage.py restore` into a FRESH database and an empty storage bring back
every practice, version, answer, file (byte for byte) and outbox item."""

import json
import os
import subprocess
import sys

import psycopg
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection

from core.models import OutboxMessage
from goodpractices import services as practices
from index import services as index
from tests.files import pdf_bytes
from tests.index.factories import small_edition
from tests.services import _test_database_url

from .inventory import inventory

pytestmark = pytest.mark.django_db(transaction=True)

PDF = pdf_bytes(padding=16 * 1024)


def _portal_content(city, coordinator, secretariat):
    practice = practices.practice_create(city=city, by=coordinator, data={"title": "Anti-rumour network"})
    practices.practice_update(practice=practice, by=coordinator, data={"title": "Anti-rumour network, 2nd draft"})
    upload = SimpleUploadedFile("évaluation finale.pdf", PDF, content_type="application/pdf")
    practices.reference_file_add(practice=practice, by=coordinator, upload=upload)
    assessment = index.assessment_create(city=city, edition=small_edition(), year=2025, by=coordinator)
    question = assessment.edition.questions.filter(kind="yes_no").first()
    index.answers_save(
        assessment=assessment, items=[{"question": question.code, "choices": ["yes"], "comment": "Since 2019"}],
        by=coordinator,
    )  # fmt: skip
    # One e-mail waiting for a worker at backup time: written as the outbox writes it, but never handed to the broker,
    # so that no worker of another test (CI runs a real one on Redis) delivers it before the backup.
    OutboxMessage.objects.create(
        kind="email",
        payload={"template": "invitation", "recipients": ["new@test.example"], "language": "en",
                 "context": {"city": city.name, "link": "l"}},
    )  # fmt: skip


@pytest.fixture
def fresh_database():
    """An empty database on the same server as the test database, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored"
    url = _test_database_url().rsplit("/", 1)[0]
    with psycopg.connect(f"{url}/postgres", autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.execute(f'CREATE DATABASE "{name}"')
    yield f"{url}/{name}"
    with psycopg.connect(f"{url}/postgres", autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_restored_into_a_fresh_database_finds_everything(
    city_a, coordinator_a, secretariat, fresh_database, tmp_path, capsys
):
    _portal_content(city_a, coordinator_a, secretariat)
    before = json.loads(json.dumps(inventory(), sort_keys=True, default=str))
    assert all(before.values()), before  # a practice, versions, an answer, a file and an outbox item to find

    call_command("backup", output=str(tmp_path / "backup"))
    print(capsys.readouterr().out)
    restored = {
        **os.environ,
        "DATABASE_URL": fresh_database,
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
        "DJANGO_SETTINGS_MODULE": "icc_portal.settings",
    }
    restore = [sys.executable, "manage.py", "restore", str(tmp_path / "backup"), "--no-input"]
    result = subprocess.run(restore, env=restored, cwd=settings.BASE_DIR, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    print(result.stdout)

    reading = [sys.executable, "-m", "tests.ops.inventory"]
    after = subprocess.run(reading, env=restored, cwd=settings.BASE_DIR, capture_output=True, text=True, check=True)
    assert json.loads(after.stdout) == before
