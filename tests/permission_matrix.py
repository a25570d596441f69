"""The permission matrix: every page and API route × the four personas, in one table.

Each row names a route, the path to request (formatted with the objects of `build_world`), the method,
and the status each persona must get. A coordinator of another city gets 404 for anything not public.
Every new route must get a row here: `test_every_named_route_is_in_the_matrix` fails otherwise.
"""

from dataclasses import dataclass, field

# Shorthands for the expectations.
OK, CREATED, ACCEPTED, NO_CONTENT, FOUND = 200, 201, 202, 204, 302
BAD, UNAUTH, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = 400, 401, 403, 404, 405

PUBLIC = {"anonymous": OK, "coordinator_a": OK, "coordinator_b": OK, "secretariat": OK}
LOGGED_IN = {"anonymous": FOUND, "coordinator_a": OK, "coordinator_b": OK, "secretariat": OK}
SECRETARIAT_PAGE = {"anonymous": FOUND, "coordinator_a": NOT_FOUND, "coordinator_b": NOT_FOUND, "secretariat": OK}
CITY_A_PAGE = {"anonymous": FOUND, "coordinator_a": OK, "coordinator_b": NOT_FOUND, "secretariat": OK}
CITY_A_ONLY = {"anonymous": NOT_FOUND, "coordinator_a": OK, "coordinator_b": NOT_FOUND, "secretariat": OK}
ADMIN = {"anonymous": FOUND, "coordinator_a": FOUND, "coordinator_b": FOUND, "secretariat": OK}


@dataclass(frozen=True)
class Route:
    name: str
    path: str
    expect: dict
    method: str = "GET"
    data: dict = field(default_factory=dict)
    note: str = ""

    def __str__(self):
        return f"{self.method} {self.name}"


# fmt: off
ROUTES = [
    # Foundation
    Route("home", "/", PUBLIC),
    Route("floor", "/floor/", PUBLIC),
    Route("healthz", "/healthz", PUBLIC),
    Route("login", "/accounts/login/", {**PUBLIC, "coordinator_a": FOUND, "coordinator_b": FOUND, "secretariat": FOUND},
          note="a logged-in user is sent on to the desk"),
    Route("logout", "/accounts/logout/", {p: FOUND for p in PUBLIC}, method="POST"),
    Route("password_change", "/accounts/password/change/", LOGGED_IN),
    Route("password_change_done", "/accounts/password/change/done/", LOGGED_IN),
    Route("password_reset", "/accounts/password/reset/", PUBLIC),
    Route("password_reset_done", "/accounts/password/reset/sent/", PUBLIC),
    Route("password_reset_confirm", "/accounts/reset/MQ/bad-token/", PUBLIC, note="an invalid link says so"),
    Route("password_reset_complete", "/accounts/reset/done/", PUBLIC),
    Route("invite", "/accounts/invite/", SECRETARIAT_PAGE),
    Route("my-desk", "/my/", LOGGED_IN),
    Route("cities:list", "/cities/", PUBLIC),
    Route("cities:list", "/fr/cities/", PUBLIC, note="French"),
    Route("cities:detail", "/cities/{city_a.slug}/", PUBLIC),
    Route("cities:detail", "/cities/{former_city.slug}/",
          {"anonymous": NOT_FOUND, "coordinator_a": NOT_FOUND, "coordinator_b": NOT_FOUND, "secretariat": OK},
          note="former members are out of the public directory"),
    Route("api:api-root", "/api/v1/", PUBLIC),
    Route("api:token", "/api/v1/auth/token/", {p: BAD for p in PUBLIC}, method="POST",
          data={"email": "nobody@example.org", "password": "x"}),
    Route("api:city-list", "/api/v1/cities/", PUBLIC),
    Route("api:city-detail", "/api/v1/cities/{city_a.slug}/", PUBLIC),
    Route("api:schema", "/api/schema/", PUBLIC),
    Route("api:docs", "/api/docs/", PUBLIC),
    Route("admin:index", "/admin/", ADMIN),
    Route("admin:cities_city_change", "/admin/cities/city/{city_a.pk}/change/", ADMIN),

    # Good practices: the public database
    Route("goodpractices:list", "/good-practices/", PUBLIC),
    Route("goodpractices:detail", "/good-practices/{published_practice.slug}/", PUBLIC),
    Route("goodpractices:detail", "/good-practices/{draft_practice_a.slug}/", CITY_A_ONLY,
          note="a draft is its city's and the secretariat's only"),
    Route("api:fieldofaction-list", "/api/v1/fields-of-action/", PUBLIC),
    Route("api:fieldofaction-detail", "/api/v1/fields-of-action/3a/", PUBLIC),
    Route("api:goodpractice-list", "/api/v1/good-practices/", PUBLIC),
    Route("api:goodpractice-detail", "/api/v1/good-practices/{published_practice.pk}/", PUBLIC),
    Route("api:goodpractice-detail", "/api/v1/good-practices/{draft_practice_a.pk}/", CITY_A_ONLY),
]
# fmt: on

# Routes that are not pages of the portal: Django's own, or variants of a route already in the table.
NOT_IN_MATRIX_PREFIXES = ("admin:", "set_language", "en-redirect", "javascript-catalog")


def build_world(*, city_a, city_b, secretariat, coordinator_a, coordinator_b) -> dict:
    """The objects the paths above are formatted with. Later features add theirs here."""
    from .factories import CityFactory
    from .goodpractices.factories import GoodPracticeFactory

    return {
        "published_practice": GoodPracticeFactory(city=city_a, status="published"),
        "draft_practice_a": GoodPracticeFactory(city=city_a, status="draft"),
        "city_a": city_a,
        "city_b": city_b,
        "former_city": CityFactory(slug="former-city", name="Formerton", status="former"),
    }
