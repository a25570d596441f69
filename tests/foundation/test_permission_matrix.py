import json

import pytest
from django.forms import CheckboxInput, MultiWidget
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from accounts.models import User

from ..conftest import PERSONAS
from ..factories import UserFactory
from ..permission_matrix import NOT_IN_MATRIX_PREFIXES, ROLE_GRANTS, ROUTES, build_world


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


def test_every_model_admin_is_in_the_matrix():
    """Each ModelAdmin's changelist and add page has rows for the four personas (F9: the admin is in the matrix)."""
    from django.contrib import admin

    in_matrix = {route.name for route in ROUTES}
    missing = [
        f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}"
        for model in admin.site._registry
        for view in ("changelist", "add")
        if f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}" not in in_matrix
    ]
    assert not missing, f"add these admin pages to tests/permission_matrix.py: {missing}"


def _admin_form_data(response) -> dict:
    """What the admin's change page would send back unchanged: every editable field and inline, as they are."""
    data = _form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        data |= _form_data(inline.formset.management_form)
        for form in inline.formset.forms:
            data |= _form_data(form)
    return data


def _form_data(form) -> dict:
    data = {}
    for name, field in form.fields.items():
        key, value = form.add_prefix(name), form[name].value()
        if isinstance(field.widget, MultiWidget):
            for index, part in enumerate(field.widget.decompress(value)):
                data[f"{key}_{index}"] = "" if part is None else part
        elif isinstance(field.widget, CheckboxInput):
            if value:
                data[key] = "on"
        elif value is not None:
            data[key] = value
    return data


@pytest.mark.parametrize("granter", ["secretariat", "superuser"])
@pytest.mark.parametrize("role", list(ROLE_GRANTS))
def test_f9_nobody_grants_a_role_they_do_not_hold(role, granter, secretariat, coordinator_a):
    people = {"secretariat": secretariat, "superuser": UserFactory(email="root@test.example", is_superuser=True)}
    client = Client()
    client.force_login(people[granter])
    url = f"/admin/accounts/user/{coordinator_a.pk}/change/"
    data = {**_admin_form_data(client.get(url)), role: "on"}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    assert getattr(User.objects.get(pk=coordinator_a.pk), role) is ROLE_GRANTS[role][granter], (
        f"{granter} ticking {role}: the matrix says {ROLE_GRANTS[role][granter]}"
    )


def test_f9_the_secretariat_cannot_take_over_a_superuser_account(secretariat, coordinator_a):
    root = UserFactory(email="root@test.example", is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(secretariat)
    page = client.get(f"/admin/accounts/user/{root.pk}/change/")
    assert page.status_code == 200
    assert b'name="email"' not in page.content  # shown, not editable
    response = client.post(
        f"/admin/accounts/user/{root.pk}/password/", {"password1": "taken-0ver-pass!", "password2": "taken-0ver-pass!"}
    )
    assert response.status_code == 403
    assert User.objects.get(pk=root.pk).check_password("taken-0ver-pass!") is False


def _cached_public_routes():
    from django.conf import settings

    views = settings.PAGE_CACHE["views"]
    return [r for r in ROUTES if r.method == "GET" and r.name in views and r.expect["anonymous"] == 200]


@pytest.mark.parametrize("route", _cached_public_routes(), ids=str)
def test_every_page_the_page_cache_names_is_served_from_it_on_a_second_anonymous_visit(route, world):
    """A public page that renders something personal (a CSRF token: a form) is never stored, silently: the city page
    was, for every member city, until its contact form became a page of its own."""
    path = route.path.format(**world)
    Client().get(path)
    second = Client().get(path)
    assert second.status_code == 200 and second.get("X-Page-Cache") == "hit", f"{path} is not served from the cache"
