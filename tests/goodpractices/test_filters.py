import pytest
from django.test import Client

from goodpractices.filters import GoodPracticeFilterSet
from goodpractices.selectors import published_practices

from . import public_fixtures

catalogue = public_fixtures.catalogue  # the fixture, shared by the public database tests

CASES = [
    ({}, {"racism", "french", "sport"}),
    ({"field": "3"}, {"racism"}),
    ({"field": "2"}, {"racism"}),  # a secondary field
    ({"field": "7"}, {"french"}),  # a parent matches its sub-fields
    ({"main_field": "2"}, set()),  # secondary fields are not main fields
    ({"main_field": "7"}, {"french"}),
    ({"city": "bergen"}, {"racism"}),
    ({"country": "fr"}, {"french"}),
    ({"network": "norwegian-network"}, {"racism"}),
    ({"year": "2022"}, {"french"}),
    ({"year_min": "2020"}, {"french", "sport"}),
    ({"year_max": "2020"}, {"racism"}),
    ({"year_min": "2020", "year_max": "2022"}, {"french"}),
    ({"target_group": "young_people"}, {"french", "sport"}),
    ({"practice_type": "programme"}, {"sport"}),
    ({"language": "fr"}, {"french"}),
    ({"q": "racism"}, {"racism", "french"}),
    ({"q": "racism", "city": "lyon"}, {"french"}),
    ({"city": "nowhere"}, set()),
]


def _slugs(catalogue, names):
    return {catalogue[name].slug for name in names}


@pytest.mark.parametrize(("params", "expected"), CASES, ids=[str(p) for p, _ in CASES])
def test_each_filter_gives_the_same_practices_in_the_filterset_the_api_and_the_page(catalogue, params, expected):
    filterset = GoodPracticeFilterSet(params, queryset=published_practices())
    assert filterset.is_valid(), filterset.errors
    assert {p.slug for p in filterset.qs} == _slugs(catalogue, expected)

    api = Client().get("/api/v1/good-practices/", params)
    assert api.status_code == 200
    assert {row["slug"] for row in api.json()["results"]} == _slugs(catalogue, expected)

    page = Client().get("/good-practices/", params)
    assert page.status_code == 200
    assert {p.slug for p in page.context["practices"]} == _slugs(catalogue, expected)


@pytest.mark.parametrize("ordering", ["-published_at", "title", "relevance"])
def test_drafts_never_appear_whatever_the_filter_or_ordering(catalogue, ordering):
    for params in ({"q": "racism", "ordering": ordering}, {"city": "bergen", "ordering": ordering}, {"year": 2019}):
        page = Client().get("/good-practices/", params)
        assert b"Secret draft" not in page.content
        api = Client().get("/api/v1/good-practices/", params)
        assert "secret-draft-racism" not in api.content.decode()


def test_orderings(catalogue):
    newest = GoodPracticeFilterSet({"ordering": "-published_at"}, queryset=published_practices()).qs
    assert [p.slug for p in newest] == ["sport-for-all", "ecoles-sans-racisme", "research-on-structural-racism"]
    by_title = GoodPracticeFilterSet({"ordering": "title"}, queryset=published_practices()).qs
    assert [p.title for p in by_title] == sorted(p.title for p in by_title)


@pytest.mark.parametrize(
    "params",
    [{"year": "abc"}, {"year_min": "20x"}, {"field": "99"}, {"language": "xx"}, {"ordering": "id"},
     {"q": "x" * 10_000}, {"target_group": "<b>"}, {"country": "NOR"}],
)  # fmt: skip
def test_bad_values_give_400_with_a_message_never_500(catalogue, params):
    api = Client().get("/api/v1/good-practices/", params)
    assert api.status_code == 400
    assert "errors" in api.json()
    page = Client().get("/good-practices/", params)
    assert page.status_code == 400
    assert b"could not be used" in page.content


@pytest.mark.parametrize(
    "q",
    ["'; DROP TABLE goodpractices_goodpractice; --", "<script>alert(1)</script>", "a & | ! :* (", '"unclosed', "\\"],
)
def test_sql_and_html_in_q_are_plain_words(catalogue, q):
    page = Client().get("/good-practices/", {"q": q})
    assert page.status_code == 200
    assert b"<script>alert(1)</script>" not in page.content
    assert Client().get("/api/v1/good-practices/", {"q": q}).status_code == 200


def test_a_page_far_past_the_end_shows_the_last_page(catalogue):
    assert Client().get("/good-practices/", {"page": "999999"}).status_code == 200
    assert Client().get("/good-practices/", {"page": "abc"}).status_code == 200
    assert Client().get("/api/v1/good-practices/", {"page": "999999"}).status_code == 400


def test_the_country_follows_the_city_whatever_writes_it(catalogue):
    from cities.models import City, Country
    from goodpractices.models import GoodPractice

    practice = catalogue["racism"]
    assert GoodPractice.objects.get(pk=practice.pk).country_code == practice.city.country_id
    other, _ = Country.objects.get_or_create(code="SE", defaults={"name": "Sweden"})
    City.objects.filter(pk=practice.city_id).update(country=other)  # a bulk update: no save() hook runs
    assert GoodPractice.objects.get(pk=practice.pk).country_code == "SE"
    assert [p.slug for p in GoodPracticeFilterSet({"country": "se"}, queryset=published_practices()).qs] == [
        "research-on-structural-racism"
    ]
