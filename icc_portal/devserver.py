"""`make run`: the whole portal on one machine.

Starts the embedded PostgreSQL unless DATABASE_URL is set, migrates, loads the demo data, then runs a real Celery
worker, a Celery beat (the outbox sweep) and the web server side by side until Ctrl-C, which stops them in order.
A worker or beat that dies is started again after a pause that grows with each quick death; the web server and the
database stay up meanwhile, and what the dead worker had in hand is re-sent by the outbox sweep.
"""

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass

from .embedded_postgres import database_url
from .env import VAR_DIR

HOST = os.environ.get("ICC_HOST", "127.0.0.1")
PORT = os.environ.get("ICC_PORT", "8000")
CELERY = [sys.executable, "-m", "celery", "-A", "icc_portal"]

ACCOUNTS = """
  ICC Portal is running at http://{host}:{port}/   (French: http://{host}:{port}/fr/)
  Demo accounts:
    secretariat@example.org   demo-secretariat   secretariat (reviews, publishes, validates)
    bergen@example.org        demo-coordinator   coordinator of Bergen
    lisbon@example.org        demo-coordinator   coordinator of Lisbon
  Database: {database}
  Broker:   {broker}
  Press Ctrl-C to stop.
"""


@dataclass
class Child:
    """A process of `make run`, in a session of its own so that Ctrl-C reaches the supervisor only.

    With `restart` set, a death is followed by a new start after `backoff` seconds: 1 s, doubling up to 60 s while
    it keeps dying within a minute of its start, back to 1 s once it has stayed up that long.
    """

    name: str
    argv: list[str]
    env: dict
    restart: bool = False
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    backoff: float = 1.0
    restart_at: float | None = None
    restarts: int = 0

    def start(self) -> None:
        self.process = subprocess.Popen(self.argv, env=self.env, start_new_session=True)
        self.started_at = time.monotonic()
        self.restart_at = None
        self.say(f"The {self.name} is running (pid {self.process.pid}).")

    def say(self, line: str) -> None:
        print(f"  [make run] {line}", flush=True)

    def check(self) -> bool:
        """Restarts the child when it is due; False when it died and is not to be restarted."""
        if self.restart_at is not None:
            if time.monotonic() >= self.restart_at:
                self.restarts += 1
                self.start()
            return True
        code = self.process.poll()
        if code is None:
            return True
        # A dead worker's pool processes are in its session: clear them before a new worker starts.
        signal_group(self.process, signal.SIGKILL)
        if not self.restart:
            self.say(f"The {self.name} stopped (exit code {code}).")
            return False
        if time.monotonic() - self.started_at >= 60:
            self.backoff = 1.0
        self.restart_at = time.monotonic() + self.backoff
        self.say(f"The {self.name} stopped (exit code {code}); starting it again in {self.backoff:g} s.")
        self.backoff = min(self.backoff * 2, 60.0)
        return True

    def stop(self, signum: int = signal.SIGTERM, *, group: bool = False) -> None:
        self.restart_at = None
        if self.process is None or self.process.poll() is not None:
            return
        if group:
            signal_group(self.process, signum)
        else:
            self.process.send_signal(signum)

    def wait(self, timeout: float) -> None:
        if self.process is None:
            return
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.say(f"The {self.name} did not stop in {timeout:g} s; killing it.")
            signal_group(self.process, signal.SIGKILL)
            self.process.wait()


def children(env: dict) -> list["Child"]:
    """The worker, the beat and the web server, in the order they start (and the reverse of the order they stop)."""
    schedule = str(VAR_DIR / "celerybeat-schedule")
    return [
        Child("worker", [*CELERY, "worker", "-l", "info", "--concurrency", "2"], env, restart=True),
        Child("beat", [*CELERY, "beat", "-l", "info", "-s", schedule], env, restart=True),
        Child("web server", [sys.executable, "manage.py", "runserver", f"{HOST}:{PORT}"], env),
    ]


def supervise(processes: list[Child], stopping: list, poll: float = 0.5) -> None:
    """Returns when asked to stop, or when a child that is not restarted (the web server) has died."""
    while not stopping and all(child.check() for child in processes):
        time.sleep(poll)


def stop_all(processes: list[Child]) -> None:
    """Stops the children in the reverse order of their start: the web server first, then the beat and the worker."""
    for child in reversed(processes):
        # runserver's autoreloader runs the server in a child process: signal the whole group.
        child.stop(group=child.name == "web server")
    for child in reversed(processes):
        child.wait(timeout=20)  # the worker's main process shuts its pool down warmly


def main() -> int:
    # The embedded server's handle lives in this process, so the children share one server that stops with us.
    env = {**os.environ, "DATABASE_URL": database_url(), "PYTHONUNBUFFERED": "1"}
    manage = [sys.executable, "manage.py"]
    for step in (["migrate", "--no-input"], ["load_demo"], ["collectstatic", "--no-input", "-v", "0"]):
        subprocess.run(manage + step, env=env, check=True)

    stopping = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopping.append(True))
    processes = children(env)
    for child in processes:
        child.start()
    broker = os.environ.get("CELERY_BROKER_URL") or "kombu filesystem transport under var/broker (embedded)"
    database = "DATABASE_URL" if "DATABASE_URL" in os.environ else "embedded PostgreSQL under var/pgdata"
    print(ACCOUNTS.format(host=HOST, port=PORT, database=database, broker=broker), flush=True)

    supervise(processes, stopping)
    print("\n  Stopping the web server, the beat, the worker and the database…", flush=True)
    stop_all(processes)
    # Leaving main() lets the embedded server's exit handler stop PostgreSQL.
    return 0


def signal_group(process: subprocess.Popen, signum: int) -> None:
    try:
        os.killpg(process.pid, signum)
    except (ProcessLookupError, PermissionError):  # already gone
        pass


if __name__ == "__main__":
    sys.exit(main())
