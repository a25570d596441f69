"""F16: production (DEBUG off) refuses to start with a missing, short or development SECRET_KEY."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

GOOD_KEY = "k3y-" + "Vx9_qLm2Zr8TfW4nYc7BhJ1sDg6PaE0u" * 2


def _check_deploy(secret_key: str | None) -> subprocess.CompletedProcess:
    env = {**os.environ, "DEBUG": "0", "ALLOWED_HOSTS": "icc.example.org", "DJANGO_ALLOW_ASYNC_UNSAFE": ""}
    env.pop("SECRET_KEY", None)
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "secret_key",
    [
        "x",
        GOOD_KEY[:49],
        "a" * 64,
        "dev-only-insecure-key-change-me",
        "django-insecure-" + GOOD_KEY,
        "",
    ],
    ids=["one-char", "49-chars", "one-repeated-char", "dev-default", "django-insecure", "empty"],
)
def test_f16_production_refuses_a_weak_secret_key(secret_key):
    result = _check_deploy(secret_key)
    assert result.returncode != 0, result.stdout
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_f16_production_starts_with_a_strong_secret_key():
    result = _check_deploy(GOOD_KEY)
    assert result.returncode == 0, result.stdout + result.stderr
