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

    children = [
        subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "icc_portal", "worker", "-l", "info", "--concurrency", "2"], env=env
        ),
        subprocess.Popen(manage + ["runserver", f"{HOST}:{PORT}"], env=env),
    ]
    broker = os.environ.get("CELERY_BROKER_URL") or "kombu filesystem transport under var/broker (embedded)"
    database = "DATABASE_URL" if "DATABASE_URL" in os.environ else "embedded PostgreSQL under var/pgdata"
    print(ACCOUNTS.format(host=HOST, port=PORT, database=database, broker=broker), flush=True)

    try:
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGINT)
        for child in children:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
