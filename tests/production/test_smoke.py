"""The production path, run: docker-compose.yml's web (gunicorn, DEBUG=0), worker and beat started natively on this
machine's PostgreSQL and Redis, then used over HTTP as the public, a coordinator and the secretariat's mailbox would.

Run by .ci/run (and `make smoke`) with `-m production`; `make test` leaves it out. It fails, never skips, when
PostgreSQL or Redis cannot be reached. SMOKE_DATABASE_URL and SMOKE_REDIS_URL choose the servers (defaults:
127.0.0.1:5432 database icc_smoke, created afresh, and 127.0.0.1:6379 database 13, emptied).
"""

import email
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
import redis
import requests
from django.conf import settings

from tests.ops.drills import free_port, wait_until

from .stack import Stack, dockerfile_build_command, static_root

pytestmark = pytest.mark.production

DATABASE_URL = os.environ.get("SMOKE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/icc_smoke")
BROKER_URL = os.environ.get("SMOKE_REDIS_URL", "redis://127.0.0.1:6379/13")
CACHE_URL = os.environ.get("SMOKE_CACHE_URL", "redis://127.0.0.1:6379/14")  # compose's cache: a database of its own
# The TLS-terminating proxy in front of gunicorn says the request came over HTTPS (SECURE_PROXY_SSL_HEADER).
PROXY = {"X-Forwarded-Proto": "https"}


def _fresh_database() -> None:
    server, name = DATABASE_URL.rsplit("/", 1)
    try:
        with psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=5) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        pytest.fail(f"The production smoke needs PostgreSQL at {server}: {error}")


def _empty_redis_databases() -> None:
    for url in (BROKER_URL, CACHE_URL):
        try:
            redis.Redis.from_url(url, socket_connect_timeout=5).flushdb()  # this test's own database numbers
        except redis.exceptions.ConnectionError as error:
            pytest.fail(f"The production smoke needs Redis at {url}: {error}")


@pytest.fixture(scope="module")
def stack(request, tmp_path_factory):
    _fresh_database()
    _empty_redis_databases()
    stack = Stack(
        tmp_path_factory.mktemp("stack"),
        database_url=DATABASE_URL,
        broker_url=BROKER_URL,
        cache_url=CACHE_URL,
        port=free_port(),
    )
    try:
        # The image's build step (collectstatic) runs beside migrate + load_demo: one is CPU, the other database.
        with ThreadPoolExecutor(1) as background:
            collected = background.submit(_collect_static, stack)
            stack.run("migrate", stack.services["migrate"]["command"])
            stack.run("load_demo", ["python", "manage.py", "load_demo"])
            collected.result()
        assert (static_root() / "staticfiles.json").exists(), stack.logs()
        for name in ("web", "worker", "beat"):
            stack.start(name)
        wait_until(lambda: _answers(stack.url + "/healthz"), timeout=60, what="gunicorn to answer /healthz")
        failed = request.session.testsfailed
        yield stack
        if request.session.testsfailed > failed:
            print(stack.logs())
    except BaseException:
        print(stack.logs())
        raise
    finally:
        stack.stop()


def _collect_static(stack: Stack) -> None:
    root = static_root()
    if (root / "staticfiles.json").exists():
        return
    shutil.rmtree(root, ignore_errors=True)
    stack.run("collectstatic", ["python", *dockerfile_build_command()])


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=10).status_code in (200, 503)
    except requests.RequestException:  # not listening yet, or its workers still loading the application
        return False


def _get(stack, path, **kwargs):
    return requests.get(stack.url + path, headers=PROXY | kwargs.pop("headers", {}), timeout=30, **kwargs)


def _post(stack, path, token=None, **kwargs):
    headers = PROXY | ({"Authorization": f"Token {token}"} if token else {})
    return requests.post(stack.url + path, headers=headers, timeout=30, **kwargs)


def test_the_compose_healthcheck_passes(stack):
    result = stack.healthcheck("web")
    assert result.returncode == 0, result.stderr


def test_a_public_page_under_production_settings(stack):
    response = _get(stack, "/en/")
    assert response.status_code == 200
    assert "Intercultural" in response.text
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    stylesheet = next(part.split('"')[0] for part in response.text.split('href="/static/')[1:] if ".css" in part)
    assert _get(stack, f"/static/{stylesheet}").status_code == 200  # whitenoise serves the hashed name
    # Plain HTTP is sent to HTTPS, and DEBUG is off: a missing page is a plain 404, not Django's debug page.
    assert requests.get(stack.url + "/en/", allow_redirects=False, timeout=10).status_code == 301
    missing = _get(stack, "/en/no-such-page/")
    assert missing.status_code == 404 and "URLconf" not in missing.text


def test_the_api(stack):
    response = _get(stack, "/api/v1/cities/")
    assert response.status_code == 200
    assert response.json()["count"] >= 20


def test_a_practice_submitted_by_a_coordinator_e_mails_the_secretariat_through_the_outbox(stack):
    token = _post(stack, "/api/v1/auth/token/", json={"email": "bergen@example.org", "password": "demo-coordinator"})
    assert token.status_code == 200, token.text
    token = token.json()["token"]
    published = _get(stack, "/api/v1/good-practices/?city=bergen").json()["results"][0]
    draft = _post(stack, f"/api/v1/good-practices/{published['id']}/new-version/", token)
    assert draft.status_code == 201, draft.text
    contact = {"contact_person": "Ingrid Berg", "contact_email": "ingrid@bergen.example"}
    edited = requests.patch(
        f"{stack.url}/api/v1/good-practices/{draft.json()['id']}/", json=contact, timeout=30,
        headers=PROXY | {"Authorization": f"Token {token}"},
    )  # fmt: skip
    assert edited.status_code == 200, edited.text
    submitted = _post(stack, f"/api/v1/good-practices/{draft.json()['id']}/submit/", token)
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted", submitted.text

    def secretariat_mail():
        for path in stack.mail_dir.glob("*.log"):
            for chunk in path.read_text().split("-" * 79):
                message = email.message_from_string(chunk.strip())
                if "icc-desk@smoke.example" in (message["To"] or ""):
                    return message
        return None

    message = wait_until(secretariat_mail, timeout=60, what="the secretariat's e-mail", every=0.5)
    text = "".join(part.get_payload(decode=True).decode() for part in message.walk() if not part.is_multipart())
    assert published["title"] in text
    with psycopg.connect(DATABASE_URL) as connection:
        statuses = dict(connection.execute("SELECT status, count(*) FROM core_outboxmessage GROUP BY 1").fetchall())
    assert statuses.get("sent", 0) >= 1 and "failed" not in statuses


def test_healthz_reports_the_database_the_broker_and_the_beat(stack):
    def beat_ticked():
        body = _get(stack, "/healthz").json()
        return body if body["beat_last_run"] else None

    body = wait_until(beat_ticked, timeout=30, what="the beat's first sweep", every=0.5)
    assert body["status"] == "ok" and body["database"] == "ok" and body["broker"] == "ok"


def test_every_service_is_still_running(stack):
    time.sleep(1)
    assert {name: process.poll() for name, process in stack.processes.items()} == dict.fromkeys(stack.processes)


def test_make_run_keeps_the_web_server_up_while_its_worker_is_killed_and_started_again(stack, tmp_path):
    """F7's other half, on the database the smoke prepared (the stack stopped first): `make run`'s supervisor."""
    stack.stop()
    port = free_port()
    env = {name: value for name, value in stack.env.items() if name not in _PRODUCTION_ONLY}
    env |= {"DATABASE_URL": DATABASE_URL, "ICC_VAR_DIR": str(tmp_path / "var"), "ICC_PORT": str(port)}
    output = tmp_path / "make-run.log"
    run = subprocess.Popen(
        [sys.executable, "-m", "icc_portal.devserver"], env=env, cwd=settings.BASE_DIR,
        stdout=output.open("w"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    log = output.read_text
    healthz = f"http://127.0.0.1:{port}/healthz"
    try:
        wait_until(lambda: "The beat is running" in log() and _answers(healthz), timeout=180, what="make run")
        worker = int(re.search(r"The worker is running \(pid (\d+)\)", log()).group(1))
        os.kill(worker, signal.SIGKILL)
        wait_until(lambda: "The worker stopped (exit code -9); starting it again in 1 s." in log(), timeout=10,
                   what="the supervisor to notice")  # fmt: skip
        assert requests.get(healthz, timeout=10).status_code == 200  # the web server and database stay up
        wait_until(lambda: log().count("The worker is running") == 2, timeout=15, what="a new worker")
        assert requests.get(f"http://127.0.0.1:{port}/en/", timeout=30).status_code == 200
    finally:
        run.send_signal(signal.SIGINT)
        code = run.wait(timeout=90)
    print(log()[-1500:])
    assert code == 0
    assert "Stopping the web server, the beat, the worker and the database" in log()
    assert not _answers(healthz)


# Variables of the production stack that `make run` (a development server) does not take.
_PRODUCTION_ONLY = {
    "DEBUG", "SECURE_SSL_REDIRECT", "CELERY_BROKER_URL", "PORT", "GUNICORN_CMD_ARGS", "STATIC_ROOT", "ALLOWED_HOSTS",
    "OUTBOX_SWEEP_EVERY", "WEB_CONCURRENCY", "SITE_URL",
}  # fmt: skip
