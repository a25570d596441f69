"""The public pages on a 390 px phone (issue 10): nothing wider than the screen, a compact header, the results before
the filters, tap targets of at least 24 px, and no list bullets outside the lists meant to have them."""

import pytest

from ..goodpractices import public_fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

catalogue = public_fixtures.catalogue

PHONE = {"width": 390, "height": 844}
PAGES = ["/", "/good-practices/", "/good-practices/?q=racism", "/good-practices/research-on-structural-racism/",
         "/cities/", "/cities/bergen/", "/events/", "/index/", "/fr/good-practices/"]  # fmt: skip

# Controls a finger must hit: WCAG 2.2's target size (2.5.8) exempts links inside running text, not these. The
# breadcrumbs use its spacing exception (a chevron and a gap between links), so they are not listed here.
SMALL_TARGETS = """() => [...document.querySelectorAll(
    'header a, header button, nav a, .govuk-pagination a, button, input:not([type=hidden]), select, .govuk-tag a,'
    + ' .govuk-footer a')]
  .filter(e => e.offsetParent !== null && !e.closest('.govuk-breadcrumbs'))
  .map(e => ({e, r: e.getBoundingClientRect()}))
  .filter(({e, r}) => {
    // A checkbox or radio's target is its label too (GOV.UK draws a 40 px box over the tiny input).
    if (e.type === 'checkbox' || e.type === 'radio') return false;
    return r.width > 0 && (r.height < 24 || r.width < 24);
  })
  .map(({e, r}) => `${e.tagName.toLowerCase()} "${(e.innerText || e.value || e.name || '').trim().slice(0, 40)}"`
    + ` ${Math.round(r.width)}×${Math.round(r.height)}`)"""

# A bullet shows where a list has a visible marker; only the lists written as bulleted or numbered may have one.
STRAY_BULLETS = """() => [...document.querySelectorAll('li')]
  .filter(li => li.offsetParent !== null && getComputedStyle(li).display === 'list-item'
    && getComputedStyle(li).listStyleType !== 'none')
  .filter(li => !li.closest('.govuk-list--bullet, .govuk-list--number, .icc-prose, .govuk-body ul, .govuk-body ol,'
    + ' [data-bullets]'))
  .map(li => li.innerText.trim().slice(0, 40))"""


def test_public_pages_fit_a_phone_with_compact_header_big_targets_and_no_stray_bullets(browser, live_server, catalogue):
    context = browser.new_context(viewport=PHONE, base_url=live_server.url, is_mobile=True, has_touch=True)
    page = context.new_page()
    problems = []
    for path in PAGES:
        page.goto(path)
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"):
            problems.append(f"{path}: wider than the phone")
        header = page.locator("header").first.bounding_box()
        if header["height"] > PHONE["height"] * 0.25:
            problems.append(f"{path}: the header takes {header['height']:.0f} px of {PHONE['height']}")
        problems += [f"{path}: small target {target}" for target in page.evaluate(SMALL_TARGETS)]
        problems += [f"{path}: stray bullet on {text!r}" for text in page.evaluate(STRAY_BULLETS)]
    context.close()
    assert not problems, "\n".join(problems)


def test_on_a_phone_the_results_come_before_the_filters(browser, live_server, catalogue):
    context = browser.new_context(viewport=PHONE, base_url=live_server.url, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto("/good-practices/?country=NO")
    first_result = page.get_by_role("link", name="Research on structural racism").bounding_box()
    filters = page.get_by_label("Country")
    assert first_result["y"] < PHONE["height"], "the first result is on the first screen"
    assert not filters.is_visible() or filters.bounding_box()["y"] > first_result["y"]
    page.get_by_role("link", name="Filters (1)").click()  # jumps to the filters below the results
    assert page.get_by_label("Country").is_visible()
    context.close()
