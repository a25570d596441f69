"""The secretariat rebuilds a city's profile, watches the worker build it and downloads the PDF."""

import pytest
from pypdf import PdfReader

from ..factories import PASSWORD
from ..profiles.fixtures import network  # noqa: F401  (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.usefixtures("network")
def test_the_secretariat_rebuilds_a_profile_and_downloads_it(page, city_a, secretariat, celery_worker):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(secretariat.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/my/")

    page.goto("/profiles/")
    page.get_by_role("button", name="Build Alphaville (English)").click()
    page.wait_for_url("**/profiles/batch/**")
    assert page.get_by_text("The profile of Alphaville is queued for building.").is_visible()
    # The progress block refreshes itself (htmx) until the worker is done: no reload by the user.
    page.get_by_text("All 1 profile processed.").wait_for(timeout=90_000)
    assert page.locator('[data-count="ready"]').inner_text() == "1"

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the profile of Alphaville (English)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("city-a-intercultural-profile-en-")
    text = "".join(p.extract_text() for p in PdfReader(download.path()).pages)
    assert "Alphaville" in text and "Where to look for ideas" in text
