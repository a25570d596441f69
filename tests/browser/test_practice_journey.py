"""The whole journey of a good practice, in Chromium: a coordinator drafts (typing is saved automatically),
leaves, comes back and submits; the secretariat requests changes; the coordinator fixes and resubmits; the
secretariat publishes; the public sees the practice."""

import re

import pytest

from goodpractices.models import GoodPractice

from ..factories import PASSWORD
from ..goodpractices.factories import field_of_action

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, email, next_path):
    page.goto(next_path)
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"**{next_path}")


def log_out(page):
    page.get_by_role("button", name="Log out").click()


def test_draft_leave_return_submit_review_fix_publish(page, coordinator_a, secretariat):
    anti_discrimination = field_of_action("3")

    # The coordinator starts a draft and types: the form saves itself.
    log_in(page, coordinator_a.email, "/my/practices/")
    page.get_by_role("button", name="New practice").click()
    page.wait_for_url(re.compile(r".*/my/practices/\d+/$"))
    practice_path = page.url.split(page.url.split("/my/")[0])[1]
    page.get_by_label(re.compile(r"^Title")).fill("Research on structural racism")
    page.get_by_label("Main purpose").fill("Provoking debate, enabling understanding and stimulating action.")
    page.get_by_text("Saved automatically at").wait_for()

    # Leaves without pressing a button; comes back another day: nothing is lost.
    log_out(page)
    log_in(page, coordinator_a.email, practice_path)
    assert page.get_by_label(re.compile(r"^Title")).input_value() == "Research on structural racism"

    # Submitting an incomplete draft names what is missing.
    page.get_by_role("button", name="Save and submit for review").click()
    assert page.get_by_text(re.compile("Still to fill in: Main field of action, .*Impact")).is_visible()

    page.get_by_label("Main field of action").select_option(str(anti_discrimination.pk))
    page.get_by_label("Start (month)").fill("2021-01")
    page.get_by_label("Implementation period").fill("12 months")
    page.get_by_label(re.compile(r"^Purpose")).fill("To establish how minority ethnic people experience the city.")
    page.get_by_label("Stimulus / rationale").fill("Political commitment.")
    page.get_by_label("Process").fill("An external research team ran interviews and a survey.")
    page.get_by_label("Impact").fill("The report provoked debate.")
    page.get_by_role("button", name="Save and submit for review").click()
    # Saved, then checked: the key fields and what happens next; only this page's button submits.
    page.wait_for_url("**/submit/")
    assert page.get_by_role("heading", name="Check your practice before submitting it").is_visible()
    assert page.get_by_text("The secretariat will review it against the six quality criteria").is_visible()
    assert GoodPractice.objects.get().status == "draft"
    page.get_by_role("button", name="Submit for review").click()
    assert page.get_by_text("Submitted. The secretariat has been told").is_visible()
    log_out(page)

    # The secretariat asks for changes.
    log_in(page, secretariat.email, "/review/")
    page.get_by_role("link", name="Research on structural racism").click()
    page.get_by_label("Goal-oriented").select_option("met")
    page.get_by_label("Comment to the coordinator").fill("Please say what changed after the report.")
    page.get_by_role("button", name="Request changes").click()
    assert page.get_by_text("Changes requested: the coordinators have been told.").is_visible()
    log_out(page)

    # The coordinator reads the comment, fixes and resubmits.
    log_in(page, coordinator_a.email, practice_path)
    assert page.get_by_text("Please say what changed after the report.").is_visible()
    page.get_by_label("Impact").fill("The report provoked debate and led to an action plan against hatred.")
    page.get_by_role("button", name="Save and submit for review").click()
    page.get_by_role("button", name="Submit for review").click()
    assert page.get_by_text("Submitted.").first.is_visible()
    log_out(page)

    # The secretariat sees what changed and publishes.
    log_in(page, secretariat.email, "/review/")
    page.get_by_role("link", name="Research on structural racism").click()
    assert page.get_by_text("Changes since the previous submission").is_visible()
    page.get_by_label("Comment to the coordinator").fill("Thank you: published.")
    page.get_by_role("button", name="Publish", exact=True).click()
    # "Publish …?": names the practice, says it becomes public; the comment typed is carried to the publication.
    assert page.get_by_role("heading", name="Publish “Research on structural racism”?").is_visible()
    assert page.get_by_text("The practice becomes public at once").is_visible()
    assert GoodPractice.objects.get().status == "submitted"
    page.get_by_role("button", name="Publish", exact=True).click()
    assert page.get_by_text("Published: the practice is online").is_visible()
    assert GoodPractice.objects.get().transitions.first().comment == "Thank you: published."
    log_out(page)

    # The public sees it.
    practice = GoodPractice.objects.get()
    page.goto(practice.get_absolute_url())
    assert page.get_by_role("heading", name="Research on structural racism").is_visible()
    assert page.get_by_text("led to an action plan against hatred").is_visible()
