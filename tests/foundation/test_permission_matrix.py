import json

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from ..conftest import PERSONAS
from ..permission_matrix import NOT_IN_MATRIX_PREFIXES, ROUTES, build_world


@pytest.fixture
def world(city_a, city_b, secretariat, coordinator_a, coordinator_b):
    return build_world(
        city_a=city_a, city_b=city_b, secretariat=secretariat, coordinator_a=coordinator_a, coordinator_b=coordinator_b
    )


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_route_answers_each_persona_as_the_matrix_says(route, persona, world, client_as):
    client = client_as(persona)
    path = route.path.format(**world)
    if route.method == "GET":
        response = client.get(path)
    else:
        response = client.generic(route.method, path, json.dumps(route.data), content_type="application/json")
    assert response.status_code == route.expect[persona], (
        f"{route.method} {path} as {persona}: got {response.status_code}, matrix says {route.expect[persona]}"
    )


def _named_routes(resolver=None, namespace="") -> set[str]:
    names = set()
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _named_routes(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(namespace + pattern.name)
    return names


def test_every_named_route_is_in_the_matrix():
    in_matrix = {route.name for route in ROUTES}
    missing = {name for name in _named_routes() if not name.startswith(NOT_IN_MATRIX_PREFIXES)} - in_matrix
    assert not missing, f"add these routes to tests/permission_matrix.py: {sorted(missing)}"
