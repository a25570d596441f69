"""Confirmation before submitting or publishing (issue 10 item 2): the buttons of the form and of the review page
lead to a GOV.UK check-your-answers / confirmation page, and only its button makes the move. The POST endpoints
(and the API) keep working as before."""

import pytest
from django.urls import reverse
from django.utils import translation

from goodpractices import services
from goodpractices.guidance import QUALITY_CRITERIA
from goodpractices.models import GoodPractice, PracticeReview

from .factories import GoodPracticeFactory, reference_file

pytestmark = pytest.mark.django_db

COMPLETE = {"contact_person": "Ingrid Berg", "contact_email": "ingrid@bergen.example"}
CRITERIA = [code for code, _label, _description in QUALITY_CRITERIA]


@pytest.fixture
def draft(city_a, coordinator_a):
    return GoodPracticeFactory(city=city_a, created_by=coordinator_a, title="Neighbourhood mediators", **COMPLETE)


@pytest.fixture
def submitted(city_a):
    return GoodPracticeFactory(city=city_a, status="submitted", title="Neighbourhood mediators", **COMPLETE)


# Submitting


def test_the_check_your_answers_page_summarises_the_practice_and_says_what_happens_next(client_as, draft):
    reference_file(draft)
    response = client_as("coordinator_a").get(reverse("practice_desk:submit", args=[draft.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Check your practice before submitting it" in text and "govuk-summary-list" in text
    for shown in ["Neighbourhood mediators", "Ingrid Berg", "ingrid@bergen.example", "Alphaville", "12 months",
                  "January 2021", "Provoking debate and stimulating action."]:  # fmt: skip
        assert shown in text, shown
    edit = reverse("practice_desk:edit", args=[draft.pk])
    assert f'href="{edit}#id_title"' in text and f'href="{edit}#id_contact_email"' in text  # "Change" links
    assert "The secretariat will review it against the six quality criteria" in text
    assert "Goal-oriented" in text and "Can be generalised" in text
    assert f'action="{reverse("practice_desk:submit", args=[draft.pk])}"' in text
    draft.refresh_from_db()
    assert draft.status == "draft"  # looking submits nothing


def test_only_the_confirmation_button_submits(client_as, draft):
    response = client_as("coordinator_a").post(reverse("practice_desk:submit", args=[draft.pk]), follow=True)
    assert "Submitted. The secretariat has been told" in response.content.decode()
    assert GoodPractice.objects.get(pk=draft.pk).status == "submitted"


def test_an_incomplete_draft_goes_back_to_the_form_naming_what_is_missing(client_as, city_a):
    incomplete = GoodPracticeFactory(city=city_a, impact="")
    response = client_as("coordinator_a").get(reverse("practice_desk:submit", args=[incomplete.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("practice_desk:edit", args=[incomplete.pk])
    assert "Still to fill in: Contact person, Contact e-mail, Impact." in response.content.decode()


def test_a_submitted_practice_has_no_check_your_answers_page(client_as, submitted):
    response = client_as("coordinator_a").get(reverse("practice_desk:submit", args=[submitted.pk]), follow=True)
    assert "This practice cannot be submitted: it is submitted." in response.content.decode()


def test_the_check_your_answers_page_is_in_french(client_as, draft):
    with translation.override("fr"):
        url = reverse("practice_desk:submit", args=[draft.pk])
    text = client_as("coordinator_a").get(url).content.decode()
    assert "Vérifiez votre pratique avant de la soumettre" in text
    assert "Le secrétariat l'examinera au regard des six critères de qualité" in text


# Publishing


def _review_data(action="publish"):
    data = {"action": action, "comment": "Thank you,\nwell written."}
    for code in CRITERIA:
        data[f"{code}_rating"] = "met"
        data[f"{code}_note"] = f"Note on {code}"
    return data


def test_the_review_pages_publish_button_leads_to_the_confirmation(client_as, submitted):
    text = client_as("secretariat").get(reverse("review-practice", args=[submitted.pk])).content.decode()
    assert f'value="publish" formaction="{reverse("review-publish", args=[submitted.pk])}"' in text
    assert 'value="request_changes" formaction' not in text


def test_the_confirmation_names_the_practice_and_says_it_becomes_public(client_as, submitted):
    response = client_as("secretariat").post(reverse("review-publish", args=[submitted.pk]), _review_data())
    assert response.status_code == 200
    text = response.content.decode()
    assert "Publish “Neighbourhood mediators”?" in text
    assert "The practice becomes public at once, for everyone" in text
    assert "The coordinators of Alphaville are told by e-mail." in text
    assert GoodPractice.objects.get(pk=submitted.pk).status == "submitted"  # not yet
    # The assessment is carried, unchanged, to the review page by the confirmation's button.
    assert f'action="{reverse("review-practice", args=[submitted.pk])}"' in text
    assert 'type="hidden" name="highly_impacting_note" value="Note on highly_impacting"' in text
    assert 'form="' not in text
    assert 'name="action" value="publish"' in text


def test_confirming_publishes_with_the_assessment(client_as, submitted):
    client = client_as("secretariat")
    page = client.post(reverse("review-publish", args=[submitted.pk]), _review_data())
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields} | {"action": "publish"}
    response = client.post(reverse("review-practice", args=[submitted.pk]), data, follow=True)
    assert "Published: the practice is online" in response.content.decode()
    assert GoodPractice.objects.get(pk=submitted.pk).status == "published"
    review = PracticeReview.objects.get()
    assert review.criteria["goal_oriented"] == {"rating": "met", "note": "Note on goal_oriented"}
    assert review.transition.comment == "Thank you,\nwell written."


def test_going_back_keeps_what_was_typed(client_as, submitted):
    data = {**_review_data(), "action": "back"}
    response = client_as("secretariat").post(reverse("review-practice", args=[submitted.pk]), data)
    assert response.status_code == 200
    assert "Note on goal_oriented" in response.content.decode()
    assert GoodPractice.objects.get(pk=submitted.pk).status == "submitted"


def test_publishing_again_names_the_public_address(client_as, city_a):
    unpublished = GoodPracticeFactory(city=city_a, status="unpublished", slug="mediators", **COMPLETE)
    unpublished.published_at = unpublished.updated_at
    unpublished.save()
    text = (
        client_as("secretariat")
        .post(reverse("review-publish", args=[unpublished.pk]), {"action": "republish"})
        .content.decode()
    )
    assert "Publish again" in text and "/good-practices/mediators/" in text


def test_a_new_version_says_it_replaces_the_published_text(client_as, city_a, coordinator_a):
    published = GoodPracticeFactory(city=city_a, status="published", **COMPLETE)
    new_version = services.practice_revise(practice=published, by=coordinator_a)
    services.practice_submit(practice=new_version, by=coordinator_a)
    text = client_as("secretariat").post(reverse("review-publish", args=[new_version.pk]), {}).content.decode()
    assert "its text replaces the published practice's text" in text and published.get_absolute_url() in text


def test_a_practice_that_cannot_be_published_goes_back_to_the_review_page(client_as, city_a):
    draft = GoodPracticeFactory(city=city_a, status="draft")
    response = client_as("secretariat").post(reverse("review-publish", args=[draft.pk]), {}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("review-practice", args=[draft.pk])
    assert "cannot be published" in response.content.decode()


def test_coordinators_have_no_publish_confirmation(client_as, submitted):
    assert client_as("coordinator_a").post(reverse("review-publish", args=[submitted.pk]), {}).status_code == 404


def test_the_publish_confirmation_is_in_french(client_as, submitted):
    with translation.override("fr"):
        url = reverse("review-publish", args=[submitted.pk])
    text = client_as("secretariat").post(url, _review_data()).content.decode()
    assert "Publier « Neighbourhood mediators » ?" in text
    assert "La pratique devient publique immédiatement, pour tout le monde" in text
