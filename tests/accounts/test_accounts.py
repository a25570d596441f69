import re

import pytest
from django.urls import reverse

from accounts.models import User
from cities import rules
from cities.models import Membership
from cities.services import member_invite

from ..factories import PASSWORD, UserFactory


@pytest.mark.django_db
def test_users_log_in_with_their_email(client, coordinator_a):
    response = client.post("/accounts/login/", {"username": "COORD-A@test.example", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("my-desk")


@pytest.mark.django_db
def test_wrong_password_keeps_the_email_and_says_so(client, coordinator_a):
    response = client.post("/accounts/login/", {"username": "coord-a@test.example", "password": "nope"})
    assert response.status_code == 200
    assert b"coord-a@test.example" in response.content
    assert b"correct email" in response.content or b"correct e-mail" in response.content


@pytest.mark.django_db
def test_login_is_locked_after_five_failures(client, coordinator_a):
    for _ in range(5):
        client.post("/accounts/login/", {"username": "coord-a@test.example", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "coord-a@test.example", "password": PASSWORD})
    assert response.status_code == 429
    assert b"Too many failed attempts" in response.content


@pytest.mark.django_db
def test_roles_follow_memberships(city_a, city_b, coordinator_a, secretariat):
    colleague = UserFactory(email="colleague@test.example")
    Membership.objects.create(user=colleague, city=city_a, role=Membership.Role.COLLEAGUE)
    assert rules.can_coordinate(coordinator_a, city_a)
    assert not rules.can_coordinate(coordinator_a, city_b)
    assert rules.can_coordinate(secretariat, city_b)
    assert not rules.can_coordinate(colleague, city_a)
    assert rules.is_member_of(colleague, city_a)
    assert rules.can_see_desk(colleague)


@pytest.mark.django_db
def test_a_user_may_coordinate_several_cities_and_a_city_have_several_coordinators(city_a, city_b, coordinator_a):
    Membership.objects.create(user=coordinator_a, city=city_b)
    second = UserFactory(email="second@test.example")
    Membership.objects.create(user=second, city=city_a)
    assert rules.coordinated_city_ids(User.objects.get(pk=coordinator_a.pk)) == {city_a.pk, city_b.pk}
    assert city_a.members.count() == 2


def test_invited_coordinator_gets_an_expiring_link_and_can_set_a_password(celery_worker, client, city_a, secretariat):
    member_invite(
        city=city_a, email="new.coordinator@test.example", invited_by=secretariat, first_name="Nina", language="en"
    )
    [message] = celery_worker.wait_for_mail(1)
    assert message["To"] == "new.coordinator@test.example"
    assert "Alphaville" in message["Subject"]
    link = re.search(r"http://\S+/accounts/reset/\S+/", message.get_payload(decode=True).decode()).group(0)
    path = link.split("8000", 1)[-1] if "8000" in link else "/" + link.split("/", 3)[3]
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-new-long-password-42", "new_password2": "a-new-long-password-42"},
    )
    assert response.status_code == 302
    user = User.objects.get(email="new.coordinator@test.example")
    assert user.check_password("a-new-long-password-42")
    assert rules.can_coordinate(user, city_a)


@pytest.mark.django_db
def test_invitation_form_keeps_what_was_typed_when_the_email_is_wrong(client_as, city_a):
    client = client_as("secretariat")
    response = client.post(
        "/accounts/invite/",
        {"city": city_a.pk, "email": "not-an-email", "first_name": "Nina", "role": "coordinator", "language": "fr"},
    )
    assert response.status_code == 200
    assert b"Enter a valid email address" in response.content
    assert b'value="Nina"' in response.content


@pytest.mark.django_db
def test_password_reset_sends_nothing_for_unknown_addresses_but_says_the_same(client, mailoutbox):
    response = client.post("/accounts/password/reset/", {"email": "unknown@test.example"})
    assert response.status_code == 302
    assert mailoutbox == []


def test_password_reset_mail_is_sent_by_the_worker_with_a_working_link(celery_worker, client, coordinator_a):
    response = client.post("/accounts/password/reset/", {"email": "coord-a@test.example"})
    assert response.status_code == 302
    [message] = celery_worker.wait_for_mail(1)
    assert message["To"] == "coord-a@test.example"
    path = re.search(r"/accounts/reset/\S+/\S+/", message.get_payload(decode=True).decode()).group(0)
    assert client.get(path, follow=True).context["validlink"] is True


@pytest.mark.django_db
def test_choosing_a_password_from_a_link_logs_the_person_in(client, coordinator_a):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(coordinator_a.pk))
    form_page = client.get(f"/accounts/reset/{uid}/{default_token_generator.make_token(coordinator_a)}/", follow=True)
    password = "a-new-long-password-42"
    response = client.post(form_page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})
    assert response.status_code == 302
    assert client.get("/my/").status_code == 200, "logged in: the desk opens without the log-in form"
    assert "You are logged in." in client.get(response.url).content.decode()


def test_a_french_invitation_names_the_role_in_french(celery_worker, city_a, secretariat):
    member_invite(city=city_a, email="collegue@test.example", invited_by=secretariat, role="colleague", language="fr")
    [message] = celery_worker.wait_for_mail(1)
    payload = message.get_payload(decode=True)
    try:  # the mail log is parsed back as text: its 8-bit body may come back re-encoded
        body = payload.decode("utf-8")
    except UnicodeDecodeError:
        body = payload.decode("latin-1")
    assert "collègue" in body and "colleague" not in body
