"""The contract's scoring rules, one by one, on plain data (no database)."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from index.scoring import (
    AnswerData,
    AreaSpec,
    BandSpec,
    ChoiceSpec,
    CityProfile,
    EditionSpec,
    PeerStats,
    QuestionSpec,
    area_score,
    is_scored,
    peer_groups,
    peer_groups_for_all,
    question_max,
    question_points,
    question_score,
    results,
    shown,
)

YES_NO = (ChoiceSpec("yes", 1), ChoiceSpec("no", 0))


def yes_no(code, weight=1, data_kind="input"):
    return QuestionSpec(code, "yes_no", data_kind=data_kind, weight=weight, choices=YES_NO)


def area(code, *questions, weight=1, optional=False, group=None):
    return AreaSpec(code, tuple(questions), weight=weight, optional=optional, group=group)


YES = AnswerData(choices=("yes",))
NO = AnswerData(choices=("no",))


# Rule 1: what is scored


@pytest.mark.parametrize("data_kind, scored", [("fact", False), ("input", True), ("impact", True)])
def test_only_input_and_impact_questions_are_scored(data_kind, scored):
    assert is_scored(yes_no("q", data_kind=data_kind)) is scored


def test_text_questions_are_never_scored():
    assert not is_scored(QuestionSpec("q", "text", data_kind="input"))


def test_fact_question_does_not_change_the_area_score():
    with_fact = area("a", yes_no("q1"), QuestionSpec("n", "number", data_kind="fact", bands=(BandSpec(0, None, 5),)))
    assert area_score(with_fact, {"q1": YES}) == 100
    assert area_score(with_fact, {"q1": NO, "n": AnswerData(value=3)}) == 0


# Rule 2: a question's maximum


def test_maximum_of_single_is_the_highest_choice():
    q = QuestionSpec("q", "single", choices=(ChoiceSpec("a", 2), ChoiceSpec("b", 3), ChoiceSpec("c", 0)))
    assert question_max(q) == 3


def test_maximum_of_multiple_sums_positive_choices():
    q = QuestionSpec("q", "multiple", choices=(ChoiceSpec("a", 2), ChoiceSpec("b", 3), ChoiceSpec("c", -1)))
    assert question_max(q) == 5


def test_maximum_of_multiple_is_capped_by_max_points():
    q = QuestionSpec("q", "multiple", max_points=4, choices=(ChoiceSpec("a", 2), ChoiceSpec("b", 3)))
    assert question_max(q) == 4
    assert question_points(q, AnswerData(choices=("a", "b"))) == 4
    assert question_score(q, AnswerData(choices=("a", "b"))) == 1


def test_maximum_of_number_is_the_highest_band():
    q = QuestionSpec("q", "number", bands=(BandSpec(0, 10, 0), BandSpec(10, 20, 3), BandSpec(20, None, 2)))
    assert question_max(q) == 3


# Rule 3: a question's score


def test_bands_are_min_inclusive_max_exclusive():
    q = QuestionSpec("q", "percent", bands=(BandSpec(0, 10, 0), BandSpec(10, 50, 1), BandSpec(50, None, 2)))
    assert question_points(q, AnswerData(value=9.99)) == 0
    assert question_points(q, AnswerData(value=10)) == 1
    assert question_points(q, AnswerData(value=50)) == 2
    assert question_score(q, AnswerData(value=50)) == 1
    assert question_score(q, AnswerData(value=10)) == 0.5


def test_value_outside_every_band_earns_nothing():
    q = QuestionSpec("q", "number", bands=(BandSpec(0, 10, 1), BandSpec(10, 20, 2)))
    assert question_points(q, AnswerData(value=25)) == 0


def test_unanswered_question_earns_zero():
    assert question_score(yes_no("q"), None) == 0
    assert question_score(yes_no("q"), AnswerData()) == 0


def test_unknown_choice_code_earns_nothing():
    assert question_points(yes_no("q"), AnswerData(choices=("maybe",))) == 0


def test_multiple_counts_a_choice_once():
    q = QuestionSpec("q", "multiple", choices=(ChoiceSpec("a", 1), ChoiceSpec("b", 1)))
    assert question_score(q, AnswerData(choices=("a", "a"))) == 0.5


def test_negative_points_clamp_score_at_zero():
    q = QuestionSpec("q", "multiple", choices=(ChoiceSpec("a", 1), ChoiceSpec("bad", -5)))
    assert question_score(q, AnswerData(choices=("a", "bad"))) == 0


def test_override_replaces_the_earned_points():
    q = QuestionSpec("q", "single", choices=(ChoiceSpec("a", 4), ChoiceSpec("b", 0)))
    assert question_score(q, AnswerData(choices=("a",), override=1)) == 0.25
    assert question_score(q, AnswerData(choices=("b",), override=4)) == 1


def test_override_above_the_maximum_is_clamped():
    assert question_score(yes_no("q"), AnswerData(choices=("no",), override=7)) == 1


# Rule 4: an area


def test_area_score_weights_questions():
    a = area("a", yes_no("q1", weight=3), yes_no("q2", weight=1))
    assert area_score(a, {"q1": YES, "q2": NO}) == 75
    assert area_score(a, {"q1": NO, "q2": YES}) == 25


def test_area_without_scored_questions_has_no_score():
    a = area("a", QuestionSpec("t", "text"), yes_no("f", data_kind="fact"))
    assert area_score(a, {}) is None
    assert area_score(area("empty"), {}) is None


def test_question_worth_nothing_is_left_out_of_the_area():
    a = area("a", yes_no("q1"), QuestionSpec("zero", "single", choices=(ChoiceSpec("x", 0),)))
    assert area_score(a, {"q1": YES}) == 100


# Rules 5 and 6: groups, core and extended


EDITION = EditionSpec(
    "T",
    (
        area("commitment", yes_no("c1"), weight=2),
        area("education", yes_no("e1"), group="lens"),
        area("neighbourhoods", yes_no("n1"), yes_no("n2"), group="lens", weight=3),
        area("participation", yes_no("p1"), optional=True),
        area("interaction", yes_no("i1"), optional=True),
    ),
)


def test_group_is_the_weighted_mean_of_its_areas():
    r = results(EDITION, {"e1": YES, "n1": YES})
    assert r.areas["education"] == 100
    assert r.areas["neighbourhoods"] == 50
    assert r.groups["lens"] == pytest.approx((1 * 100 + 3 * 50) / 4)


def test_core_counts_each_non_optional_area_once_with_its_weight():
    r = results(EDITION, {"c1": YES, "e1": YES, "n1": YES})
    assert r.core == pytest.approx((2 * 100 + 1 * 100 + 3 * 50) / 6)


def test_assessment_without_optional_area_has_no_extended_index():
    r = results(EDITION, {"c1": YES, "p1": YES})
    assert r.extended is None
    assert "participation" not in r.areas


def test_extended_index_takes_in_the_optional_areas_taken():
    r = results(EDITION, {"c1": YES, "p1": YES}, optional_taken=["participation"])
    assert r.core == pytest.approx(2 * 100 / 6)
    assert r.extended == pytest.approx((2 * 100 + 1 * 100) / 7)
    assert "interaction" not in r.areas


def test_empty_area_is_left_out_of_the_core():
    edition = EditionSpec("T", (area("a", yes_no("q")), area("empty", QuestionSpec("t", "text"))))
    r = results(edition, {"q": YES})
    assert r.areas["empty"] is None
    assert r.core == 100


def test_edition_without_any_scored_question_has_no_index():
    r = results(EditionSpec("T", (area("empty"),)), {})
    assert r.core is None and r.extended is None


# Properties


choices = st.lists(
    st.builds(ChoiceSpec, code=st.sampled_from("abcdef"), points=st.floats(-3, 10, allow_nan=False)),
    min_size=1,
    max_size=5,
    unique_by=lambda c: c.code,
)


@st.composite
def questions(draw, code):
    kind = draw(st.sampled_from(["yes_no", "single", "multiple", "number", "percent", "text"]))
    bands = ()
    if kind in ("number", "percent"):
        cuts = sorted(draw(st.sets(st.integers(0, 100), min_size=1, max_size=4)))
        bands = tuple(
            BandSpec(low, high, draw(st.floats(0, 10, allow_nan=False)))
            for low, high in zip(cuts, [*cuts[1:], None], strict=True)
        )
    return QuestionSpec(
        code,
        kind,
        data_kind=draw(st.sampled_from(["fact", "input", "impact"])),
        weight=draw(st.floats(0, 5, allow_nan=False)),
        choices=draw(choices) if kind in ("yes_no", "single", "multiple") else (),
        bands=bands,
        max_points=draw(st.none() | st.floats(0.5, 10)) if kind == "multiple" else None,
    )


@st.composite
def answers_for(draw, question_list):
    answers = {}
    for q in question_list:
        if draw(st.booleans()):
            answers[q.code] = AnswerData(
                choices=tuple(draw(st.lists(st.sampled_from("abcdefz"), max_size=4))),
                value=draw(st.none() | st.floats(-10, 200, allow_nan=False)),
                override=draw(st.none() | st.floats(-5, 15, allow_nan=False)),
            )
    return answers


@st.composite
def area_with_answers(draw):
    qs = tuple(draw(questions(f"q{i}")) for i in range(draw(st.integers(0, 6))))
    return area("a", *qs), draw(answers_for(qs))


@given(area_with_answers())
def test_area_score_is_between_0_and_100(data):
    a, answers = data
    score = area_score(a, answers)
    assert score is None or 0 <= score <= 100 + 1e-9


@given(area_with_answers(), st.data())
def test_removing_an_answer_never_raises_the_score(data, more):
    a, answers = data
    assume(answers)
    code = more.draw(st.sampled_from(sorted(answers)))
    before = area_score(a, answers)
    after = area_score(a, {k: v for k, v in answers.items() if k != code})
    assert before is None or after <= before + 1e-9


@given(st.floats(0.1, 10), st.floats(0.1, 10), st.booleans(), st.booleans())
def test_area_weights_pull_the_core_towards_the_heavier_area(w1, w2, first_yes, second_yes):
    edition = EditionSpec("T", (area("x", yes_no("q1"), weight=w1), area("y", yes_no("q2"), weight=w2)))
    r = results(edition, {"q1": YES if first_yes else NO, "q2": YES if second_yes else NO})
    assert r.core == pytest.approx((w1 * (100 if first_yes else 0) + w2 * (100 if second_yes else 0)) / (w1 + w2))


@given(st.lists(area_with_answers(), min_size=1, max_size=4), st.booleans())
def test_core_and_extended_are_between_0_and_100(areas_and_answers, take_optional):
    areas = tuple(
        AreaSpec(f"a{i}", tuple(QuestionSpec(f"a{i}.{q.code}", **_fields(q)) for q in a.questions), optional=i == 0)
        for i, (a, _) in enumerate(areas_and_answers)
    )
    answers = {f"a{i}.{k}": v for i, (_, ans) in enumerate(areas_and_answers) for k, v in ans.items()}
    r = results(EditionSpec("T", areas), answers, ["a0"] if take_optional else [])
    for value in (r.core, r.extended, *r.areas.values()):
        assert value is None or 0 <= value <= 100 + 1e-9


def _fields(q):
    return {
        "kind": q.kind,
        "data_kind": q.data_kind,
        "weight": q.weight,
        "choices": q.choices,
        "bands": q.bands,
        "max_points": q.max_points,
    }


# Rule 7: peer groups, on a small set computed by hand

PEERS = [
    CityProfile(1, core=60, population_band="100k-200k", diversity_band="10-15", country="NO"),
    CityProfile(2, core=40, population_band="100k-200k", diversity_band="gte20", country="NO"),
    CityProfile(3, core=80, population_band="gte500k", diversity_band="10-15", country="PT"),
    CityProfile(4, core=60, population_band="100k-200k", diversity_band="10-15", country="ES"),
    CityProfile(5, core=20, population_band="lt100k", diversity_band=None, country="NO"),
]


def test_peer_groups_on_a_hand_computed_set():
    stats = peer_groups(PEERS[0], PEERS)
    # Network: 2, 3, 4, 5 → cores 40, 80, 60, 20: mean 50, two of four lower (40, 20; 60 is not lower).
    assert (stats["network"].n, stats["network"].average, stats["network"].percentile) == (4, 50, 50)
    # Same population band: 2 and 4 → 40, 60: mean 50, one of two lower.
    assert (stats["population_band"].n, stats["population_band"].average, stats["population_band"].percentile) == (
        2,
        50,
        50,
    )
    # Same foreign-born band: 3 and 4 → 80, 60: mean 70, none lower.
    assert (stats["diversity_band"].n, stats["diversity_band"].average, stats["diversity_band"].percentile) == (
        2,
        70,
        0,
    )
    # Same country: 2 and 5 → 40, 20: mean 30, both lower.
    assert (stats["country"].n, stats["country"].average, stats["country"].percentile) == (2, 30, 100)
    assert stats["country"].peer_ids == (2, 5)


def test_city_is_not_its_own_peer():
    stats = peer_groups(PEERS[2], PEERS)
    assert stats["country"].n == 0
    assert stats["country"].average is None and stats["country"].percentile is None
    assert 3 not in stats["network"].peer_ids


def test_city_without_a_band_has_no_peers_in_it():
    stats = peer_groups(PEERS[4], PEERS)
    assert stats["diversity_band"].n == 0 and stats["diversity_band"].key is None


profiles = st.lists(
    st.builds(
        CityProfile,
        city_id=st.integers(1, 10_000),
        core=st.floats(0, 100, allow_nan=False),
        population_band=st.none() | st.sampled_from(["a", "b"]),
        diversity_band=st.none() | st.sampled_from(["x", "y"]),
        country=st.sampled_from(["NO", "PT", "ES"]),
    ),
    max_size=25,
    unique_by=lambda p: p.city_id,
)


@given(profiles)
def test_fast_peer_groups_agree_with_the_definition(all_profiles):
    fast = peer_groups_for_all(all_profiles)
    for profile in all_profiles:
        slow = peer_groups(profile, all_profiles)
        for group, stats in slow.items():
            assert fast[profile.city_id][group].n == stats.n
            assert fast[profile.city_id][group].percentile == pytest.approx(stats.percentile)
            assert fast[profile.city_id][group].average == pytest.approx(stats.average)
            if stats.percentile is not None:
                assert 0 <= stats.percentile <= 100


def test_a_group_of_fewer_than_three_peers_shows_its_size_but_no_average_or_percentile():
    """Rule 7: a comparison with one or two cities would reveal their scores."""
    stats = {group: shown(s) for group, s in peer_groups(PEERS[0], PEERS).items()}
    assert (stats["network"].n, stats["network"].average, stats["network"].percentile) == (4, 50, 50)
    for group in ("population_band", "diversity_band", "country"):
        assert (stats[group].n, stats[group].average, stats[group].percentile) == (2, None, None)
    assert shown(PeerStats(key="NO", n=3, average=40, percentile=0)).average == 40
    assert shown(PeerStats(key="NO", n=0, average=None, percentile=None)).n == 0


def test_the_peer_groups_are_one_list():
    from index.choices import PeerGroup
    from index.scoring import PEER_GROUPS

    assert tuple(PeerGroup.values) == PEER_GROUPS


@given(profiles, profiles)
def test_fast_peer_groups_against_a_pool_agree_with_the_definition(subjects, pool):
    """The secretariat's export compares a wave's cities with the other cities' latest validated assessments:
    the pool, where a city's own entry may be another wave than the one compared."""
    fast = peer_groups_for_all(subjects, pool=pool)
    for profile in subjects:
        for group, stats in peer_groups(profile, pool).items():
            assert fast[profile.city_id][group].n == stats.n
            assert fast[profile.city_id][group].percentile == pytest.approx(stats.percentile)
            assert fast[profile.city_id][group].average == pytest.approx(stats.average)
