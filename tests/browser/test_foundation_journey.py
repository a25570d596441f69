import pytest

from ..factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_logs_in_switches_to_french_and_sees_the_desk(page, coordinator_a):
    page.goto("/my/")
    page.wait_for_url("**/accounts/login/?next=/my/")
    page.get_by_label("E-mail").fill("coord-a@test.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/my/")
    assert page.get_by_role("heading", name="My desk").is_visible()

    page.get_by_role("link", name="FR – Français").click()
    page.wait_for_url("**/fr/my/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", name="Mon espace").is_visible()
    assert page.get_by_role("link", name="Alphaville").is_visible()


def test_skip_link_is_the_first_stop_for_keyboard_users(page, city_a):
    page.goto("/cities/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_directory_is_usable_on_a_phone(page, city_a, city_b):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/cities/")
    assert page.get_by_label("Country").is_visible()
    page.get_by_label("Country").select_option("PT")
    page.get_by_role("button", name="Filter").click()
    assert page.get_by_role("link", name="Betatown").is_visible()
    assert page.get_by_role("link", name="Alphaville").count() == 0
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not overflow
