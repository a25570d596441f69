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
    silent = [item.name for item in pages if item.axe_errors is not None and not item.axe_errors["errors_shown"]]
    assert silent == [], f"forms sent empty that showed no error: {silent}"


def _focused(page, predicate: str) -> bool:
    return page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({predicate}); }})()")


def _tab_to(page, predicate: str, limit: int = 300, key: str = "Tab") -> None:
    """Presses Tab (or Shift+Tab) until the focused element matches the JavaScript predicate (given `el`)."""
    for _ in range(limit):
        page.keyboard.press(key)
        if _focused(page, predicate):
            return
    raise AssertionError(f"the keyboard never reached {predicate}")


def _type_into(page, name: str, text: str) -> None:
    _tab_to(page, f"el.name === {name!r}")
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


# The focused element is visibly marked: an outline that is drawn (not `none`, not zero wide, not transparent) or a
# box-shadow (GOV.UK Frontend's focus style is a yellow background with a black bar or outline).
FOCUS_STYLE = """(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
        && !/rgba\\([^)]*,\\s*0\\)|transparent/.test(style.outlineColor);
    return {outline, boxShadow: style.boxShadow !== 'none', tag: el.tagName, name: el.name || el.textContent.trim()};
})()"""


def _assert_focus_visible(page) -> None:
    focus = page.evaluate(FOCUS_STYLE)
    assert focus is not None, "nothing has the focus"
    assert focus["outline"] or focus["boxShadow"], f"no visible focus on {focus}"


def _status_message(page, text: str) -> None:
    """The page's notification (the messages the view sent) says `text`."""
    from playwright.sync_api import expect

    expect(page.get_by_text(text).first).to_be_visible()


def test_a_coordinator_submits_a_practice_with_the_keyboard_alone(page, coordinator_a):
    """Issue 10's keyboard journey: log in, open "New practice", fill the template's required fields, save, read what
    submitting does and submit, see the confirmation. Only Tab, Shift+Tab, Enter, Space and typing: no click, no
    navigation by URL after the login page, and the focus is visibly marked at each step."""
    from goodpractices.models import GoodPractice

    from ..factories import PASSWORD
    from ..goodpractices.factories import field_of_action

    field_of_action("3")
    page.goto("/accounts/login/?next=/my/")

    # The log-in form puts the focus in its first field (Django's autofocus), visibly.
    assert _focused(page, "el.name === 'username'")
    _assert_focus_visible(page)
    page.keyboard.type(coordinator_a.email)
    _type_into(page, "password", PASSWORD)
    _assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"^[^?]*/my/$"))

    # The desk: "New practice" is a button of a form (the coordinator has one city), pressed with Space.
    _tab_to(page, "el.textContent.trim() === 'New practice'")
    _assert_focus_visible(page)
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r".*/my/practices/\d+/$"))
    practice_url = page.url

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
    _assert_focus_visible(page)  # a textarea
    # Back up to the main field of action with Shift+Tab: it comes before the purpose in the template.
    _tab_to(page, "el.name === 'main_field'", key="Shift+Tab")
    _assert_focus_visible(page)  # a select
    page.keyboard.type("3.")  # a select takes the first option that starts with what is typed

    # Save the draft (Enter on "Save draft"): the same form comes back with everything kept.
    _tab_to(page, "el.value === 'save'")
    _assert_focus_visible(page)  # a button
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _status_message(page, "Draft saved.")
    assert page.url == practice_url
    practice = GoodPractice.objects.get(title="Neighbourhood mediators")
    assert practice.status == "draft" and practice.main_field.code == "3" and practice.impact == "Complaints halved."

    # The template's task list says every section is done.
    assert page.locator("#template-tasks").get_by_text("Not started").count() == 0

    # Submitting: the page says what will happen beside the button, then the confirmation comes.
    _tab_to(page, "el.value === 'submit'")
    _assert_focus_visible(page)
    assert page.get_by_text("When you submit, the secretariat is told and reviews the practice").is_visible()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # Saved, then "Check your practice before submitting it": nothing is submitted until its button is pressed.
    page.wait_for_url("**/submit/")
    assert page.get_by_text("The secretariat will review it against the six quality criteria").is_visible()
    practice.refresh_from_db()
    assert practice.status == "draft"
    _tab_to(page, "el.id === 'confirm-submit'")
    _assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/history/")
    _status_message(page, "Submitted. The secretariat has been told")
    practice.refresh_from_db()
    assert practice.status == "submitted" and practice.main_field.code == "3"
    # And the keyboard can go on from there: the first Tab reaches the skip link, visibly.
    page.keyboard.press("Tab")
    _assert_focus_visible(page)
