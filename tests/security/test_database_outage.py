"""F14: while the database is unreachable the portal answers 503 (a page, or JSON on the API) and recovers alone.

No mock: a real server process (gunicorn) reaches the test database through a TCP relay that the test cuts and
restores, as a database restart or a network failure would.
"""

import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)


class DatabaseRelay:
    """A TCP relay to PostgreSQL: `cut()` refuses new connections and breaks open ones, `restore()` undoes it."""

    def __init__(self, host: str, port: int):
        # PostgreSQL over a Unix socket (the embedded server) or TCP.
        if host.startswith("/"):
            self.upstream = (socket.AF_UNIX, f"{host}/.s.PGSQL.{port}")
        else:
            self.upstream = (socket.AF_INET, (host, port))
        self.port = _free_port()
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._listener = None

    def restore(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(32)
        listener.settimeout(0.1)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        listener, self._listener = self._listener, None
        listener.close()
        with self._lock:
            for sock in self._open:
                _close(sock)
            self._open.clear()

    def _accept(self, listener) -> None:
        while self._listener is listener:
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            upstream = socket.socket(self.upstream[0], socket.SOCK_STREAM)
            try:
                upstream.connect(self.upstream[1])
            except OSError:
                _close(client)
                continue
            with self._lock:
                self._open |= {client, upstream}
            for source, target in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source, target) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            _close(source)
            _close(target)


def _close(sock) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(port: int, path: str, headers: dict | None = None) -> tuple[int, dict, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        conn.close()


@pytest.fixture
def relay():
    db = connection.settings_dict
    relay = DatabaseRelay(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))
    relay.restore()
    yield relay
    if relay._listener is not None:
        relay.cut()


@pytest.fixture
def portal(relay, tmp_path):
    """gunicorn with the portal, its database reached through the relay. DEBUG on: the outage must not show Django's
    debug page either (and the static files need no collectstatic)."""
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{quote(db['USER'])}{password}@127.0.0.1:{relay.port}/{db['NAME']}",
        "DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "icc_portal.settings",
        "LOG_LEVEL": "WARNING",
    }
    log = tmp_path / "gunicorn.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "icc_portal.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", "1"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            if _get(port, "/healthz")[0] == 200:
                break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("gunicorn did not start:\n" + log.read_text()[-3000:])
        time.sleep(0.3)
    yield port
    process.terminate()
    process.wait(timeout=20)


def test_f14_database_outage_answers_503_and_recovers_by_itself(relay, portal):
    assert _get(portal, "/")[0] == 200
    assert _get(portal, "/api/v1/cities/")[0] == 200

    relay.cut()

    # Unseen URLs: a public page the cache holds (core.pagecache) is still served without the database.
    status, headers, body = _get(portal, "/?during=outage")
    assert status == 503, body[:2000]
    assert headers["Retry-After"] == "30"
    assert "Briefly unavailable" in body
    assert "Traceback" not in body and "OperationalError" not in body

    status, headers, body = _get(portal, "/fr/cities/?during=outage")
    assert status == 503
    assert "Brièvement indisponible" in body

    status, headers, body = _get(portal, "/api/v1/cities/?during=outage")
    assert status == 503
    assert headers["Content-Type"] == "application/json"
    assert "detail" in body and "Retry-After" in headers

    status, headers, body = _get(portal, "/api/v1/good-practices/", {"Authorization": "Token " + "a" * 64})
    assert status == 503  # the token lookup fails first: still a 503, not a 500
    assert headers["Content-Type"] == "application/json"

    assert _get(portal, "/healthz")[0] == 503

    relay.restore()

    assert _get(portal, "/")[0] == 200
    assert _get(portal, "/api/v1/cities/")[0] == 200
    assert _get(portal, "/healthz")[0] == 200
