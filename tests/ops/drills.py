"""The real processes the drills start, stop and kill: a Celery beat, a Redis server of their own, and helpers."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import redis
from django.conf import settings

from icc_portal.celery import app as celery_app


def wait_until(predicate, *, timeout: float, what: str, every: float = 0.1):
    """Polls `predicate` until it returns something truthy; fails with `what` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop_process(process: subprocess.Popen, timeout: float = 10) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Beat:
    """`celery beat` with the project's schedule, ticking every `every` seconds, on the worker's queue."""

    def __init__(self, tmp: Path, env: dict, every: float = 1):
        self.log = tmp / "beat.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "icc_portal", "beat", "-l", "info", "-s", str(tmp / "schedule")],
            env={**env, "OUTBOX_SWEEP_EVERY": str(every)},
            stdout=self.log.open("a"),
            stderr=subprocess.STDOUT,
            cwd=settings.BASE_DIR,
        )

    def stop(self) -> None:
        stop_process(self.process)


class RedisServer:
    """A redis-server of the drill's own on a free port, with no persistence: stopping it loses what it held."""

    def __init__(self, tmp: Path):
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            raise AssertionError("redis-server is not installed: the broker drill needs it (apt-get install redis)")
        self.port = free_port()
        self.dir = tmp
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None
        self.start()

    def start(self) -> None:
        argv = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(argv, cwd=self.dir, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        client = redis.Redis.from_url(self.url)
        wait_until(lambda: _pings(client), timeout=10, what=f"redis-server on port {self.port}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)  # gone, with whatever it held: the worst case
            self.process.wait()


def _pings(client) -> bool:
    try:
        return client.ping()
    except redis.exceptions.ConnectionError:
        return False


def queued(queue: str, broker_url: str | None = None) -> int:
    """How many task messages the broker still offers on `queue` (not counting one a worker has taken)."""
    url = broker_url or settings.CELERY_BROKER_URL
    if url.startswith("filesystem"):
        folder = Path(settings.CELERY_BROKER_TRANSPORT_OPTIONS["data_folder_in"])
        return len(list(folder.glob(f"*.{queue}.msg")))
    return redis.Redis.from_url(url).llen(queue)


@contextmanager
def use_broker(url: str):
    """Points this process's Celery producer at another broker (what a web process configured with `url` does)."""
    previous = celery_app.conf.broker_url, celery_app.conf.broker_transport_options
    celery_app.conf.broker_url, celery_app.conf.broker_transport_options = url, {}
    _reset_producer_pools()
    try:
        yield
    finally:
        celery_app.conf.broker_url, celery_app.conf.broker_transport_options = previous
        _reset_producer_pools()


def _reset_producer_pools() -> None:
    # The app caches its connection and producer pools on first use, as it does after a fork.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def child_pids(pid: int) -> list[int]:
    """The pool processes of a prefork worker."""
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def kill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
