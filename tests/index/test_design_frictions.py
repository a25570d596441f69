"""Frictions of the Index found by a new user, kept fixed (issue 10, item 8)."""

import re

import pytest
from django.utils import translation

from index import charts, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(edition, city_a, coordinator_a):
    return services.assessment_create(city=city_a, edition=edition, year=2025, by=coordinator_a)


def test_progress_chart_draws_every_area_with_its_whole_name():
    series = [(f"Area number {n} with a long name", [10.0 * (n % 10), 50.0]) for n in range(16)]
    svg = charts.progress_lines(["2019", "2023"], series, title="Progress")
    assert svg.count("<polyline") == 16
    assert "Area number 15 with a long name" in svg and "…" not in svg


def test_chart_figures_take_a_comma_in_french():
    with translation.override("fr"):
        svg = charts.area_bars([("Education", 41.5, None)], title="Scores", peer_label=None)
    assert "41,5" in svg and "41.5" not in svg


def test_respondents_see_no_question_codes(client_as, draft):
    page = client_as("coordinator_a").get(f"/my/index/{draft.pk}/areas/commitment/").content.decode()
    visible_text = re.findall(r">([^<]*)<", page.split('id="main"')[1])
    assert not [text for text in visible_text if "c.statement" in text]


def test_read_only_answers_are_text_not_disabled_controls(client_as, draft, coordinator_a):
    services.answers_save(assessment=draft, items=[{"question": "c.statement", "choices": ["yes"]}], by=coordinator_a)
    services.assessment_submit(assessment=draft, by=coordinator_a)
    page = client_as("secretariat").get(f"/my/index/{draft.pk}/areas/commitment/").content.decode()
    assert " disabled" not in page
    assert 'govuk-summary-list__key">Answer</dt>' in page


def test_start_form_proposes_this_year_and_takes_the_chosen_editions_optional_areas(client_as, edition, city_a):
    from django.utils import timezone

    from index.models import Assessment

    from .factories import small_edition

    other = small_edition(code="T-2")
    client = client_as("coordinator_a")
    page = client.get("/my/index/").content.decode()
    assert f'name="year" inputmode="numeric" maxlength="4" required value="{timezone.localdate().year}"' in page
    optional = [area.code for area in edition.areas.all() if area.optional]
    posted = {"city": city_a.pk, "edition": edition.pk, "year": 2025}
    posted["optional"] = [f"{edition.code}:{optional[0]}", f"{other.code}:{optional[-1]}"]
    client.post("/my/index/", posted)
    assessment = Assessment.objects.get(city=city_a, edition=edition)
    assert list(assessment.optional_areas.values_list("code", flat=True)) == [optional[0]]


def _card(page: str, code: str) -> str:
    """The question card of `code` on an area page, up to the next card."""
    start = page.index(f'id="q-{code}"')
    end = page.find('class="icc-card question"', start)
    return page[start : end if end != -1 else len(page)]


def test_each_override_form_sits_with_its_question(client_as, draft, coordinator_a):
    services.assessment_submit(assessment=draft, by=coordinator_a)
    page = client_as("secretariat").get(f"/my/index/{draft.pk}/areas/commitment/").content.decode()
    for code in ("c.statement", "c.means"):
        assert f'form="override-{code}" id="o-{code}-points"' in _card(page, code)
    assert 'id="o-c.notes-points"' not in page  # a question that is not scored has no points to override


def test_an_area_nobody_answered_says_so_beside_its_zero(client, edition, city_a, secretariat):
    from .factories import assessment_through

    assessment_through(city_a, edition, 2023, by=secretariat)  # commitment answered, education not
    page = client.get(f"/cities/{city_a.slug}/index/").content.decode()
    assert 'Education</th><td class="govuk-table__cell">0.0 <span class="meta">(no answer)</span>' in page
    assert 'Commitment</th><td class="govuk-table__cell">50.0</td>' in page
    assert "Education (no answer)</text>" in page  # the chart's label too


def test_group_scores_sit_under_a_labelled_column(client, edition, city_a, secretariat):
    from .factories import assessment_through

    assessment_through(city_a, edition, 2023, by=secretariat)
    page = client.get(f"/cities/{city_a.slug}/index/").content.decode()
    groups = page[page.index("Groups of areas</caption>") :].split("</table>")[0]
    assert '<th scope="col" class="govuk-table__header">Group</th>' in groups
    assert ">Score</th>" in groups and ">Lens</th>" in groups


def test_progress_columns_name_their_edition_when_the_waves_span_editions(client, edition, city_a, secretariat):
    from .factories import assessment_through, small_edition

    assessment_through(city_a, edition, 2019, by=secretariat)
    assessment_through(city_a, small_edition(code="T-2"), 2023, by=secretariat, answers=[])
    page = client.get(f"/cities/{city_a.slug}/index/").content.decode()
    table = page[page.index("Score per area in each wave</caption>") :].split("</thead>")[0]
    assert ">2019 (T-1)</th>" in table and ">2023 (T-2)</th>" in table
