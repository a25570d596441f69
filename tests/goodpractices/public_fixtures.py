"""Practices of the public database tests: a Bergen practice on racism, a French one, drafts that must stay hidden."""

import pytest
from django.utils import timezone

from ..factories import CityFactory, CountryFactory, NationalNetworkFactory
from .factories import GoodPracticeFactory, field_of_action


@pytest.fixture
def catalogue(db):
    norway = CountryFactory(code="NO", name="Norway")
    network = NationalNetworkFactory(slug="norwegian-network", name="Norwegian network", country=norway)
    bergen = CityFactory(slug="bergen", name="Bergen", country=norway, national_network=network)
    lyon = CityFactory(slug="lyon", name="Lyon", country=CountryFactory(code="FR", name="France"))
    lisbon = CityFactory(slug="lisbon", name="Lisbon", country=CountryFactory(code="PT", name="Portugal"))
    now = timezone.now()
    racism = GoodPracticeFactory(
        city=bergen, slug="research-on-structural-racism", title="Research on structural racism",
        main_purpose="Understand how minority ethnic residents experience racism in public services.",
        main_field=field_of_action("3"), year=2019, target_groups=["municipalities"], practice_types=["project"],
        status="published", published_at=now - timezone.timedelta(days=3),
    )  # fmt: skip
    racism.secondary_fields.add(field_of_action("2"))
    french = GoodPracticeFactory(
        city=lyon, slug="ecoles-sans-racisme", title="Des écoles sans racisme", language="fr",
        main_purpose="Former les enseignants à prévenir les discriminations.", purpose="Sensibiliser les élèves.",
        stimulus="Des incidents racistes.", process="Des ateliers dans les écoles.", impact="Moins d'incidents.",
        main_field=field_of_action("7a"), year=2022, target_groups=["teachers_trainers", "young_people"],
        practice_types=["training_material"], status="published", published_at=now - timezone.timedelta(days=2),
    )  # fmt: skip
    sport = GoodPracticeFactory(
        city=lisbon, slug="sport-for-all", title="Sport for all neighbourhoods",
        main_purpose="Open sports halls to every neighbourhood.", purpose="Meeting across differences.",
        stimulus="Segregated clubs.", process="Free evening sessions.", impact="Mixed teams.",
        main_field=field_of_action("10"), year=2023, target_groups=["young_people"], practice_types=["programme"],
        status="published", published_at=now - timezone.timedelta(days=1),
    )  # fmt: skip
    draft = GoodPracticeFactory(
        city=bergen, slug="secret-draft-racism", title="Secret draft about racism", status="draft", year=2019,
        main_field=field_of_action("3"),
    )  # fmt: skip
    return {"racism": racism, "french": french, "sport": sport, "draft": draft, "bergen": bergen}
