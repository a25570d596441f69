"""axe-core (vendored in tests/browser/vendor by `make design-assets`) on every page of the demo data, logged in as
the person who uses it, and on each form's error state; and the practice submission done with the keyboard alone.
The pages are the audit's (icc_portal.audit.pages), so `make audit` and the suite look at the same ones."""

import re

import pytest
from django.core.management import call_command

from core.notifications import muted
from icc_portal import audit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _violations(item) -> list[str]:
    found = []
    for label, result in (("", item.axe), (" (errors shown)", item.axe_errors or {})):
        for rule in result.get("rules", []):
            found.append(f"{item.name}{label} {item.path}: {rule['id']} ({rule['impact']}) at {rule['target']}")
    return found


def test_every_page_and_every_form_error_state_has_no_axe_violation(browser, live_server):
    with muted():
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 (closed with the process)
    pages = audit.pages()
    contexts = {}
    for item in pages:
        if item.user not in contexts:
            contexts[item.user] = browser.new_context(base_url=live_server.url, bypass_csp=True, locale="en-GB")
            if item.user:
                audit.log_in(contexts[item.user], item.user)
        audit.axe_page(contexts[item.user], item)
    for context in contexts.values():
        context.close()
    violations = [line for item in pages for line in _violations(item)]
    assert len(pages) > 20 and all(item.axe for item in pages)
    assert violations == [], "\n".join(violations)


def _tab_to(page, predicate: str, limit: int = 250) -> None:
    """Presses Tab until the focused element matches the JavaScript predicate (given `el`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({predicate}); }})()"):
            return
    raise AssertionError(f"the keyboard never reached {predicate}")


def _type_into(page, name: str, text: str) -> None:
    _tab_to(page, f"el.name === {name!r}")
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def test_a_coordinator_submits_a_practice_with_the_keyboard_alone(page, coordinator_a):
    from goodpractices.models import GoodPractice

    from ..factories import PASSWORD
    from ..goodpractices.factories import field_of_action

    field_of_action("3")
    page.goto("/accounts/login/?next=/my/")
    _type_into(page, "username", coordinator_a.email)
    _type_into(page, "password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"^[^?]*/my/$"))

    _tab_to(page, "el.textContent.trim() === 'New practice'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/my/practices/\d+/$"))
    for name, text in [
        ("contact_person", "Ana Costa"),
        ("contact_email", "ana@example.org"),
        ("title", "Neighbourhood mediators"),
        ("main_purpose", "Mediators help neighbours settle disputes."),
        ("period_text", "Since 2021"),
        ("purpose", "Fewer conflicts between neighbours."),
        ("stimulus", "Complaints to the city hall."),
        ("process", "Training of twenty mediators."),
        ("impact", "Complaints halved."),
    ]:
        _type_into(page, name, text)
    _tab_to(page, "el.name === 'main_field'")
    page.keyboard.type("3.")  # a select takes the first option that starts with what is typed
    _tab_to(page, "el.value === 'submit'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/history/")
    assert page.get_by_text("Submitted. The secretariat has been told").is_visible()
    practice = GoodPractice.objects.get(title="Neighbourhood mediators")
    assert practice.status == "submitted" and practice.main_field.code == "3"
