from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import User
from core.notifications import absolute_url, notify

from .models import City, Membership


def set_password_link(user: User, language: str = "en") -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    with translation.override(language):
        return absolute_url(reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token}))


@transaction.atomic
def member_invite(
    *,
    city: City,
    email: str,
    invited_by: User,
    role: str = Membership.Role.COORDINATOR,
    first_name: str = "",
    last_name: str = "",
    department: str = "",
    language: str = "en",
) -> Membership:
    """Give `email` a place in the city's team and e-mail a set-password link that expires.

    An existing account keeps its password; it simply gains the membership and is told by e-mail.
    """
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(
            email=email.lower(),
            first_name=first_name,
            last_name=last_name,
            department=department,
            preferred_language=language,
        )
        user.set_unusable_password()
        user.save()
    membership, created = Membership.objects.get_or_create(
        user=user, city=city, defaults={"role": role, "invited_by": invited_by}
    )
    if not created and membership.role != role and role == Membership.Role.COORDINATOR:
        membership.role = role
        membership.save(update_fields=["role"])
    notify(
        template="invitation",
        recipients=[user.email],
        context={
            "city": city.name,
            "inviter": str(invited_by),
            "email": user.email,
            # In the invitation's language: the French invitation said "colleague" (the label was read in English).
            "role": _role_label(membership.role, language),
            "link": set_password_link(user, language),
            "days": settings.PASSWORD_RESET_TIMEOUT // 86400,
        },
        language=language,
    )
    return membership


def _role_label(role: str, language: str) -> str:
    with translation.override(language):
        return str(Membership.Role(role).label).lower()
