"""Queries per request are constant in page size and data size (no N+1)."""

import pytest
from django.test import Client

from ..factories import CityFactory
from .factories import GoodPracticeFactory, field_of_action

# Session-less anonymous requests: the list runs at most 8 (summary or bounded counts, countries, networks, cities,
# the page, snippets, the cards' last follow-up dates), the API 3.
MAX_QUERIES = 8
PAGES = [
    "/good-practices/",
    "/good-practices/?q=intercultural",
    "/good-practices/?field=3&country=NO",
    "/api/v1/good-practices/",
    "/api/v1/good-practices/?q=intercultural&page_size=50",
    "/good-practices/fields/3/",
    "/good-practices/export.json",
]


def _practices(n):
    secondary = field_of_action("2")
    for i in range(n):
        practice = GoodPracticeFactory(city=CityFactory(), status="published", main_field=field_of_action("3"),
                                       title=f"Intercultural practice {i}")  # fmt: skip
        practice.secondary_fields.add(secondary)


@pytest.mark.parametrize("path", PAGES)
def test_query_count_does_not_grow_with_the_data(db, path, django_assert_max_num_queries):
    _practices(2)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert Client().get(path).status_code == 200
    _practices(40)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert Client().get(path).status_code == 200
    with django_assert_max_num_queries(MAX_QUERIES):
        assert Client().get(path + ("&" if "?" in path else "?") + "page_size=100").status_code == 200


def test_practice_page_query_count(db, django_assert_max_num_queries):
    _practices(5)
    from goodpractices.models import GoodPractice

    slug = GoodPractice.objects.first().slug
    # The practice, its fields, related practices…, and the exchange's adoptions (both ways) and follow-ups.
    with django_assert_max_num_queries(7):
        Client().get(f"/good-practices/{slug}/")
