"""The Index filled together: coordinator, colleague, secretariat, and the public results with their chart."""

import re

import pytest

from accounts.models import User
from index.models import Assessment

from ..factories import PASSWORD
from ..index.factories import small_edition

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, email, password=PASSWORD):
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/my/")


def test_assessment_from_start_to_published_results(page, coordinator_a, secretariat, celery_worker):
    small_edition()
    _log_in(page, "coord-a@test.example")
    page.goto("/my/index/")
    page.get_by_label("Year of the wave").fill("2025")
    page.get_by_role("button", name="Start the assessment").click()
    page.wait_for_url(re.compile(r"/my/index/\d+/$"))
    assessment = Assessment.objects.get()

    # Invite a colleague from the schools department and give them Education.
    page.get_by_label("E-mail").fill("schools@test.example")
    page.get_by_label("Department").fill("Schools")
    page.get_by_role("group", name="Areas to answer").get_by_label("Education").check()
    page.get_by_role("button", name="Send the invitation").click()
    assert page.get_by_text("Invitation sent to schools@test.example").is_visible()
    assert celery_worker.wait_for_mail(1)[0]["To"] == "schools@test.example"
    colleague = User.objects.get(email="schools@test.example")
    colleague.set_password(PASSWORD)
    colleague.save()

    # The colleague answers Education, and cannot answer Commitment.
    _log_in(page, "schools@test.example")
    page.goto(f"/my/index/{assessment.pk}/areas/education/")
    page.get_by_label("Percentage (0–100)").fill("55")
    page.get_by_role("group", name=re.compile("Training")).get_by_label("Yes").check()
    page.get_by_label("Comment (examples, references)").first.fill("All schools report it.")
    page.get_by_role("button", name="Save", exact=True).click()
    assert page.get_by_text("Answers saved.").is_visible()
    page.goto(f"/my/index/{assessment.pk}/areas/commitment/")
    assert page.get_by_text("This area is not assigned to you").is_visible()

    # The coordinator sees who answered and submits.
    _log_in(page, "coord-a@test.example")
    page.goto(f"/my/index/{assessment.pk}/")
    assert page.get_by_text("2 of 5 questions answered.").is_visible()
    assert page.get_by_role("listitem").filter(has_text="Training?").first.is_visible()
    page.get_by_role("button", name="Submit to the secretariat").click()
    assert page.get_by_text("the assessment is now submitted").is_visible()

    # The secretariat validates and publishes.
    _log_in(page, "secretariat@test.example")
    page.goto(f"/my/index/{assessment.pk}/")
    page.get_by_role("button", name="Validate").click()
    page.get_by_role("button", name="Publish the results").click()
    assert page.get_by_text("the assessment is now published").is_visible()

    # Anyone sees the results and the chart, with its table.
    page.context.clear_cookies()
    page.goto("/cities/city-a/index/")
    assert page.locator("svg.chart").first.is_visible()
    table = page.get_by_role("table", name=re.compile("Score per area"))
    assert table.get_by_role("row", name=re.compile("Education 100.0")).is_visible()
