import pytest

from ..goodpractices import public_fixtures
from ..goodpractices.factories import GoodPracticeFactory, field_of_action

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

catalogue = public_fixtures.catalogue


def test_visitor_searches_narrows_opens_follows_related_and_switches_to_french(page, catalogue):
    GoodPracticeFactory(slug="anti-racism-week", title="Anti-racism week", status="published",
                        city=catalogue["french"].city, main_field=field_of_action("3"))  # fmt: skip
    page.goto("/good-practices/")
    page.get_by_label("Search the practices").fill("racism")
    page.wait_for_url("**/good-practices/?q=racism*")  # htmx updated the results and the address
    assert page.get_by_role("link", name="Research on structural racism").is_visible()
    assert page.locator("mark").first.is_visible()

    page.get_by_label("Field of action", exact=True).select_option("3")
    page.wait_for_url("**field=3*")
    page.get_by_label("Country").select_option("NO")
    page.wait_for_url("**country=NO*")
    assert page.get_by_role("link", name="Des écoles sans racisme").count() == 0

    page.get_by_role("link", name="Research on structural racism").click()
    page.wait_for_url("**/good-practices/research-on-structural-racism/")
    page.get_by_role("link", name="Anti-racism week").click()
    page.wait_for_url("**/good-practices/anti-racism-week/")

    page.get_by_role("link", name="FR – Français").click()
    page.wait_for_url("**/fr/good-practices/anti-racism-week/")
    assert page.locator("html").get_attribute("lang") == "fr"


def test_filters_work_without_javascript(browser, live_server, catalogue):
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.goto("/good-practices/")
    page.get_by_label("Country").select_option("FR")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**country=FR*")
    assert page.get_by_role("link", name="Des écoles sans racisme").is_visible()
    assert page.get_by_role("link", name="Research on structural racism").count() == 0
    context.close()
