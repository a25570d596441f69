"""A hand-built network of cities for the profile tests (also used by the browser journey)."""

import pytest
from django.utils import timezone

from index import services as index_services

from ..factories import CityFactory, CountryFactory
from ..goodpractices.factories import GoodPracticeFactory, field_of_action
from ..index.factories import small_edition


def published_assessment(city, edition, year, areas: dict, by, core=None):
    """A published assessment whose scores are set by hand (the Index's own tests check the scoring)."""
    assessment = index_services.assessment_create(city=city, edition=edition, year=year, by=by)
    assessment.area_scores = areas
    assessment.core = core if core is not None else sum(areas.values()) / len(areas)
    assessment.status = "published"
    assessment.published_at = timezone.now()
    assessment.save()
    return assessment


@pytest.fixture
def network(city_a, secretariat):
    """City A (Norway, 285,000, 13 %) and four others: Gamma is most like A; Delta scores best in commitment."""
    edition = small_edition()
    norway = city_a.country
    gamma = CityFactory(slug="gamma", name="Gammaby", country=norway, population=250_000, foreign_born_share=14)
    delta = CityFactory(
        slug="delta",
        name="Deltapolis",
        country=CountryFactory(code="IT", name="Italy"),
        population=900_000,
        foreign_born_share=25,
    )
    epsilon = CityFactory(
        slug="epsilon",
        name="Epsilonville",
        country=CountryFactory(code="DE", name="Germany"),
        population=60_000,
        foreign_born_share=5,
    )
    a = published_assessment(city_a, edition, 2024, {"commitment": 20.0, "education": 60.0}, secretariat)
    published_assessment(gamma, edition, 2024, {"commitment": 40.0, "education": 50.0}, secretariat)
    published_assessment(delta, edition, 2024, {"commitment": 95.0, "education": 30.0}, secretariat)
    field_of_action("5")
    practices = {
        "gamma": GoodPracticeFactory(
            city=gamma, status="published", title="Gamma charter", main_field=field_of_action("1")
        ),
        "delta": GoodPracticeFactory(
            city=delta, status="published", title="Delta council", main_field=field_of_action("1")
        ),
        "epsilon": GoodPracticeFactory(
            city=epsilon, status="published", title="Epsilon pledge", main_field=field_of_action("1")
        ),
        "own": GoodPracticeFactory(
            city=city_a, status="published", title="Alpha welcome desk", main_field=field_of_action("1")
        ),
        "school": GoodPracticeFactory(
            city=delta, status="published", title="Delta schools", main_field=field_of_action("5")
        ),
        "draft": GoodPracticeFactory(city=gamma, status="draft", title="Gamma draft", main_field=field_of_action("1")),
    }
    return {"edition": edition, "assessment": a, "gamma": gamma, "delta": delta, "practices": practices}
