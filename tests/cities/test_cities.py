from decimal import Decimal

import pytest

from cities.choices import diversity_band, population_band
from cities.models import City, Membership, NationalNetwork
from core.notifications import muted

from ..factories import CityFactory, CountryFactory, NationalNetworkFactory


@pytest.mark.parametrize(
    "population, band",
    [
        (99_999, "lt100k"),
        (100_000, "100k-200k"),
        (199_999, "100k-200k"),
        (200_000, "200k-500k"),
        (499_999, "200k-500k"),
        (500_000, "gte500k"),
        (None, None),
    ],
)
def test_population_bands_follow_the_contract(population, band):
    assert population_band(population) == band


@pytest.mark.parametrize(
    "share, band",
    [(Decimal("9.99"), "lt10"), (10, "10-15"), (Decimal("14.99"), "10-15"), (15, "15-20"), (20, "gte20")],
)
def test_diversity_bands_follow_the_contract(share, band):
    assert diversity_band(share) == band


def test_candidate_below_the_membership_criteria_gets_warnings():
    city = City(name="Smallville", status="candidate", population=5_100, foreign_born_share=Decimal("4.2"))
    warnings = [str(w) for w in city.membership_warnings()]
    assert len(warnings) == 2
    assert "30,000" in warnings[0]
    assert "5 %" in warnings[1]


def test_members_and_qualifying_candidates_get_no_warning():
    assert City(status="member", population=1_000, foreign_born_share=1).membership_warnings() == []
    assert City(status="candidate", population=30_000, foreign_born_share=5).membership_warnings() == []


@pytest.mark.django_db
def test_secretariat_sees_the_warning_on_the_city_page_and_the_public_does_not(client_as):
    CityFactory(slug="tiny", name="Tiny", status="candidate", population=8_000, foreign_born_share=2)
    assert b"membership criteria" in client_as("secretariat").get("/cities/tiny/").content
    assert b"membership criteria" not in client_as("anonymous").get("/cities/tiny/").content


@pytest.mark.django_db
def test_directory_filters_by_country_network_status_and_population_band(client, city_a, city_b):
    network = NationalNetworkFactory(slug="norway", country=city_a.country)
    city_a.national_network = network
    city_a.save()
    CityFactory(slug="big", name="Bigcity", population=900_000, country=CountryFactory(code="ES", name="Spain"))

    def names(query):
        return [c["name"] for c in client.get(f"/api/v1/cities/?{query}").json()["results"]]

    assert names("country=NO") == ["Alphaville"]
    assert names("network=norway") == ["Alphaville"]
    assert names("population_band=gte500k") == ["Betatown", "Bigcity"]
    assert names("population_band=200k-500k") == ["Alphaville"]
    page = client.get("/cities/?country=PT")
    assert b"Betatown" in page.content and b"Alphaville" not in page.content


@pytest.mark.django_db
def test_unknown_filter_values_answer_400_in_the_api_and_a_message_on_the_page(client, city_a):
    response = client.get("/api/v1/cities/?population_band=huge")
    assert response.status_code == 400
    assert "population_band" in response.json()["errors"]
    page = client.get("/cities/?population_band=huge")
    assert page.status_code == 200
    assert b"Select a valid choice" in page.content


@pytest.mark.django_db
def test_city_api_has_the_contract_fields(client, city_a):
    data = client.get("/api/v1/cities/city-a/").json()
    assert {
        "slug",
        "name",
        "country",
        "population",
        "foreign_born_share",
        "status",
        "joined_year",
        "national_network",
    } <= data.keys()
    assert data["country"] == "NO"
    assert data["foreign_born_share"] == 13.0


@pytest.mark.django_db
def test_api_pages_are_capped_at_100(client):
    for n in range(3):
        CityFactory(slug=f"c{n}")
    data = client.get("/api/v1/cities/?page_size=1000").json()
    assert data["count"] == 3 and len(data["results"]) == 3
    response = client.get("/api/v1/cities/?page=99")
    assert response.status_code == 400
    assert "page" in response.json()["errors"]


@pytest.mark.django_db
def test_french_pages_are_under_fr(client, city_a):
    response = client.get("/fr/cities/")
    assert response.status_code == 200
    assert b'lang="fr"' in response.content
    assert b"Villes membres" in response.content


@pytest.mark.django_db
def test_en_prefix_redirects_to_the_unprefixed_english_page(client, city_a):
    response = client.get("/en/cities/?country=NO")
    assert response.status_code == 302
    assert response.url == "/cities/?country=NO"


@pytest.mark.django_db
def test_load_demo_is_idempotent():
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    count = City.objects.count()
    call_command("load_demo", verbosity=0)
    assert City.objects.count() == count >= 20
    assert City.objects.get(slug="klaksvik").membership_warnings()


@pytest.mark.django_db
def test_the_demo_cities_come_from_their_file():
    from cities import demo

    with muted():
        demo.load()
    bergen = City.objects.get(slug="bergen")
    assert (bergen.country_id, bergen.population, bergen.foreign_born_share) == ("NO", 285_900, Decimal("13.2"))
    assert bergen.description_fr.startswith("Deuxième ville de Norvège")
    assert City.objects.get(slug="cascais").description_en == "Cascais is a member of the Intercultural Cities network."
    assert NationalNetwork.objects.get(slug="norway").lead_city.slug == "oslo"
    assert City.objects.get(slug="klaksvik").status == "candidate"
    assert Membership.objects.get(user__email="lisbon@example.org").city.slug == "lisbon"
