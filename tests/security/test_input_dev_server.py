"""F18: under the development server (`make run`), a burst of requests leaves no idle database connections behind,
and a chunked request body gets one clear 411 instead of a broken reply."""

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.request import urlopen

import pytest
from django.db import connection
from django.test import Client

from ..services import _test_database_url

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
APPLICATION = "f18-runserver"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def runserver(tmp_path):
    """`manage.py runserver` (threaded, as `make run` starts it) on the test database, in a process of its own."""
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"{_test_database_url()}?application_name={APPLICATION}",
        "DJANGO_SETTINGS_MODULE": "icc_portal.settings",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("CONN_MAX_AGE", None)
    log = (tmp_path / "runserver.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(100):
            try:
                urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def _server_connections() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [APPLICATION])
        return cursor.fetchone()[0]


def test_f18_a_burst_of_requests_on_the_development_server_leaves_no_idle_connections(runserver):
    url = f"http://127.0.0.1:{runserver}/api/v1/fields-of-action/"
    with ThreadPoolExecutor(max_workers=25) as pool:
        statuses = list(pool.map(lambda _: urlopen(url, timeout=30).status, range(200)))
    assert statuses == [200] * 200
    time.sleep(0.5)
    # With CONN_MAX_AGE=60 this run left 32 to 50 idle connections: request threads that ended holding one.
    assert _server_connections() <= 1


def _raw_exchange(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conversation:
        conversation.sendall(request)
        received = b""
        while chunk := conversation.recv(65536):  # until the server closes the connection
            received += chunk
    return received


def test_f18_a_chunked_request_body_gets_one_clear_411_and_the_connection_closes(runserver):
    body = b'{"email": "bergen@example.org", "password": "demo-coordinator"}'
    request = (
        b"POST /api/v1/auth/token/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n" + b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n"
    )
    reply = _raw_exchange(runserver, request)
    assert reply.startswith(b"HTTP/1.1 411 ")
    assert reply.count(b"HTTP/1.") == 1  # the chunks were not read as a second request
    assert b"Content-Length header" in reply and b"Connection: close" in reply


def test_f18_chunked_bodies_are_refused_with_411_in_any_server(db):
    api = Client().post(
        "/api/v1/auth/token/", b"{}", content_type="application/json", headers={"transfer-encoding": "chunked"}
    )
    assert api.status_code == 411 and "Content-Length" in b"".join(api.streaming_content).decode()
    page = Client().post("/accounts/login/", {}, headers={"transfer-encoding": "chunked"})
    assert page.status_code == 411
