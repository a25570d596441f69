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


# A real 1×1 PNG: uploads must decode (tests/security/test_input_uploads.py).
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    b"\x00\x00\x00\x0cIDATx\x9cc8!'\x07\x00\x02\xb6\x01\x054\xa6u\xaa\x00\x00\x00\x00IEND\xaeB`\x82"
)


def reference_file(practice: GoodPractice, name: str = "poster.png"):
    """An uploaded document of the practice (a tiny PNG), stored like a real upload."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from goodpractices.models import ReferenceFile

    # One shared file on disk, whatever the number of tests that use it.
    stored = "practices/test-reference-file.png"
    if not default_storage.exists(stored):
        default_storage.save(stored, ContentFile(PNG))
    return ReferenceFile.objects.create(
        practice=practice, name=name, content_type="image/png", size=len(PNG), file=stored
    )
