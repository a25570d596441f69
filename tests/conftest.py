"""Shared personas and real services for every test.

The four personas of the permission matrix: `secretariat`, `coordinator_a` (of `city_a`),
`coordinator_b` (of `city_b`) and the anonymous public. Tests talk to a real PostgreSQL (embedded, or
DATABASE_URL), a real Celery worker process (`celery_worker`) and Debian's Chromium (`page`).
"""

import os

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from .factories import CityFactory, CountryFactory, UserFactory, coordinator_of
from .services import *  # noqa: F401,F403  (celery_worker, live browser fixtures)

# Playwright's sync API runs an event loop in the main thread; Django must still allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Property tests check properties, not speed: on a loaded 2-core machine one example may exceed the 200 ms default.
hypothesis_settings.register_profile("portal", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("portal")

PERSONAS = ["anonymous", "coordinator_a", "coordinator_b", "secretariat"]


def pytest_collection_modifyitems(config, items):
    """Every test that uses the real worker is a `services` test (`pytest -m services` runs just those).
    The production smoke runs only when a marker expression names it (`.ci/run`, `make smoke`)."""
    for item in items:
        if "celery_worker" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.services)
    if "production" not in (config.option.markexpr or ""):
        left_out = [item for item in items if item.get_closest_marker("production")]
        if left_out:
            config.hook.pytest_deselected(items=left_out)
            items[:] = [item for item in items if not item.get_closest_marker("production")]


@pytest.fixture
def city_a(db):
    return CityFactory(
        slug="city-a",
        name="Alphaville",
        country=CountryFactory(code="NO", name="Norway"),
        population=285_000,
        foreign_born_share=13,
    )


@pytest.fixture
def city_b(db):
    return CityFactory(
        slug="city-b",
        name="Betatown",
        country=CountryFactory(code="PT", name="Portugal"),
        population=545_000,
        foreign_born_share=12,
    )


@pytest.fixture
def secretariat(db):
    return UserFactory(email="secretariat@test.example", first_name="Sofia", is_secretariat=True, is_staff=True)


@pytest.fixture
def coordinator_a(city_a):
    return coordinator_of(city_a, "coord-a@test.example")


@pytest.fixture
def coordinator_b(city_b):
    return coordinator_of(city_b, "coord-b@test.example")


@pytest.fixture
def personas(city_a, city_b, secretariat, coordinator_a, coordinator_b):
    return {
        "anonymous": None,
        "secretariat": secretariat,
        "coordinator_a": coordinator_a,
        "coordinator_b": coordinator_b,
    }


@pytest.fixture
def client_as(personas):
    """`client_as("coordinator_a")`: a test client logged in as that persona (anonymous: logged out)."""

    def make(persona: str) -> Client:
        client = Client()
        user = personas[persona]
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture(scope="session")
def _media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _test_settings(settings, _media_root):
    # Hashing with the production hasher costs ~0.3 s a user; the tests create hundreds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Uploaded files of the tests never land in the developer's var/media.
    settings.MEDIA_ROOT = str(_media_root)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached pages and content versions (core.pagecache) outlive the rows a test rolls back: every test starts with
    an empty cache (the API's throttles count requests there too). The cache stays the shared one under var/, so
    that the test worker's changes reach it too."""
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in English: a request handled in French, or a service that activated a user's language,
    leaves it active in the thread after the test."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)
