"""F3: no address of the portal sends a visitor to another site (the /en/ prefix redirect, ?next= after login)."""

from urllib.parse import urljoin, urlsplit

import pytest

from ..factories import PASSWORD

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "//evil.example",
    "//evil.example/path?x=1",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/%2F%2Fevil.example",
    "%2F%2Fevil.example",
    "/%5C%5Cevil.example",
    "/%09/evil.example",
    "/ /evil.example",
    "https://evil.example",
    "https:evil.example",
    "//evil.example@testserver",
    "javascript:alert(1)",
]

BASE = "http://testserver/"


def _lands_on_this_site(location: str) -> bool:
    """How a browser reads a Location header: resolved against the page, it must stay on testserver over http(s)."""
    # Browsers treat backslashes as slashes and drop tabs and newlines anywhere in a URL (WHATWG URL standard).
    normalised = location.replace("\\", "/").replace("\t", "").replace("\n", "").replace("\r", "")
    resolved = urlsplit(urljoin(BASE, normalised))
    return resolved.scheme in {"http", "https"} and resolved.netloc == "testserver"


def _follow(client, path: str, *, method="get", data=None, hops: int = 5) -> list[str]:
    """The Location headers of a redirect chain, followed by hand so that no hop is trusted."""
    response = getattr(client, method)(path, data) if data else getattr(client, method)(path)
    locations = []
    while response.status_code in (301, 302, 303, 307, 308) and hops:
        location = response["Location"]
        locations.append(location)
        if not _lands_on_this_site(location):
            break
        response = client.get(urlsplit(urljoin(BASE, location.replace("\\", "/"))).path or "/")
        hops -= 1
    return locations


@pytest.mark.parametrize("payload", PAYLOADS)
def test_f3_english_prefix_redirect_stays_on_the_site(client, payload):
    for path in [f"/en/{payload}", f"/en{payload}" if payload.startswith("/") else f"/en/{payload}"]:
        for location in _follow(client, path):
            assert _lands_on_this_site(location), f"{path} → {location}"


def test_f3_english_prefix_redirect_still_reaches_the_english_page(client):
    response = client.get("/en/cities/?country=NO")
    assert response.status_code == 302
    assert response["Location"] == "/cities/?country=NO"
    assert client.get("/en/")["Location"] == "/"
    assert client.get("/en//cities/")["Location"] == "/cities/"


@pytest.mark.parametrize("payload", PAYLOADS + [f"/en/{p}" for p in PAYLOADS] + [f"/en{p}" for p in PAYLOADS])
def test_f3_next_after_login_stays_on_the_site(client, coordinator_a, payload):
    locations = _follow(
        client,
        "/accounts/login/",
        method="post",
        data={"username": "coord-a@test.example", "password": PASSWORD, "next": payload},
    )
    assert locations, "a successful login redirects"
    for location in locations:
        assert _lands_on_this_site(location), f"next={payload} → {location}"


@pytest.mark.parametrize("payload", ["/en//evil.example", "//evil.example", "https://evil", "/en/\\evil.example"])
def test_f3_language_switch_next_stays_on_the_site(client, payload):
    for location in _follow(client, "/i18n/setlang/", method="post", data={"language": "fr", "next": payload}):
        assert _lands_on_this_site(location), f"next={payload} → {location}"
