"""Where to look for ideas: the weakest areas, and practices from cities like mine or strong there."""

import pytest

from index.selectors.recommendations import Candidate, CityTraits, rank_practices, recommendations_for, weakest_areas


def test_the_weakest_areas_are_the_lowest_scores_with_ties_broken_by_weight():
    scores = {"a": 50.0, "b": 10.0, "c": 30.0, "d": 30.0, "e": None}
    assert weakest_areas(scores, {"c": 1, "d": 2}) == ["b", "d", "c"]


def test_cities_sharing_more_peer_groups_come_first_then_the_stronger_in_the_area():
    me = CityTraits(1, "200k", "10-15", "NO", 7)
    traits = {
        1: me,
        2: CityTraits(2, "200k", "10-15", "NO", 7),  # shares all four
        3: CityTraits(3, "500k", "20+", "IT", None),  # shares none, scores 95
        4: CityTraits(4, "500k", "20+", "DE", None),  # shares none, scores 30
        5: CityTraits(5, "200k", "20+", "DE", None),  # shares the population band
    }
    candidates = [Candidate(10, 3), Candidate(11, 4), Candidate(12, 2), Candidate(13, 5), Candidate(14, 2)]
    ranked = rank_practices(candidates, me=me, traits=traits, area_scores={3: 95, 4: 30, 2: 10}, limit=3)
    assert [candidate.practice_id for candidate, _shared in ranked] == [12, 13, 10]
    assert ranked[0][1] == ["population_band", "diversity_band", "country", "national_network"]


def test_my_own_practices_are_never_recommended_to_me():
    me = CityTraits(1, None, None, "NO", None)
    assert rank_practices([Candidate(1, 1)], me=me, traits={1: me}, area_scores={}) == []


@pytest.mark.django_db
def test_recommendations_for_a_hand_built_network(network):
    from django.utils import translation

    translation.activate("en")  # the reasons are read in the reader's language
    areas = recommendations_for(network["assessment"])
    assert [area.code for area in areas] == ["commitment", "education"]
    commitment = areas[0]
    titles = [r.practice.title for r in commitment.recommendations]
    # Gamma is like Alphaville (same country, size and diversity band); Delta scores 95; Epsilon is neither.
    assert titles == ["Gamma charter", "Delta council", "Epsilon pledge"]
    assert "the same country" in commitment.recommendations[0].reasons
    assert "scores 95.0 in this area" in commitment.recommendations[1].reasons
    assert [r.practice.title for r in areas[1].recommendations] == ["Delta schools"]


@pytest.mark.django_db
def test_the_public_results_page_shows_where_to_look_for_ideas(network, city_a, client):
    response = client.get(f"/cities/{city_a.slug}/index/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Where to look for ideas" in page
    assert "Gamma charter" in page and "the same country" in page
    assert "Gamma draft" not in page  # only published practices
