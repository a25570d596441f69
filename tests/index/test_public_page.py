"""The public Index page (issue 10, item 5): the cities with published results, narrowed to a peer group, by city
name and never ranked, with the method one click away."""

import html

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.formats import number_format

from cities.models import City

from ..factories import CityFactory, CountryFactory, NationalNetworkFactory
from .factories import assessment_through, small_edition

pytestmark = pytest.mark.django_db

PAGE = "/index/"


def page(client, path=PAGE, status=200) -> str:
    response = client.get(path)
    assert response.status_code == status, response.content[:500]
    return html.unescape(response.content.decode())


def core(assessment) -> str:
    return number_format(assessment.core, 1)


def test_lists_each_citys_latest_published_result_and_nothing_unpublished(client, edition, city_a, city_b, secretariat):
    older = assessment_through(city_a, edition, 2021, by=secretariat, answers=[])
    latest = assessment_through(city_a, edition, 2023, by=secretariat)
    assessment_through(city_b, edition, 2023, by=secretariat, until="validated")
    assessment_through(CityFactory(slug="drafting", name="Draftville"), edition, 2023, by=secretariat, until="draft")
    former = CityFactory(slug="former", name="Formerburg", status="former")
    assessment_through(former, edition, 2022, by=secretariat)
    assert older.core != latest.core
    text = page(client)
    assert "Alphaville" in text and f"> {core(latest)}</td>" in text and f"> {core(older)}</td>" not in text
    assert "Betatown" not in text and "Draftville" not in text and "Formerburg" not in text
    assert "1 city with published results" in text
    assert 'href="/cities/city-a/index/"' in text and 'href="/index/method/"' in text
    assert "rank" not in text.lower()


def test_cities_are_listed_by_name_whatever_their_scores(client, edition, secretariat):
    for name, answers in [("Zeta", None), ("Alpha", []), ("Mu", None)]:
        assessment_through(CityFactory(slug=name.lower(), name=name), edition, 2023, by=secretariat, answers=answers)
    text = page(client)
    assert text.index(">Alpha</a>") < text.index(">Mu</a>") < text.index(">Zeta</a>")


@pytest.fixture
def peers(edition, city_a, city_b, secretariat):
    """Alphaville (NO, 285,000, 13 %), Betatown (PT, 545,000, 12 %) and Gammaby (NO, 80,000, 25 %, in a network)."""
    network = NationalNetworkFactory(slug="norwegian-icc", name="Norwegian ICC network")
    gamma = CityFactory(
        slug="gamma", name="Gammaby", country=CountryFactory(code="NO"), population=80_000, foreign_born_share=25
    )
    City.objects.filter(pk=gamma.pk).update(national_network=network)
    for city in (city_a, city_b, gamma):
        assessment_through(city, edition, 2023, by=secretariat)
    return gamma


@pytest.mark.parametrize(
    "query, shown",
    [
        ("population_band=gte500k", {"Betatown"}),
        ("population_band=200k-500k", {"Alphaville"}),
        ("diversity_band=10-15", {"Alphaville", "Betatown"}),
        ("diversity_band=gte20", {"Gammaby"}),
        ("country=NO", {"Alphaville", "Gammaby"}),
        ("network=norwegian-icc", {"Gammaby"}),
        ("country=NO&population_band=lt100k", {"Gammaby"}),
        ("", {"Alphaville", "Betatown", "Gammaby"}),
    ],
)
def test_filters_narrow_the_list_to_a_peer_group(client, peers, query, shown):
    text = page(client, f"{PAGE}?{query}")
    assert {name for name in ("Alphaville", "Betatown", "Gammaby") if f">{name}</a>" in text} == shown


def test_the_edition_filter_gives_each_citys_latest_result_on_that_edition(client, edition, city_a, secretariat):
    on_t1 = assessment_through(city_a, edition, 2021, by=secretariat)
    other = small_edition(code="T-2", title={"en": "Second edition"})
    on_t2 = assessment_through(city_a, other, 2024, by=secretariat, answers=[])
    assert f"> {core(on_t2)}</td>" in page(client) and "Second edition" in page(client)
    text = page(client, f"{PAGE}?edition=T-1")
    assert f"> {core(on_t1)}</td>" in text and "Second edition</td>" not in text


@pytest.mark.parametrize(
    "query", ["population_band=huge", "diversity_band=%00", "country=ZZ", "network=nowhere", "edition=" + "x" * 500]
)
def test_a_filter_it_cannot_use_is_named_never_a_500(client, peers, query):
    text = page(client, f"{PAGE}?{query}", status=400)
    assert text.count("Some filters could not be used") == 1 and ": Select a valid choice" in text
    assert ">Alphaville</a>" in text  # the other filters (none here) still apply


def test_empty_states_say_so(client, edition, city_a, secretariat):
    assert "No city has published Index results yet." in page(client)
    assessment_through(city_a, edition, 2023, by=secretariat)
    text = page(client, f"{PAGE}?population_band=gte500k")
    assert "No city in this group has published Index results yet." in text and "Clear all filters" in text


def test_french_page_translates_and_writes_decimals_with_a_comma(client, edition, city_a, secretariat):
    latest = assessment_through(city_a, edition, 2023, by=secretariat)
    with translation.override("fr"):
        text = page(client, f"/fr{PAGE}?country=NO")
        score = core(latest)
    assert "Résultats de l'Index ICC" in text and "Comparer avec des villes semblables" in text
    assert "," in score and f"> {score}</td>" in text
    assert 'href="/fr/index/method/"' in text and 'href="/fr/cities/city-a/index/"' in text
    assert "Édition de test" in text


def _cities_with_results(edition, secretariat, n, start=0):
    for i in range(start, start + n):
        city = CityFactory(slug=f"q-{i}", name=f"Query city {i}", national_network=NationalNetworkFactory())
        assessment_through(city, edition, 2023, by=secretariat)


def test_query_count_does_not_grow_with_the_number_of_cities(
    client, edition, secretariat, django_assert_max_num_queries
):
    _cities_with_results(edition, secretariat, 2)
    with CaptureQueriesContext(connection) as few:
        page(client, f"{PAGE}?diversity_band=10-15")
    _cities_with_results(edition, secretariat, 8, start=2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        text = page(client, f"{PAGE}?diversity_band=10-15")
    assert "10 cities with published results" in text


def test_the_page_is_cached_and_shows_a_new_result_at_once(edition, city_a, city_b, secretariat):
    assessment_through(city_a, edition, 2023, by=secretariat)
    page(Client())
    assert Client().get(PAGE).get("X-Page-Cache") == "hit"
    assessment_through(city_b, edition, 2023, by=secretariat)
    response = Client().get(PAGE)
    assert response.get("X-Page-Cache") != "hit" and ">Betatown</a>" in response.content.decode()


def test_header_and_home_lead_to_the_page(client, edition, city_a, secretariat):
    assessment_through(city_a, edition, 2023, by=secretariat)
    assert f'<li><a href="{PAGE}">ICC Index</a></li>' in page(client, "/")  # the header
    assert f'<a class="govuk-link" href="{PAGE}">cities with published Index results</a>' in page(client, "/")
    assessment_through(city_a, edition, 2025, by=secretariat)  # a second wave: still one city on the Index page
    assert f'<strong>1</strong> <a class="govuk-link" href="{PAGE}">cities with' in page(client, "/")
