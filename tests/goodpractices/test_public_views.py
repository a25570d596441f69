import json
import re

import pytest
from django.test import Client

from core import pdf

from . import public_fixtures

catalogue = public_fixtures.catalogue  # the fixture, shared by the public database tests


def test_list_shows_facet_counts_from_the_summary_and_the_filtered_set(catalogue):
    page = Client().get("/good-practices/")
    assert page.context["total"] == 3
    assert page.context["counts"].get("field", "3") == 1
    assert page.context["counts"].get("country", "FR") == 1
    assert b"Norway (1)" in page.content
    filtered = Client().get("/good-practices/", {"target_group": "young_people"})
    assert filtered.context["total"] == 2
    assert filtered.context["counts"].get("language", "fr") == 1


def test_facet_summary_follows_publication_and_unpublication(catalogue):
    draft = catalogue["draft"]
    draft.status = "published"
    draft.save()
    assert Client().get("/good-practices/").context["total"] == 4
    draft.status = "unpublished"
    draft.save()
    assert Client().get("/good-practices/").context["total"] == 3


def test_htmx_requests_get_only_the_results(catalogue):
    response = Client().get("/good-practices/", {"q": "racism"}, headers={"HX-Request": "true"})
    assert b"<html" not in response.content
    assert b'id="results-heading"' in response.content


def test_the_url_carries_the_state_into_the_form_and_the_links(catalogue):
    response = Client().get("/good-practices/", {"q": "racism", "country": "NO", "ordering": "title"})
    html = response.content.decode()
    assert 'value="racism"' in html
    assert '<option value="NO" selected>' in html
    assert "export.csv?q=racism&amp;country=NO&amp;ordering=title" in html


def test_city_filter_is_a_datalist_not_a_select(catalogue):
    html = Client().get("/good-practices/").content.decode()
    assert 'list="city-options"' in html and '<option value="bergen">Bergen (1)</option>' in html
    assert 'name="city"' in html and '<select id="f-city"' not in html


def test_practice_page_has_city_card_fields_related_and_structured_data(catalogue):
    response = Client().get("/good-practices/research-on-structural-racism/")
    html = response.content.decode()
    assert "Norway" in html and "/cities/bergen/" in html
    assert "/good-practices/fields/2/" in html  # the secondary field
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "CreativeWork" and data["name"] == "Research on structural racism"
    assert data["spatialCoverage"]["name"] == "Bergen"
    assert "/good-practices/research-on-structural-racism/pdf/" in html


def test_related_practices_prefer_other_cities(catalogue, django_assert_max_num_queries):
    from .factories import GoodPracticeFactory, field_of_action

    same_city = GoodPracticeFactory(city=catalogue["bergen"], slug="same-city", status="published",
                                    main_field=field_of_action("3"))  # fmt: skip
    other = GoodPracticeFactory(slug="other-city", status="published", main_field=field_of_action("3"))
    related = Client().get("/good-practices/research-on-structural-racism/").context["related"]
    assert [p.slug for p in related] == [other.slug, same_city.slug]
    assert "secret-draft-racism" not in [p.slug for p in related]


def test_json_ld_cannot_close_its_script_element(catalogue):
    catalogue["racism"].title = "</script><script>alert(1)</script>"
    catalogue["racism"].save()
    html = Client().get("/good-practices/research-on-structural-racism/").content.decode()
    assert "</script><script>alert(1)" not in html


def test_field_pages_list_the_field_and_its_sub_fields(catalogue):
    index = Client().get("/good-practices/fields/")
    assert b"Anti-discrimination" in index.content
    seven = Client().get("/good-practices/fields/7/")
    assert [p.slug for p in seven.context["practices"]] == ["ecoles-sans-racisme"]
    assert seven.context["field"].code == "7"
    assert Client().get("/good-practices/fields/nope/").status_code == 404


def test_a_field_code_with_a_null_byte_is_a_404(catalogue):
    assert Client().get("/good-practices/fields/%00/").status_code == 404
    assert Client().get("/good-practices/fields/%00/feed/").status_code == 404


def test_city_page_lists_its_published_practices_only(catalogue):
    html = Client().get("/cities/bergen/").content.decode()
    assert "Research on structural racism" in html
    assert "Secret draft" not in html


def test_french_page(catalogue):
    response = Client().get("/fr/good-practices/", {"q": "racisme"})
    assert response.status_code == 200
    assert "ecoles-sans-racisme" in [p.slug for p in response.context["practices"]]
    assert b"Bonnes pratiques" in response.content or response.status_code == 200


def test_pdf_of_a_practice(catalogue):
    response = Client().get("/good-practices/research-on-structural-racism/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert Client().get("/good-practices/secret-draft-racism/pdf/").status_code == 404


def test_pdf_rendering_is_pure_and_never_fetches_external_urls():
    fetched = []

    class Spy(pdf._weasyprint()[1]):
        def fetch(self, url, headers=None):
            fetched.append(url)
            return super().fetch(url, headers)

    html = (
        '<link rel="stylesheet" href="/static/css/practice_pdf.css">'
        '<img src="http://example.org/tracker.png"><img src="file:///etc/passwd"><p>Hello</p>'
    )
    from weasyprint import HTML

    out = HTML(string=html, base_url=pdf.BASE_URL, url_fetcher=Spy()).write_pdf()
    assert out.startswith(b"%PDF")
    assert len(fetched) == 3
    with pytest.raises(ValueError):
        pdf.static_file("http://example.org/tracker.png")
    with pytest.raises(ValueError):
        pdf.static_file(pdf.STATIC_PREFIX + "../../etc/passwd")
    assert pdf.static_file(pdf.STATIC_PREFIX + "css/practice_pdf.css")[1] == "text/css"
    assert pdf.html_to_pdf("<p>x</p>").startswith(b"%PDF")
