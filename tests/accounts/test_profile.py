"""A user's own account page: their name and the language the portal writes their e-mails in (issue 10, item 8)."""

import pytest
from django.urls import reverse

from core import outbox
from core.models import OutboxMessage
from core.notifications import notify_users

pytestmark = pytest.mark.django_db

URL = "/accounts/profile/"


def test_the_page_shows_the_address_read_only_and_the_language_as_radios(client, coordinator_a):
    client.force_login(coordinator_a)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert coordinator_a.email in html
    assert 'name="email"' not in html  # shown, never a field
    # GOV.UK radios in a fieldset, through the portal's form renderer; the current choice is checked.
    assert "govuk-fieldset__legend" in html and "Language of your e-mails" in html
    assert html.count('class="govuk-radios__input"') == 2
    assert 'type="radio" value="en" checked' in html
    assert "Français" in html and "English" in html
    assert reverse("password_change") in html


def test_header_and_desk_link_to_the_page(client, coordinator_a):
    client.force_login(coordinator_a)
    assert f'href="{URL}"' in client.get("/").content.decode()
    assert f'href="{URL}"' in client.get("/my/").content.decode()


def test_the_anonymous_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_user_who_chooses_french_gets_their_emails_in_french(client, coordinator_a, mailoutbox):
    client.force_login(coordinator_a)
    response = client.post(URL, {"first_name": "Ana", "last_name": "Silva", "preferred_language": "fr"}, follow=True)
    assert response.redirect_chain == [(URL, 302)]
    assert "Your account has been updated." in response.content.decode()
    coordinator_a.refresh_from_db()
    saved = (coordinator_a.first_name, coordinator_a.last_name, coordinator_a.preferred_language)
    assert saved == ("Ana", "Silva", "fr")

    notify_users(
        template="practice_rejected",
        users=[coordinator_a],
        context={"title": "Recherche", "city": "Lisbon", "comment": "Hors sujet.", "url": "https://x.example/p/1/"},
    )
    [message] = OutboxMessage.objects.all()
    assert outbox.deliver(message.pk) == "sent"
    [email] = mailoutbox
    assert email.to == [coordinator_a.email]
    assert email.subject.startswith("Non acceptée") and "Recherche" in email.subject
    assert "Le secrétariat n'a pas accepté" in email.body


def test_the_page_and_its_banner_are_in_french(client, coordinator_a):
    client.force_login(coordinator_a)
    response = client.post("/fr" + URL, {"first_name": "", "last_name": "", "preferred_language": "en"}, follow=True)
    html = response.content.decode()
    assert "Votre compte" in html and "Votre compte a été mis à jour." in html
    assert "Langue de vos e-mails" in html


def test_an_error_keeps_what_was_typed(client, coordinator_a):
    client.force_login(coordinator_a)
    response = client.post(URL, {"first_name": "Ana Maria", "last_name": "x" * 151, "preferred_language": "xx"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in html
    assert 'value="Ana Maria"' in html and 'value="' + "x" * 151 + '"' in html
    coordinator_a.refresh_from_db()
    assert coordinator_a.first_name != "Ana Maria" and coordinator_a.preferred_language == "en"
