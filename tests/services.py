"""Fixtures that start real processes: a Celery worker on the configured broker, and Chromium."""

import email
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from icc_portal.celery import app as celery_app

__all__ = ["celery_worker", "_worker_process", "browser", "page", "CHROMIUM"]

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]


def _test_database_url() -> str:
    db = connection.settings_dict
    host = quote(db["HOST"], safe="") if db["HOST"].startswith("/") else db["HOST"]
    port = f":{db['PORT']}" if db["PORT"] else ""
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    return f"postgres://{quote(db['USER'])}{password}@{host}{port}/{db['NAME']}"


class Worker:
    """A `celery worker` process on a queue of its own, writing its e-mails as files the test can read.

    `env` adds to the worker's environment and `options` replace its pool options (a drill kills pool processes);
    `start()` starts it again after it was stopped or killed, with the same queue and mail folder.
    """

    def __init__(
        self, tmp: Path, media_root: Path | None = None, *, env: dict | None = None, options: tuple = ("--pool", "solo")
    ):
        self.queue = f"test-{uuid.uuid4().hex[:12]}"
        self.mail_dir = tmp / "mail"
        self.log = tmp / "worker.log"
        self.mail_dir.mkdir(parents=True)
        self.env = {
            **os.environ,
            "DATABASE_URL": _test_database_url(),
            "CELERY_TASK_DEFAULT_QUEUE": self.queue,
            "EMAIL_URL": "file://",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "DJANGO_SETTINGS_MODULE": "icc_portal.settings",
            # The worker stores files (built profiles) where the tests read them.
            **({"MEDIA_ROOT": str(media_root)} if media_root else {}),
            **(env or {}),
        }
        self.options = list(options)
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "icc_portal",
                "worker",
                "-Q",
                self.queue,
                *self.options,
                "-l",
                "info",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            env=self.env,
            stdout=self.log.open("a"),
            stderr=subprocess.STDOUT,
            cwd=settings.BASE_DIR,
        )

    def messages(self) -> list[email.message.Message]:
        found = []
        for path in sorted(self.mail_dir.glob("*.log")):
            # The file backend separates messages with a line of 79 dashes.
            for chunk in path.read_text().split("-" * 79):
                if chunk.strip():
                    found.append(email.message_from_string(chunk.strip()))
        return found

    def wait_for_mail(self, count: int = 1, timeout: float = 90) -> list[email.message.Message]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            messages = self.messages()
            if len(messages) >= count:
                return messages
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise AssertionError(
            f"expected {count} e-mail(s), got {len(self.messages())}; worker log:\n" + self.log.read_text()[-3000:]
        )

    def clear_mail(self) -> None:
        for path in self.mail_dir.glob("*.log"):
            path.unlink()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture(scope="session")
def _worker_process(django_db_setup, django_db_blocker, tmp_path_factory, _media_root):
    with django_db_blocker.unblock():
        worker = Worker(tmp_path_factory.mktemp("celery"), media_root=_media_root)
    previous_queue = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = worker.queue
    yield worker
    celery_app.conf.task_default_queue = previous_queue
    worker.stop()


@pytest.fixture
def celery_worker(_worker_process, transactional_db):
    """A real worker process. Tests using it run in transactional mode: the worker sees committed data only."""
    _worker_process.clear_mail()
    yield _worker_process


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's Chromium is missing at {CHROMIUM}: `make test` installs it (apt-get install chromium).")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
