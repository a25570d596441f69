import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from goodpractices.models import FieldOfAction, GoodPractice
from goodpractices.taxonomy import fields_of_action_sync

from ..factories import CityFactory


def field_of_action(code: str) -> FieldOfAction:
    """The taxonomy row; reloaded if a transactional test flushed the data migration's rows."""
    if not FieldOfAction.objects.filter(code=code).exists():
        fields_of_action_sync(FieldOfAction)
    return FieldOfAction.objects.get(code=code)


class GoodPracticeFactory(DjangoModelFactory):
    class Meta:
        model = GoodPractice

    city = factory.SubFactory(CityFactory)
    title = factory.Sequence(lambda n: f"Intercultural practice {n}")
    slug = factory.Sequence(lambda n: f"practice-{n}")
    main_field = factory.LazyFunction(lambda: field_of_action("3"))
    main_purpose = "Provoking debate and stimulating action."
    purpose = "To understand how minority ethnic populations perceive public services."
    stimulus = "Political commitment."
    process = "An external research team ran interviews and a survey."
    impact = "The report provoked debate and an action plan."
    period_start = "2021-01"
    period_end = "2021-12"
    period_text = "12 months"
    year = 2021
    language = "en"
    published_at = factory.LazyAttribute(lambda p: timezone.now() if p.status == "published" else None)
    status = "draft"
