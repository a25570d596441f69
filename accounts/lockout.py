"""How django-axes names the account a failed login was aimed at, and what a locked-out client is told.

Users sign in with their e-mail, looked up case-insensitively (`UserManager.get_by_natural_key`). Axes counts
failures per username string, so without this `Bergen@example.org` would have five fresh attempts after five
failures on `bergen@example.org`. Every spelling that reaches the same account must count as one: the login
page and the API's token endpoint both pass through `lockout_username`.
"""

from axes.helpers import get_cool_off
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.http import is_api_request

# axes' AccessAttempt.username column.
_USERNAME_MAX_LENGTH = 255


def lockout_username(request, credentials=None) -> str | None:
    """AXES_USERNAME_CALLABLE: the account's stored e-mail when one matches, else the typed name, trimmed and lower."""
    if credentials:
        typed = credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    else:
        typed = getattr(request, "data", request.POST).get(settings.AXES_USERNAME_FORM_FIELD)
    if not isinstance(typed, str):
        return typed
    typed = typed.strip()
    return (_stored_email(typed) or typed.lower())[:_USERNAME_MAX_LENGTH]


def _stored_email(typed: str) -> str | None:
    """The e-mail of the account `typed` signs in as: the same case-insensitive match the login uses."""
    from .models import User

    # No e-mail is that long, and PostgreSQL refuses NUL in text: neither can name an account.
    if not typed or len(typed) > 254 or "\x00" in typed:
        return None
    email = User.objects.filter(email__iexact=typed).values_list("email", flat=True).first()
    return email.lower() if email else None


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: 429 with Retry-After; JSON on the API, the readable page everywhere else."""
    cool_off = get_cool_off(request)
    retry_after = str(int(cool_off.total_seconds())) if cool_off else None
    if is_api_request(request):
        detail = _("Too many failed attempts: signing in is blocked for 15 minutes.")
        response = JsonResponse({"detail": detail}, status=429)
    else:
        response = render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
    if retry_after:
        response["Retry-After"] = retry_after
    return response
