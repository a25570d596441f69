import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from exchange.models import FollowUp, News

from ..factories import CityFactory


def _png() -> bytes:
    """A real 2×2 PNG: what an upload of a picture looks like to the checks."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


PNG = _png()


class NewsFactory(DjangoModelFactory):
    class Meta:
        model = News

    city = factory.SubFactory(CityFactory)
    title = factory.Sequence(lambda n: f"News {n}")
    summary = "The city opened an intercultural centre."
    body = "A longer text."
    date = datetime.date(2025, 5, 1)
    language = "en"
    status = "draft"
    published_at = factory.LazyAttribute(lambda n: timezone.now() if n.status == "published" else None)


class FollowUpFactory(DjangoModelFactory):
    class Meta:
        model = FollowUp

    title = factory.Sequence(lambda n: f"Follow-up {n}")
    body = "Two years on, the centre runs weekly dialogue evenings."
    date = datetime.date(2025, 3, 1)
    status = "draft"
    published_at = factory.LazyAttribute(lambda n: timezone.now() if n.status == "published" else None)


def exchange_world(*, city_a, city_b, coordinator_a, published_practice) -> dict:
    """City A's news (a draft with an image, one published), for the permission matrix."""
    from django.core.files.base import ContentFile

    draft = NewsFactory(city=city_a, status="draft", title="Draft news of city A", created_by=coordinator_a)
    draft.image.save("photo.png", ContentFile(PNG), save=False)
    draft.image_type = "image/png"
    draft.save()
    published = NewsFactory(city=city_a, status="published", title="Published news of city A")
    from cities.models import Membership
    from exchange.models import VisitRequest
    from goodpractices.models import FieldOfAction

    requester = Membership.objects.filter(city=city_b).first()
    visit = VisitRequest.objects.create(
        requesting_city=city_b,
        host_city=city_a,
        field=FieldOfAction.objects.get(code="3"),
        message="May we visit?",
        requested_by=requester.user if requester else None,
    )
    follow_up = FollowUpFactory(practice=published_practice, status="draft", created_by=coordinator_a)
    from exchange.models import SavedSearch

    alert = SavedSearch.objects.create(
        email=coordinator_a.email, user=coordinator_a, query={"field": "3"}, confirmed_at=timezone.now()
    )
    return {
        "news_draft_a": draft,
        "news_published_a": published,
        "visit_to_a": visit,
        "follow_up_a": follow_up,
        "alert_a": alert,
    }
