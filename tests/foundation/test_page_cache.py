"""The page cache (core.pagecache): public pages come from the shared cache, change the moment what they show changes,
and never carry one visitor's page to another."""

import pytest
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.test import Client, RequestFactory

from goodpractices import services
from tests.factories import PASSWORD, CityFactory, CountryFactory
from tests.goodpractices.factories import GoodPracticeFactory
from tests.index.factories import small_edition

LIST = "/good-practices/"


def get(client: Client, path: str = LIST, **headers):
    response = client.get(path, headers=headers)
    assert response.status_code == 200, response.content[:300]
    return response


def served_from_cache(response) -> bool:
    return response.get("X-Page-Cache") == "hit"


@pytest.fixture
def edition(db):
    return small_edition()


@pytest.fixture
def published(city_a):
    return GoodPracticeFactory(city=city_a, title="Welcome desk for newcomers", status="published")


def test_the_second_anonymous_visit_is_served_from_the_cache(published):
    first, second = get(Client()), get(Client())
    assert not served_from_cache(first) and served_from_cache(second)
    assert second.content == first.content
    assert b"Welcome desk for newcomers" in second.content


def test_a_published_practice_shows_at_once_on_the_cached_list(published, secretariat):
    get(Client())
    assert served_from_cache(get(Client()))
    submitted = GoodPracticeFactory(city=published.city, title="Rumour-busting campaign", status="submitted")
    practice = services.practice_publish(practice=submitted, by=secretariat)
    response = get(Client())
    assert not served_from_cache(response)
    assert b"Rumour-busting campaign" in response.content
    assert b"Rumour-busting campaign" in get(Client(), "/api/v1/good-practices/?q=rumour").content
    assert b"Rumour-busting campaign" in get(Client(), practice.get_absolute_url()).content


def test_an_unpublished_practice_leaves_the_cached_list_and_its_page(published, secretariat):
    page = f"/good-practices/{published.slug}/"
    get(Client()), get(Client(), page)
    services.practice_unpublish(practice=published, by=secretariat)
    assert b"Welcome desk for newcomers" not in get(Client()).content
    assert Client().get(page).status_code == 404


def test_saving_a_draft_leaves_the_cached_pages_alone(published, coordinator_a):
    draft = GoodPracticeFactory(city=published.city, title="A draft in progress")
    get(Client())
    services.practice_update(practice=draft, by=coordinator_a, data={"title": "A draft, saved again"})
    response = get(Client())
    assert served_from_cache(response)
    assert b"A draft" not in response.content


def test_a_renamed_city_shows_at_once_on_cached_practice_pages(published):
    page = f"/good-practices/{published.slug}/"
    get(Client(), page)
    published.city.name = "Alphaville-sur-Mer"
    published.city.save()
    assert b"Alphaville-sur-Mer" in get(Client(), page).content


def test_a_coordinators_page_is_never_served_to_the_public(published, client_as):
    coordinator = client_as("coordinator_a")
    personal = get(coordinator)
    assert b"Log out" in personal.content and not served_from_cache(personal)
    assert not served_from_cache(get(coordinator))  # their own pages are not cached either
    public = get(Client())
    assert b"Log out" not in public.content and b"My desk" not in public.content


def test_the_public_page_in_the_cache_is_never_served_to_a_coordinator(published, client_as):
    get(Client()), get(Client())
    personal = get(client_as("coordinator_a"))
    assert not served_from_cache(personal)
    assert b"Log out" in personal.content


def test_a_token_holder_gets_their_api_answer_and_the_public_never_does(published, coordinator_a):
    url = f"/api/v1/good-practices/{published.pk}/"
    published.contact_email = "desk@alphaville.example"
    published.save()
    anonymous = Client()
    assert get(anonymous, url).json()["contact_email"] is None
    assert served_from_cache(get(anonymous, url))
    token = Client().post(
        "/api/v1/auth/token/", {"email": coordinator_a.email, "password": PASSWORD}, content_type="application/json"
    )
    assert token.status_code == 200, token.content
    member = get(Client(), url, authorization=f"Token {token.json()['token']}")
    assert member.json()["contact_email"] == "desk@alphaville.example" and not served_from_cache(member)
    assert get(anonymous, url).json()["contact_email"] is None


def test_a_cached_public_page_has_no_csrf_token_and_sets_no_cookie(published):
    visitor = Client()
    visitor.get("/accounts/login/")  # this visitor now holds a CSRF cookie of their own
    for client in (visitor, Client()):
        response = get(client)
        assert b"csrfmiddlewaretoken" not in response.content
        assert not response.cookies
    assert served_from_cache(get(Client()))


def test_a_member_citys_page_is_cached_its_contact_form_being_a_page_of_its_own(city_a):
    """The contact form used to sit on the city page: its CSRF token kept every city page out of the cache."""
    page = city_a.get_absolute_url()
    first, second = get(Client(), page), get(Client(), page)
    assert served_from_cache(second) and b"csrfmiddlewaretoken" not in first.content
    assert f'href="/cities/{city_a.slug}/contact/"'.encode() in first.content
    form = get(Client(), f"/cities/{city_a.slug}/contact/")
    assert b"csrfmiddlewaretoken" in form.content and not served_from_cache(form)


@pytest.mark.urls("tests.foundation.page_cache_urls")
def test_a_page_that_renders_a_csrf_token_is_never_stored(settings, db):
    settings.PAGE_CACHE = {**settings.PAGE_CACHE, "views": {"form-page": ("cities",)}}
    first, second = get(Client(), "/form/"), get(Client(), "/form/")
    assert b"csrfmiddlewaretoken" in second.content
    assert not served_from_cache(second)
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_a_visitor_with_a_message_waiting_sees_it_and_nobody_else_does(published):
    get(Client()), get(Client())
    visitor = Client()
    visitor.cookies["messages"] = _message_cookie("Your request was sent to the secretariat.")
    response = get(visitor)
    assert b"Your request was sent to the secretariat." in response.content and not served_from_cache(response)
    after = get(Client())
    assert served_from_cache(after) and b"Your request was sent" not in after.content


def test_languages_and_htmx_partials_are_cached_apart(published):
    english, french = get(Client()), get(Client(), "/fr" + LIST)
    assert b'lang="en"' in english.content and b'<html lang="fr"' in french.content
    partial = get(Client(), LIST, hx_request="true")
    assert b"<html" not in partial.content and not served_from_cache(partial)
    assert served_from_cache(get(Client(), LIST, hx_request="true"))
    full = get(Client())
    assert b"<html" in full.content and served_from_cache(full)


def test_a_conditional_get_of_an_unchanged_page_is_answered_304(published, secretariat):
    etag = get(Client())["ETag"]
    assert Client().get(LIST, headers={"if-none-match": etag}).status_code == 304
    services.practice_unpublish(practice=published, by=secretariat)
    fresh = Client().get(LIST, headers={"if-none-match": etag})
    assert fresh.status_code == 200 and fresh["ETag"] != etag
    assert fresh["Last-Modified"]


def test_the_language_switch_is_a_plain_link_to_the_same_page(published):
    content = get(Client(), LIST + "?q=welcome").content.decode()
    assert 'href="/fr/good-practices/?q=welcome"' in content
    french = get(Client(), "/fr" + LIST + "?q=welcome").content.decode()
    assert 'href="/good-practices/?q=welcome"' in french


def _message_cookie(text: str) -> str:
    request = RequestFactory().get("/")
    storage = CookieStorage(request)
    storage.add(messages.SUCCESS, text)
    response = HttpResponse()
    storage.update(response)
    return response.cookies["messages"].value


def test_a_peer_validated_in_another_city_changes_the_cached_index_results_at_once(edition, city_a, secretariat):
    from index import services as index_services

    def validated(city, answer, publish=True):
        assessment = index_services.assessment_create(city=city, edition=edition, year=2023, by=secretariat)
        items = [{"question": "c.statement", "choices": [answer]}]
        index_services.answers_save(assessment=assessment, items=items, by=secretariat)
        index_services.assessment_submit(assessment=assessment, by=secretariat)
        index_services.assessment_validate(assessment=assessment, by=secretariat)
        if publish:
            index_services.assessment_publish(assessment=assessment, by=secretariat)

    validated(city_a, "yes")
    for number in range(3):
        validated(CityFactory(slug=f"peer-{number}"), "no")
    latecomer = CityFactory(slug="peer-3")
    page = f"/cities/{city_a.slug}/index/"
    assert "Ahead of 100 % of comparable cities" in get(Client(), page).content.decode()
    assert served_from_cache(get(Client(), page))
    validated(latecomer, "yes", publish=False)  # validated: a peer, though not published
    assert "Ahead of 75 % of comparable cities" in get(Client(), page).content.decode()


def test_the_filter_options_rendered_once_follow_a_practice_published_in_a_new_country(published, client_as):
    coordinator = client_as("coordinator_a")  # never served from the page cache: this is the options' own cache
    assert b'<option value="PT"' not in get(coordinator).content
    GoodPracticeFactory(city=CityFactory(slug="porto", country=CountryFactory(code="PT")), status="published")
    assert b'<option value="PT"' in get(coordinator).content


def test_remember_computes_once_per_change_and_each_process_keeps_what_it_read(db):
    from core import cache as content

    calls = []

    def compute():
        calls.append(1)
        return {"computed": len(calls)}

    assert content.remember("test-value", ("goodpractices",), compute) == {"computed": 1}
    assert content.remember("test-value", ("goodpractices",), compute) == {"computed": 1}
    content._local.clear()  # another process: it reads the shared value, it does not compute it again
    assert content.remember("test-value", ("goodpractices",), compute) == {"computed": 1} and len(calls) == 1
    content.bump("goodpractices")  # a change seen by every process, whatever it kept
    assert content.remember("test-value", ("goodpractices",), compute) == {"computed": 2}
    assert content.remember("test-value", ("cities",), compute) == {"computed": 3}  # other namespaces, other versions


def test_the_file_cache_still_culls_though_it_lists_its_files_once_every_hundred_sets(tmp_path):
    from core.filecache import CULL_EVERY, FileCache

    files = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10, "CULL_FREQUENCY": 2}})
    for n in range(3 * CULL_EVERY):
        files.set(f"key-{n}", n)
    assert len(list(tmp_path.glob("*.djcache"))) <= 10 + CULL_EVERY - 1
    assert files.get(f"key-{3 * CULL_EVERY - 1}") == 3 * CULL_EVERY - 1
