"""`make run`: the whole portal on one machine.

Starts the embedded PostgreSQL unless DATABASE_URL is set, migrates, loads the demo data, then runs a
real Celery worker and the web server side by side until Ctrl-C, which stops all three cleanly.
"""

import os
import signal
import subprocess
import sys
import time

from .embedded_postgres import database_url

HOST = os.environ.get("ICC_HOST", "127.0.0.1")
PORT = os.environ.get("ICC_PORT", "8000")

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


def main() -> int:
    # The embedded server's handle lives in this process, so the children share one server that stops with us.
    env = {**os.environ, "DATABASE_URL": database_url(), "PYTHONUNBUFFERED": "1"}
    manage = [sys.executable, "manage.py"]
    for step in (["migrate", "--no-input"], ["load_demo"], ["collectstatic", "--no-input", "-v", "0"]):
        subprocess.run(manage + step, env=env, check=True)

    # The children run in sessions of their own: Ctrl-C reaches this process only, which then stops them in order.
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "icc_portal", "worker", "-l", "info", "--concurrency", "2"],
            env=env,
            start_new_session=True,
        ),
        subprocess.Popen(manage + ["runserver", f"{HOST}:{PORT}"], env=env, start_new_session=True),
    ]
    broker = os.environ.get("CELERY_BROKER_URL") or "kombu filesystem transport under var/broker (embedded)"
    database = "DATABASE_URL" if "DATABASE_URL" in os.environ else "embedded PostgreSQL under var/pgdata"
    print(ACCOUNTS.format(host=HOST, port=PORT, database=database, broker=broker), flush=True)

    stopping = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopping.append(True))
    while not stopping and all(child.poll() is None for child in children):
        time.sleep(0.5)
    print("\n  Stopping the worker, the web server and the database…", flush=True)
    worker, web = children
    worker.terminate()  # the worker's main process shuts its pool down warmly
    _signal_group(web, signal.SIGTERM)  # runserver's autoreloader runs the server in a child process
    for child in children:
        try:
            child.wait(timeout=20)
        except subprocess.TimeoutExpired:
            _signal_group(child, signal.SIGKILL)
    # Leaving main() lets the embedded server's exit handler stop PostgreSQL.
    return 0


def _signal_group(child: subprocess.Popen, signum: int) -> None:
    try:
        os.killpg(child.pid, signum)
    except ProcessLookupError:  # already gone
        pass


if __name__ == "__main__":
    sys.exit(main())
