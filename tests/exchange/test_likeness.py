""" "Cities like mine" against a hand-built set of cities (with the reasons), and "who is strong where we are weak?"."""

import pytest

from exchange.selectors.likeness import Likeness, cities_like, rank_similar, reasons, shape_distance, strong_where_weak
from index.selectors.recommendations import CityTraits

from ..factories import CityFactory, NationalNetworkFactory

ME = CityTraits(1, "200k-500k", "10-15", "NO", 7)
SHAPE = {"commitment": 40.0, "education": 60.0, "housing": 30.0, "media": 50.0}


def test_shape_distance_is_the_mean_difference_over_common_areas():
    theirs = {"commitment": 50.0, "education": 50.0, "housing": 30.0, "culture": 99.0}
    assert shape_distance(SHAPE, theirs) == (20 / 3, 3)
    assert shape_distance(SHAPE, {"commitment": 40.0}) == (None, 1)  # too few areas in common to say


def test_cities_sharing_more_traits_come_first_and_a_close_index_shape_counts():
    others = [
        CityTraits(2, "200k-500k", "10-15", "NO", 7),  # all four traits
        CityTraits(3, "200k-500k", "gte20", "IT", None),  # size only, but the same Index shape
        CityTraits(4, "200k-500k", "gte20", "DE", None),  # size only, a distant shape
        CityTraits(5, "lt100k", "lt10", "FR", None),  # nothing in common
        CityTraits(6, "gte500k", "10-15", "SE", None),  # foreign-born band only, no Index results
    ]
    shapes = {1: SHAPE, 3: dict(SHAPE), 4: {code: score + 40 for code, score in SHAPE.items()}}
    ranked = rank_similar(ME, others, shapes)
    assert [m.city_id for m in ranked] == [2, 3, 4, 6]
    assert ranked[0].shared == ("population_band", "diversity_band", "country", "national_network")
    assert ranked[1].score == 3.0 and ranked[1].distance == 0.0  # 1 trait + the full shape bonus
    assert ranked[2].score == 1.0  # 40 points apart: the shape earns nothing
    assert 5 not in [m.city_id for m in ranked]


def test_each_match_says_why_it_was_matched():
    close = Likeness(3, 2.5, ("population_band",), 6.25, 12)
    assert reasons(close) == [
        "a city of similar size",
        "a similar Index profile (6.2 points apart on average over 12 areas)",
    ]
    far = Likeness(4, 1.0, ("country", "national_network"), 30.0, 12)
    assert reasons(far) == ["the same country", "the same national network"]


def test_a_city_is_never_like_itself():
    assert rank_similar(ME, [ME], {1: SHAPE}) == []


@pytest.mark.django_db
def test_cities_like_a_real_city_are_members_only_with_reasons(city_a):
    network = NationalNetworkFactory(slug="no-net", country=city_a.country)
    city_a.national_network = network
    city_a.save()
    twin = CityFactory(
        slug="twin", country=city_a.country, population=250_000, foreign_born_share=14, national_network=network
    )
    CityFactory(slug="former", country=city_a.country, population=250_000, foreign_born_share=14, status="former")
    like = cities_like(city_a)
    assert [match.city.slug for match in like] == ["twin"]
    assert like[0].reasons == [
        "a city of similar size",
        "a similar share of foreign-born residents",
        "the same country",
        "the same national network",
    ]
    assert twin in [match.city for match in like]


@pytest.mark.django_db
def test_who_is_strong_where_we_are_weak(network, city_a):
    areas = strong_where_weak(city_a)
    assert [area.code for area in areas] == ["commitment", "education"]
    commitment, education = areas
    # Delta scores 95 and Gamma 40 in commitment (A: 20), and both published practices in its field of action.
    assert [(s.city.slug, s.score, s.practices) for s in commitment.strong] == [("delta", 95.0, 1), ("gamma", 40.0, 1)]
    assert education.strong == []  # nobody scores above A's 60 in education


@pytest.mark.django_db
def test_the_city_page_shows_both(network, city_a, client):
    page = client.get(f"/cities/{city_a.slug}/").content.decode()
    assert "Cities like Alphaville" in page and "Gammaby" in page and "the same country" in page
    assert "Who is strong where Alphaville is weak?" in page and "Deltapolis" in page


@pytest.mark.django_db
def test_the_coordinators_desk_shows_both(network, client_as):
    page = client_as("coordinator_a").get("/my/").content.decode()
    assert "Cities like Alphaville" in page and "Who is strong where Alphaville is weak?" in page
