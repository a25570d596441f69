import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from goodpractices import services
from goodpractices.models import GoodPractice, PracticeRevision, PracticeTransition

from .factories import GoodPracticeFactory, field_of_action

pytestmark = pytest.mark.django_db

COMPLETE = {"contact_person": "Ingrid Berg", "contact_email": "ingrid@bergen.example"}


@pytest.fixture
def draft(city_a):
    return GoodPracticeFactory(city=city_a, status="draft", **COMPLETE)


def test_coordinator_creates_an_empty_draft_with_a_first_saved_version(city_a, coordinator_a):
    practice = services.practice_create(city=city_a, by=coordinator_a)
    assert practice.status == "draft"
    assert practice.contact_email == coordinator_a.email
    assert practice.revisions.count() == 1


def test_coordinator_of_another_city_cannot_create_a_draft_for_it(city_a, coordinator_b):
    with pytest.raises(PermissionDenied):
        services.practice_create(city=city_a, by=coordinator_b)


def test_every_changed_save_is_kept_and_bumps_the_version(city_a, coordinator_a):
    practice = services.practice_create(city=city_a, by=coordinator_a, data={"title": "One"})
    practice = services.practice_update(practice=practice, by=coordinator_a, data={"title": "Two"}, expected_version=1)
    assert practice.version == 2
    assert [r.data["title"] for r in practice.revisions.order_by("id")] == ["One", "Two"]
    unchanged = services.practice_update(practice=practice, by=coordinator_a, data={"title": "Two"}, expected_version=2)
    assert unchanged.version == 2
    assert practice.revisions.count() == 2


def test_autosaves_close_together_are_one_saved_version(city_a, coordinator_a):
    practice = services.practice_create(city=city_a, by=coordinator_a)
    for n, text in enumerate(["a", "ab", "abc"], start=1):
        practice = services.practice_update(
            practice=practice, by=coordinator_a, data={"purpose": text}, expected_version=n, kind="autosaved"
        )
    autosaves = practice.revisions.filter(kind="autosaved")
    assert autosaves.count() == 1
    assert autosaves.get().data["purpose"] == "abc"


def test_later_save_from_an_old_version_is_refused_and_both_texts_are_kept(draft, coordinator_a, secretariat):
    services.practice_update(practice=draft, by=secretariat, data={"purpose": "Secretariat's text"}, expected_version=1)
    with pytest.raises(services.PracticeEditConflict) as conflict:
        services.practice_update(practice=draft, by=coordinator_a, data={"purpose": "My text"}, expected_version=1)
    draft.refresh_from_db()
    assert draft.purpose == "Secretariat's text"
    refused = PracticeRevision.objects.get(pk=conflict.value.refused.pk)
    assert refused.kind == "refused" and refused.data["purpose"] == "My text"


def test_submit_names_every_missing_required_field(city_a, coordinator_a):
    practice = services.practice_create(city=city_a, by=coordinator_a, data={"title": "Only a title"})
    with pytest.raises(services.PracticeIncomplete) as incomplete:
        services.practice_submit(practice=practice, by=coordinator_a)
    assert incomplete.value.missing == [
        "main_field",
        "main_purpose",
        "period",
        "purpose",
        "stimulus",
        "process",
        "impact",
    ]
    assert GoodPractice.objects.get(pk=practice.pk).status == "draft"


def test_the_whole_workflow_is_recorded_with_who_and_comment(draft, coordinator_a, secretariat):
    services.practice_submit(practice=draft, by=coordinator_a)
    services.practice_request_changes(practice=draft, by=secretariat, comment="Shorten the process.")
    services.practice_update(practice=draft, by=coordinator_a, data={"process": "Short."})
    services.practice_submit(practice=draft, by=coordinator_a)
    published = services.practice_publish(practice=draft, by=secretariat, criteria={"goal_oriented": {"note": "ok"}})
    assert published.status == "published" and published.published_at and published.year == 2021
    assert not published.slug.startswith("draft-")
    steps = list(PracticeTransition.objects.filter(practice=draft).order_by("id").values_list("to_status", "by"))
    assert steps == [
        ("submitted", coordinator_a.pk),
        ("changes_requested", secretariat.pk),
        ("submitted", coordinator_a.pk),
        ("published", secretariat.pk),
    ]
    assert draft.transitions.get(to_status="changes_requested").comment == "Shorten the process."
    assert draft.reviews.get().criteria == {"goal_oriented": {"note": "ok"}}


@pytest.mark.parametrize(
    "status, action",
    [
        ("draft", "publish"),
        ("draft", "reject"),
        ("draft", "request_changes"),
        ("changes_requested", "publish"),
        ("published", "submit"),
        ("published", "reject"),
        ("rejected", "submit"),
        ("rejected", "publish"),
        ("submitted", "submit"),
        ("submitted", "unpublish"),
        ("unpublished", "submit"),
    ],
)
def test_refused_transitions(status, action, city_a, coordinator_a, secretariat):
    practice = GoodPracticeFactory(city=city_a, status=status, **COMPLETE)
    by = coordinator_a if action == "submit" else secretariat
    kwargs = {"comment": "why"} if action in ("request_changes", "reject") else {}
    with pytest.raises(services.StateConflict):
        getattr(services, f"practice_{action}")(practice=practice, by=by, **kwargs)
    assert GoodPractice.objects.get(pk=practice.pk).status == status


@pytest.mark.parametrize(
    "status, action, to",
    [
        ("draft", "submit", "submitted"),
        ("changes_requested", "submit", "submitted"),
        ("submitted", "request_changes", "changes_requested"),
        ("submitted", "publish", "published"),
        ("submitted", "reject", "rejected"),
        ("published", "unpublish", "unpublished"),
        ("unpublished", "publish", "published"),
    ],
)
def test_allowed_transitions(status, action, to, city_a, coordinator_a, secretariat):
    practice = GoodPracticeFactory(city=city_a, status=status, **COMPLETE)
    by = coordinator_a if action == "submit" else secretariat
    kwargs = {"comment": "why"} if action in ("request_changes", "reject") else {}
    assert getattr(services, f"practice_{action}")(practice=practice, by=by, **kwargs).status == to


def test_only_the_secretariat_reviews(draft, coordinator_a):
    draft.status = "submitted"
    draft.save()
    for action in ("publish", "reject", "request_changes"):
        with pytest.raises(PermissionDenied):
            getattr(services, f"practice_{action}")(practice=draft, by=coordinator_a, comment="x")


def test_request_changes_and_reject_need_a_comment(draft, secretariat):
    draft.status = "submitted"
    draft.save()
    with pytest.raises(ValidationError):
        services.practice_request_changes(practice=draft, by=secretariat, comment="  ")
    with pytest.raises(ValidationError):
        services.practice_reject(practice=draft, by=secretariat, comment="")


def test_a_submitted_practice_cannot_be_edited(draft, coordinator_a):
    services.practice_submit(practice=draft, by=coordinator_a)
    with pytest.raises(services.StateConflict):
        services.practice_update(practice=draft, by=coordinator_a, data={"title": "Sneaky"})


def test_editing_a_published_practice_goes_through_review_while_it_stays_online(city_a, coordinator_a, secretariat):
    published = GoodPracticeFactory(city=city_a, status="published", title="Online", slug="online", **COMPLETE)
    published.secondary_fields.set([field_of_action("13")])
    new_version = services.practice_revise(practice=published, by=coordinator_a)
    assert services.practice_revise(practice=published, by=coordinator_a) == new_version, "one open version at a time"
    services.practice_update(practice=new_version, by=coordinator_a, data={"title": "Online, revised"})
    services.practice_submit(practice=new_version, by=coordinator_a)
    published.refresh_from_db()
    assert published.title == "Online" and published.status == "published"
    assert set(GoodPractice.objects.published()) == {published}

    result = services.practice_publish(practice=new_version, by=secretariat)
    assert result.pk == published.pk and result.slug == "online"
    assert result.title == "Online, revised" and list(result.secondary_fields.values_list("code", flat=True)) == ["13"]
    assert not GoodPractice.objects.filter(pk=new_version.pk).exists()
    assert result.revisions.filter(data__title="Online, revised").exists()
    assert result.transitions.filter(action="submit").exists()


@pytest.mark.parametrize("title", ["Fields", "feed", "FILES", "Export", "new"])
def test_published_slug_avoids_words_of_the_routes_under_good_practices(title, city_a, coordinator_a, secretariat):
    practice = GoodPracticeFactory(city=city_a, title=title, slug="draft-abc", **COMPLETE)
    services.practice_submit(practice=practice, by=coordinator_a)
    published = services.practice_publish(practice=practice, by=secretariat)
    assert published.slug == f"{title.lower()}-2"
    assert published.get_absolute_url() == f"/good-practices/{title.lower()}-2/"


def test_reserved_slugs_cover_every_route_under_good_practices():
    from django.urls import get_resolver

    from goodpractices import file_urls, urls

    words = {str(pattern.pattern).split("/")[0].split(".")[0] for pattern in urls.urlpatterns + file_urls.urlpatterns}
    words = {word for word in words if word and not word.startswith("<")} | {"files"}
    assert words <= services.RESERVED_SLUGS
    assert get_resolver().resolve("/good-practices/fields-2/").url_name == "detail"


@pytest.mark.parametrize(("period_text", "year"), [("Since 2016", 2016), ("Ongoing", None)])
def test_a_practice_without_a_start_month_is_never_dated_by_its_publication(
    draft, coordinator_a, secretariat, period_text, year
):
    GoodPractice.objects.filter(pk=draft.pk).update(period_start="", period_text=period_text, year=None)
    draft.refresh_from_db()
    services.practice_submit(practice=draft, by=coordinator_a)
    published = services.practice_publish(practice=draft, by=secretariat)
    assert published.year == year


def test_a_new_version_that_moves_the_start_moves_the_year(city_a, coordinator_a, secretariat):
    practice = GoodPracticeFactory(city=city_a, status="submitted", period_start="2019-01", year=None, **COMPLETE)
    practice = services.practice_publish(practice=practice, by=secretariat)
    assert practice.year == 2019
    revision = services.practice_revise(practice=practice, by=coordinator_a)
    services.practice_update(
        practice=revision, by=coordinator_a, data={"period_start": "2016-05"}, expected_version=revision.version
    )
    services.practice_submit(practice=revision, by=coordinator_a)
    assert services.practice_publish(practice=revision, by=secretariat).year == 2016
