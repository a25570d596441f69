"""News from cities: the review on the kernel's workflow engine (as practices), the images, the newsroom's one
FilterSet in the page and the API, the Atom feed, the home and city pages."""

import ast
import inspect
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.errors import StateConflict
from core.models import OutboxMessage
from exchange.models import News
from exchange.services import news as news_services
from exchange.services import review
from goodpractices.services import workflow as practice_workflow
from tests.goodpractices.factories import field_of_action

from ..factories import CityFactory, CountryFactory
from .factories import PNG, NewsFactory

pytestmark = pytest.mark.django_db


def _draft(city, by, **data):
    base = {"title": "Intercultural centre opens", "summary": "A new place to meet.", "date": "2025-05-01"}
    return news_services.news_create(city=city, by=by, data={**base, **data})


def _calls(module) -> set[str]:
    """The attribute calls a module makes (`PRACTICE_WORKFLOW.lock(...)` → "lock")."""
    tree = ast.parse(inspect.getsource(module))
    return {node.func.attr for node in ast.walk(tree) if isinstance(node, ast.Call) and hasattr(node.func, "attr")}


def test_news_and_practices_move_through_the_same_workflow_engine():
    # One engine: both services lock and move through core.workflow.Workflow, neither has a copy of its own.
    assert {"lock", "move"} <= _calls(practice_workflow)
    assert {"lock", "move"} <= _calls(review)
    assert ".status =" not in inspect.getsource(review)  # every status change is the engine's move


def test_a_news_item_goes_from_draft_to_published_with_each_step_recorded(city_a, coordinator_a, secretariat):
    news = _draft(city_a, coordinator_a)
    news = review.review_submit(item=news, by=coordinator_a)
    assert news.status == "submitted" and news.submitted_at
    news = review.review_return(item=news, by=secretariat, comment="Add the date of the opening.")
    assert news.status == "returned"
    news = review.review_submit(item=news, by=coordinator_a)
    news = review.review_publish(item=news, by=secretariat)
    assert news.status == "published" and news.published_at
    steps = list(news.steps.order_by("at", "id").values_list("action", "from_status", "to_status", "comment"))
    assert steps == [
        ("submit", "draft", "submitted", ""),
        ("return", "submitted", "returned", "Add the date of the opening."),
        ("submit", "returned", "submitted", ""),
        ("publish", "submitted", "published", ""),
    ]
    templates = [m.payload["template"] for m in OutboxMessage.objects.order_by("id")]
    assert templates.count("exchange_submitted") == 2 and "exchange_returned" in templates
    assert templates[-1] == "exchange_published"


def test_the_table_refuses_what_the_state_does_not_allow(city_a, coordinator_a, secretariat):
    news = _draft(city_a, coordinator_a)
    with pytest.raises(StateConflict, match="cannot be published"):
        review.review_publish(item=news, by=secretariat)
    with pytest.raises(ValidationError):
        review.review_return(item=review.review_submit(item=news, by=coordinator_a), by=secretariat, comment=" ")
    with pytest.raises(StateConflict, match="only as a draft"):
        news_services.news_update(news=News.objects.get(pk=news.pk), by=coordinator_a, data={"title": "Late"})


def test_only_the_citys_team_writes_and_only_the_secretariat_publishes(city_a, coordinator_a, coordinator_b):
    with pytest.raises(PermissionDenied):
        _draft(city_a, coordinator_b)
    news = review.review_submit(item=_draft(city_a, coordinator_a), by=coordinator_a)
    with pytest.raises(PermissionDenied):
        review.review_publish(item=news, by=coordinator_a)


def test_an_image_is_checked_by_its_content_and_size(city_a, coordinator_a):
    good = SimpleUploadedFile("photo.png", PNG, content_type="image/png")
    news = _draft(city_a, coordinator_a)
    news = news_services.news_update(news=news, by=coordinator_a, data={}, image=good)
    assert news.image and news.image_type == "image/png"
    script = SimpleUploadedFile("photo.png", b"<script>alert(1)</script>", content_type="image/png")
    with pytest.raises(ValidationError, match="PNG, JPEG or WebP"):
        news_services.news_update(news=news, by=coordinator_a, data={}, image=script)
    huge = SimpleUploadedFile("big.png", PNG + b"\0" * (3 * 1024 * 1024), content_type="image/png")
    with pytest.raises(ValidationError, match="larger than 3 MB"):
        news_services.news_update(news=news, by=coordinator_a, data={}, image=huge)
    broken = SimpleUploadedFile("broken.png", PNG[:40], content_type="image/png")
    with pytest.raises(ValidationError, match="could not be read|must be a PNG, JPEG or WebP"):
        news_services.news_update(news=news, by=coordinator_a, data={}, image=broken)


def test_the_desk_form_refuses_a_non_image_with_a_message(client_as, city_a):
    response = client_as("coordinator_a").post(
        "/my/news/new/",
        {
            "city": city_a.pk,
            "title": "T",
            "summary": "S",
            "date": "2025-01-01",
            "language": "en",
            "image": SimpleUploadedFile("cv.pdf", b"%PDF-1.4 not an image", content_type="image/png"),
        },
    )
    assert response.status_code == 400
    assert "PNG, JPEG or WebP" in response.content.decode()
    assert not News.objects.exists()


@pytest.fixture
def newsroom(city_a, city_b):
    other_country = CityFactory(slug="city-c", name="Gammaburg", country=CountryFactory(code="IT", name="Italy"))
    housing = NewsFactory(city=city_a, status="published", title="Housing news", date="2024-02-01")
    housing.fields_of_action.set([field_of_action("3a")])
    NewsFactory(city=city_b, status="published", title="School news", date="2025-02-01").fields_of_action.set(
        [field_of_action("4")]
    )
    NewsFactory(city=other_country, status="published", title="Italian news", date="2025-03-01")
    NewsFactory(city=city_a, status="draft", title="Draft news")
    return housing


@pytest.mark.parametrize(
    "query, titles",
    [
        ("", {"Housing news", "School news", "Italian news"}),
        ("city=city-a", {"Housing news"}),
        ("country=it", {"Italian news"}),
        ("field=3", {"Housing news"}),  # a parent field finds its sub-fields
        ("year=2025", {"School news", "Italian news"}),
    ],
)
def test_the_page_and_the_api_filter_through_the_same_filterset(newsroom, client, query, titles):
    page = client.get(f"/news/?{query}")
    api = client.get(f"/api/v1/news/?{query}").json()
    assert {item["title"] for item in api["results"]} == titles
    html = page.content.decode()
    assert all(title in html for title in titles) and "Draft news" not in html


def test_bad_filters_are_a_message_not_a_500(newsroom, client):
    assert client.get("/news/?year=abc&field=99").status_code == 400
    assert client.get("/api/v1/news/?year=abc").status_code == 400


def test_the_api_gives_the_contract_fields(newsroom, client):
    item = client.get(f"/api/v1/news/{newsroom.pk}/").json()
    assert {"id", "title", "summary", "body", "city", "fields_of_action", "published_at", "language"} <= set(item)
    assert item["city"] == "city-a" and item["fields_of_action"] == ["3a"]


def test_a_draft_is_its_citys_only(newsroom, client_as):
    draft = News.objects.get(title="Draft news")
    assert client_as("anonymous").get(f"/news/{draft.pk}/").status_code == 404
    assert client_as("coordinator_b").get(f"/api/v1/news/{draft.pk}/").status_code == 404
    assert client_as("coordinator_a").get(f"/news/{draft.pk}/").status_code == 200


def test_markup_in_news_is_shown_as_text_in_pages_and_the_feed(city_a, client):
    NewsFactory(city=city_a, status="published", title="<script>alert(1)</script>", summary="<b>bold</b> <img src=x>")
    page = client.get("/news/").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    feed = client.get("/news/feed/")
    root = ET.fromstring(feed.content)
    entry = root.find("{http://www.w3.org/2005/Atom}entry")
    summary = entry.find("{http://www.w3.org/2005/Atom}summary")
    # The HTML a feed reader renders is the escaped text: it shows the characters, it never runs them.
    assert summary.get("type") == "html" and summary.text == "&lt;b&gt;bold&lt;/b&gt; &lt;img src=x&gt;"


def test_latest_news_is_on_the_home_and_city_pages(newsroom, client, city_a):
    assert "Housing news" in client.get("/").content.decode()
    assert "Housing news" in client.get(f"/cities/{city_a.slug}/").content.decode()


def test_the_news_date_is_typed_as_day_month_and_year(client_as, city_a):
    client = client_as("coordinator_a")
    form = client.get("/my/news/new/").content.decode()
    assert 'name="date_0"' in form and 'name="date_1"' in form and 'name="date_2"' in form  # no mm/dd/yyyy picker
    data = {"city": city_a.pk, "title": "Festival", "summary": "S", "language": "en"}
    client.post("/my/news/new/", {**data, "date_0": "5", "date_1": "3", "date_2": "2026"})
    assert str(News.objects.get(title="Festival").date) == "2026-03-05"
    response = client.post("/my/news/new/", {**data, "title": "Bad", "date_0": "31", "date_1": "2", "date_2": "2026"})
    assert response.status_code == 400 and 'value="31"' in response.content.decode()  # kept as typed
    assert not News.objects.filter(title="Bad").exists()
