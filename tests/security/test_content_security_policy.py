"""F13: a Content-Security-Policy that needs no inline script or style, and a Permissions-Policy, on every page."""

import pytest

from core.notifications import muted

from ..goodpractices.factories import GoodPracticeFactory, field_of_action
from ..index.factories import index_world


@pytest.fixture
def pages(city_a, coordinator_a, secretariat):
    """The pages the probe named: home, a practice, the practice form, the API docs, the Index results."""
    with muted():
        practice = GoodPracticeFactory(city=city_a, status="published", main_field=field_of_action("3"))
        draft = GoodPracticeFactory(city=city_a, status="draft")
        index_world(city_a=city_a, coordinator_a=coordinator_a, secretariat=secretariat)
    return {
        "home": "/",
        "practice": f"/good-practices/{practice.slug}/",
        "practice list": "/good-practices/?q=city",
        "practice form": f"/my/practices/{draft.pk}/",
        "api docs": "/api/docs/",
        "index results": f"/cities/{city_a.slug}/index/",
        "french home": "/fr/",
        "not found": "/no-such-page/",
    }


@pytest.mark.django_db
def test_f13_every_page_carries_the_policies(client, coordinator_a, pages):
    client.force_login(coordinator_a)
    for name, path in pages.items():
        response = client.get(path)
        assert response.status_code in (200, 404), (name, response.status_code)
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
        assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_f13_api_answers_carry_the_permissions_policy(client):
    response = client.get("/api/v1/cities/")
    assert response.status_code == 200
    assert "microphone=()" in response["Permissions-Policy"]


WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${where}`);
});
window.print = () => { window.__printed = true; };
"""


def _signed_in(page, live_server, client, user) -> None:
    """The browser shares the session of `user`, and records every CSP violation of the pages it opens."""
    client.force_login(user)
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    page.add_init_script(WATCH_VIOLATIONS)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_f13_pages_run_in_chromium_without_a_csp_violation(page, live_server, client, coordinator_a, pages):
    _signed_in(page, live_server, client, coordinator_a)
    console = []
    page.on("console", lambda message: console.append(message.text))
    for name, path in pages.items():
        page.goto(path)
        page.wait_for_load_state("networkidle")
        if name == "api docs":
            page.get_by_text("ICC Portal API").first.wait_for()  # Swagger UI ran and rendered the schema
            page.locator(".opblock").first.wait_for()
        if name == "practice":
            page.get_by_role("button", name="Print").click()
            assert page.evaluate("window.__printed === true"), "the Print button runs from a static file"
        violations = page.evaluate("window.__cspViolations")
        assert violations == [], f"{name} ({path}): {violations}"
    csp_messages = [text for text in console if "Content Security Policy" in text or "Permissions-Policy" in text]
    assert csp_messages == [], csp_messages


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_f13_the_admin_runs_in_chromium_without_a_csp_violation(page, live_server, client, secretariat, city_a):
    _signed_in(page, live_server, client, secretariat)
    for path in ["/admin/", "/admin/accounts/user/", f"/admin/accounts/user/{secretariat.pk}/change/",
                 f"/admin/cities/city/{city_a.pk}/change/", "/admin/accounts/user/add/"]:  # fmt: skip
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__cspViolations") == [], path
