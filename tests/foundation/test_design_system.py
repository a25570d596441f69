"""The design system's pieces that every page relies on: the form renderer, the formats of each language, the
language switch and the layout (no crown, no GOV.UK typeface, no inline script or style)."""

import datetime
import re
from decimal import Decimal

from django import forms
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import date_format, number_format

from core.forms import DayMonthYearInput


class SampleForm(forms.Form):
    name = forms.CharField(label="Name", help_text="As on your passport")
    nickname = forms.CharField(label="Nickname", required=False)
    colour = forms.ChoiceField(label="Colour", choices=[("red", "Red"), ("blue", "Blue")], widget=forms.RadioSelect)
    born = forms.DateField(label="Date of birth", widget=DayMonthYearInput, required=False)


def test_required_fields_are_marked_and_optional_ones_are_not():
    html = str(SampleForm())
    assert re.search(r'for="id_name">Name <span class="icc-required">\(required\)</span>', html)
    assert 'for="id_nickname">Nickname</label>' in html
    assert 'class="govuk-input"' in html and 'aria-describedby="id_name-hint"' in html


def test_an_invalid_form_has_a_summary_linking_to_each_field_and_the_error_beside_it():
    form = SampleForm(data={"name": "", "colour": "", "born_0": "31", "born_1": "2", "born_2": "2024"})
    html = str(form)
    summary = html.split('govuk-error-summary__list">')[1].split("</ul>")[0]
    assert (
        '<a href="#id_name">' in summary and '<a href="#id_colour_0">' in summary and '<a href="#id_born_0">' in summary
    )
    assert 'class="govuk-input govuk-input--error"' in html
    assert '<p id="id_name-error" class="govuk-error-message">' in html
    assert html.count('<fieldset class="govuk-fieldset"') == 2, "radios and the date are fieldsets with a legend"


def test_dates_are_typed_as_day_month_year():
    form = SampleForm(data={"name": "Ana", "colour": "red", "born_0": "7", "born_1": "3", "born_2": "1990"})
    assert form.is_valid() and form.cleaned_data["born"] == datetime.date(1990, 3, 7)
    assert 'name="born_0"' in str(form["born"]) and 'inputmode="numeric"' in str(form["born"])


def test_dates_are_day_month_year_in_english_and_french_and_french_decimals_take_a_comma():
    day = datetime.date(2026, 3, 7)
    with translation.override("en"):
        assert date_format(day, "SHORT_DATE_FORMAT") == "07/03/2026"
        assert date_format(day) == "7 March 2026"
        assert Template("{{ v|floatformat:1 }}").render(Context({"v": Decimal("13.24")})) == "13.2"
    with translation.override("fr"):
        assert date_format(day, "SHORT_DATE_FORMAT") == "07/03/2026"
        assert date_format(day) == "7 mars 2026"
        assert Template("{{ v|floatformat:1 }}").render(Context({"v": Decimal("13.24")})) == "13,2"
        assert number_format(Decimal("41.5"), 1) == "41,5"


def test_month_filter_writes_a_month_in_words():
    template = Template("{% load portal %}{{ m|month }}")
    with translation.override("en"):
        assert template.render(Context({"m": "2024-03"})) == "March 2024"
    with translation.override("fr"):
        assert template.render(Context({"m": "2024-03"})) == "mars 2024"
    assert template.render(Context({"m": "soon"})) == "soon"


def test_layout_has_the_portal_brand_a_language_switch_and_no_inline_script_or_style(client, db):
    html = client.get("/").content.decode()
    assert "ICC Portal — Intercultural Cities" in html
    assert "govuk-crest" not in html and "GDS Transport" not in html
    assert '<a href="/fr/" lang="fr" hreflang="fr" rel="alternate">' in html
    # Search engines (and Lighthouse's hreflang audit) want absolute URLs, this page's own language included.
    for code, url in (
        ("en", "http://testserver/"),
        ("fr", "http://testserver/fr/"),
        ("x-default", "http://testserver/"),
    ):
        assert f'<link rel="alternate" hreflang="{code}" href="{url}">' in html
    assert 'href="#main"' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", html), "no inline script"
    assert "<style" not in html and "style=" not in html and "onclick" not in html


def test_the_compiled_stylesheet_has_the_brand_and_no_gov_uk_typeface():
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "portal.css").read_text()
    assert "GDS Transport" not in css and "#039" in css.lower()
