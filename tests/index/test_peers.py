"""Peer groups as the contract's rule 7 says: among the other cities' latest validated assessments, and a group of
fewer than three peers shows its size only (F4: an unpublished score must not show through a small group)."""

import csv
import io
import re

import pytest

from index import services
from index.charts import PEER
from index.models import Assessment
from index.selectors import assessment_results, peer_profiles

from ..factories import CityFactory, CountryFactory
from .factories import assessment_through

pytestmark = pytest.mark.django_db

ALL_YES = [{"question": "c.statement", "choices": ["yes"]}, {"question": "c.means", "choices": ["a", "b"]}]
ALL_NO = [{"question": "c.statement", "choices": ["no"]}]


@pytest.fixture
def norway(db):
    return CountryFactory(code="NO", name="Norway")


@pytest.fixture
def oslo_and_bergen(edition, norway, secretariat):
    """Oslo's results are published; Bergen's are validated, not published, and score 50 (Oslo 0)."""
    oslo = CityFactory(slug="oslo", name="Oslo", country=norway, population=700_000, foreign_born_share=25)
    bergen = CityFactory(slug="bergen", name="Bergen", country=norway, population=290_000, foreign_born_share=9)
    published = assessment_through(oslo, edition, 2023, by=secretariat, answers=ALL_NO)
    validated = assessment_through(bergen, edition, 2023, by=secretariat, answers=ALL_YES, until="validated")
    assert validated.core == 50 and published.core == 0
    return published, validated


def test_f4_a_validated_unpublished_score_does_not_show_through_a_group_of_one(client, oslo_and_bergen):
    oslo, _bergen = oslo_and_bergen
    results = client.get(f"/api/v1/index/assessments/{oslo.pk}/results/").json()
    assert results["peers"]["country"] == {"label": "Norway", "n": 1, "average": None, "percentile": None}
    assert results["peers"]["network"]["n"] == 1 and results["peers"]["network"]["average"] is None
    page = client.get("/cities/oslo/index/").content.decode()
    assert 'Norway: <span class="meta">too few cities to compare (1 city)' in page
    # Bergen's 50.0 nowhere in the text, the chart's included (its coordinates may hold the digits: x="550.0").
    text = re.sub(r"<[^>]+>", " ", page)
    assert "50.0" not in text and "Ahead of" not in text
    assert PEER not in page  # no network average drawn on the chart
    assert "trop peu de villes pour comparer" in client.get("/fr/cities/oslo/index/").content.decode()


def test_f4_the_results_export_shows_no_percentile_for_a_small_group(client_as, oslo_and_bergen):
    rows = list(
        csv.DictReader(
            io.StringIO(client_as("secretariat").get("/index/secretariat/T-1/2023/results.csv").content.decode())
        )
    )
    assert {row["city"]: row["peers:country:percentile"] for row in rows} == {"bergen": "", "oslo": ""}


def test_from_three_peers_the_average_and_percentile_show(client, oslo_and_bergen, edition, norway, secretariat):
    oslo, _bergen = oslo_and_bergen
    for slug in ("trondheim", "stavanger"):
        city = CityFactory(slug=slug, country=norway)
        assessment_through(city, edition, 2023, by=secretariat, answers=ALL_NO, until="validated")
    country = client.get(f"/api/v1/index/assessments/{oslo.pk}/results/").json()["peers"]["country"]
    assert country == {"label": "Norway", "n": 3, "average": pytest.approx(50 / 3), "percentile": 0}
    page = client.get("/cities/oslo/index/").content.decode()
    assert "Ahead of 0 % of comparable cities</strong> — Norway" in page and PEER in page


def test_peers_are_the_latest_validated_assessment_of_each_other_city(edition, city_a, secretariat):
    twice = CityFactory(slug="twice")
    assessment_through(twice, edition, 2020, by=secretariat, answers=ALL_NO)
    assessment_through(twice, edition, 2023, by=secretariat, answers=ALL_YES, until="validated")
    assessment_through(twice, edition, 2025, by=secretariat, answers=ALL_NO, until="submitted")
    assessment_through(CityFactory(slug="draft-only"), edition, 2023, by=secretariat, until="draft")
    assessment_through(CityFactory(slug="submitted-only"), edition, 2023, by=secretariat, until="submitted")
    returned = assessment_through(CityFactory(slug="returned"), edition, 2023, by=secretariat, until="validated")
    services.assessment_return(assessment=returned, by=secretariat, comment="Check the figures.")
    mine = assessment_through(city_a, edition, 2023, by=secretariat, until="validated")
    peers = peer_profiles(edition, exclude_city_id=city_a.pk)
    assert [(p.city_id, p.core) for p in peers] == [(twice.pk, 50)]
    assert assessment_results(mine)["peers"]["network"]["n"] == 1


def test_the_results_export_compares_like_the_api(client_as, edition, secretariat):
    """A city's earlier wave is compared with the other cities' latest validated assessments, as the API does."""
    cities = [CityFactory(slug=f"peer-{i}", population=150_000 + i) for i in range(4)]
    for city, answers in zip(cities, [ALL_YES, ALL_NO, ALL_YES, ALL_NO], strict=True):
        assessment_through(city, edition, 2023, by=secretariat, answers=answers)
    assessment_through(cities[0], edition, 2025, by=secretariat, answers=ALL_NO)
    client = client_as("secretariat")
    rows = list(csv.DictReader(io.StringIO(client.get("/index/secretariat/T-1/2023/results.csv").content.decode())))
    for row in rows:
        wave = Assessment.objects.get(city__slug=row["city"], year=2023)
        api = client.get(f"/api/v1/index/assessments/{wave.pk}/results/").json()["peers"]["network"]
        assert api["n"] == 3
        assert float(row["peers:network:percentile"]) == pytest.approx(api["percentile"])
