"""A coordinator finds, from the desk, a city strong in their weakest Index area and writes to its coordinator; the
message reaches that coordinator through the worker, answering to the sender, with no address shown on the way."""

import pytest

from ..factories import PASSWORD, coordinator_of
from ..profiles import fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
network = fixtures.network  # the hand-built network with published Index results


def test_a_coordinator_finds_a_city_strong_where_theirs_is_weak_and_writes_to_it(
    page,
    network,
    city_a,
    coordinator_a,
    celery_worker,  # noqa: F811  (the fixture imported above)
):
    delta_coordinator = coordinator_of(network["delta"], "delta-coord@test.example")
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(coordinator_a.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/my/")

    strong = page.locator("section.strong-where-weak").first
    assert strong.get_by_text("Who is strong where Alphaville is weak?").is_visible()
    strong.get_by_role("link", name="Deltapolis").click()
    page.wait_for_url("**/cities/delta/")
    assert delta_coordinator.email not in page.content()

    # The form is a page of its own: a city page holds no CSRF token, so the page cache can keep it.
    page.get_by_role("link", name="Write to the city's coordinator").click()
    page.wait_for_url("**/cities/delta/contact/")
    page.get_by_label("Subject").fill("Your commitment to the intercultural charter")
    page.get_by_label("Message").fill("We score low in commitment. Could we learn how your council adopted it?")
    page.get_by_role("button", name="Send").click()
    page.wait_for_url("**/cities/delta/")
    assert page.get_by_text("Your message was sent to the city's coordinators.").is_visible()

    [mail] = celery_worker.wait_for_mail(1)
    assert mail["To"] == delta_coordinator.email and mail["Reply-To"] == coordinator_a.email
    assert "how your council adopted it" in mail.get_payload(decode=True).decode()
