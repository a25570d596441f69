"""The services of docker-compose.yml, started natively: the same commands and environment as the containers.

Only what a container gets from its surroundings is replaced, each for a stated reason:
- DATABASE_URL, CELERY_BROKER_URL and CACHE_URL: this machine's PostgreSQL and Redis (a database number each for
  the broker and the cache, as in compose) instead of the `db` and `redis` services;
- ICC_VAR_DIR and STATIC_ROOT: a temporary folder instead of the `media` volume and the image's /app/staticfiles;
- PORT and GUNICORN_CMD_ARGS: gunicorn on a free loopback port instead of 0.0.0.0:8000 inside the container, and
  without its control socket (one path per user's home: the gunicorns of a shared machine would take it over);
- OUTBOX_SWEEP_EVERY: the beat ticks every 2 s, so the test sees it tick.
The rest is compose's own `${VAR:-default}` interpolation, fed what an operator sets in the host's environment
(SECRET_KEY, ALLOWED_HOSTS, SITE_URL, EMAIL_URL …), exactly as `docker compose up` would.
"""

import hashlib
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import yaml
from django.conf import settings

COMPOSE = Path(settings.BASE_DIR) / "docker-compose.yml"
DOCKERFILE = Path(settings.BASE_DIR) / "Dockerfile"
BIN = Path(sys.executable).parent
VARIABLE = re.compile(r"\$\{(\w+)(?:(:-|:\?)([^}]*))?\}")


def interpolate(value, host: dict) -> str:
    """Compose's `${VAR}`, `${VAR:-default}` and `${VAR:?error}`, read from `host`."""

    def replace(match):
        name, operator, argument = match.groups()
        current = host.get(name, "")
        if operator == ":?" and not current:
            raise ValueError(f"docker-compose.yml requires {name}: {argument}")
        return current or (argument if operator == ":-" else "")

    return VARIABLE.sub(replace, str(value))


def compose_services() -> dict:
    return yaml.safe_load(COMPOSE.read_text())["services"]


def dockerfile_build_command() -> list[str]:
    """The Dockerfile's collectstatic step (its variables are build-time placeholders)."""
    line = next(line for line in DOCKERFILE.read_text().splitlines() if "manage.py collectstatic" in line)
    return line.split("python ", 1)[1].split()


class Stack:
    """web, worker and beat of docker-compose.yml as processes of this machine, logging under `tmp`."""

    def __init__(self, tmp: Path, *, database_url: str, broker_url: str, cache_url: str, port: int):
        self.tmp = tmp
        self.port = port
        self.mail_dir = tmp / "mail"
        self.mail_dir.mkdir(parents=True, exist_ok=True)
        (tmp / "var").mkdir(exist_ok=True)  # the `media` volume, mounted at ICC_VAR_DIR
        self.url = f"http://127.0.0.1:{port}"
        host = {
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": self.url,
            "EMAIL_URL": "file://",
            "SECRETARIAT_EMAIL": "icc-desk@smoke.example",
        }
        self.services = compose_services()
        self.env = {
            **os.environ,
            **{name: interpolate(value, host) for name, value in self.services["web"]["environment"].items()},
            "DATABASE_URL": database_url,
            "CELERY_BROKER_URL": broker_url,
            "CACHE_URL": cache_url,
            "ICC_VAR_DIR": str(tmp / "var"),
            "STATIC_ROOT": str(static_root()),
            "PORT": str(port),
            "GUNICORN_CMD_ARGS": f"--bind 127.0.0.1:{port} --no-control-socket",
            "EMAIL_FILE_PATH": str(self.mail_dir),
            "OUTBOX_SWEEP_EVERY": "2",
        }
        for name in ("CELERY_TASK_DEFAULT_QUEUE", "EMAIL_BACKEND", "STORAGE_BACKEND", "MEDIA_ROOT"):
            self.env.pop(name, None)  # the test session's own settings must not leak into the stack
        self.processes: dict[str, subprocess.Popen] = {}

    def argv(self, command: list[str]) -> list[str]:
        """A compose command, run with this virtualenv's python, gunicorn and celery."""
        program, *arguments = command
        return [sys.executable if program == "python" else str(BIN / program), *arguments]

    def run(self, name: str, command: list[str], timeout: float = 900) -> None:
        with (self.tmp / f"{name}.log").open("a") as log:
            subprocess.run(
                self.argv(command), env=self.env, cwd=settings.BASE_DIR, stdout=log, stderr=subprocess.STDOUT,
                timeout=timeout, check=True,
            )  # fmt: skip

    def start(self, name: str, command: list[str] | None = None) -> subprocess.Popen:
        command = command or self.services[name]["command"]
        log = (self.tmp / f"{name}.log").open("a")
        process = subprocess.Popen(
            self.argv(command), env=self.env, cwd=settings.BASE_DIR, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        self.processes[name] = process
        return process

    def healthcheck(self, name: str) -> subprocess.CompletedProcess:
        _, *command = self.services[name]["healthcheck"]["test"]  # ["CMD", …]
        return subprocess.run(self.argv(command), env=self.env, capture_output=True, text=True, timeout=30)

    def logs(self) -> str:
        return "\n".join(f"--- {path.name}\n{path.read_text()[-4000:]}" for path in sorted(self.tmp.glob("*.log")))

    def stop(self) -> None:
        for process in reversed(list(self.processes.values())):
            _signal_group(process, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                _signal_group(process, signal.SIGKILL)
                process.wait()


def _signal_group(process: subprocess.Popen, signum: int) -> None:
    try:
        os.killpg(process.pid, signum)
    except ProcessLookupError:  # already stopped
        pass


def static_root() -> Path:
    """The image's collected static files, kept between runs while the static sources and the lock are unchanged
    (whitenoise compresses ~40 MB: about a minute of CPU, paid once per change, as a Docker build cache would)."""
    digest = hashlib.sha1(Path(settings.BASE_DIR, "requirements.lock").read_bytes())
    for folder in sorted(Path(settings.BASE_DIR).glob("*/static")) + [Path(settings.BASE_DIR, "static")]:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(settings.BASE_DIR)).encode() + path.read_bytes())
    root = Path(settings.BASE_DIR) / "var" / "smoke-static" / digest.hexdigest()[:16]
    for stale in root.parent.glob("*") if root.parent.exists() else []:
        if stale != root:
            shutil.rmtree(stale, ignore_errors=True)
    return root
