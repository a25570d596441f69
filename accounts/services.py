"""Writes about accounts: the API tokens a user holds."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from knox.models import AuthToken


@transaction.atomic
def token_issue(*, user) -> str:
    """A new API token for `user`, valid for REST_KNOX["TOKEN_TTL"]. Only its hash is stored: the caller gets the
    one copy of the token itself. Expired tokens are cleared, and beyond API_TOKENS_PER_USER the oldest go: a
    script that signs in on every run must not pile up rows."""
    AuthToken.objects.filter(user=user, expiry__lt=timezone.now()).delete()
    _, token = AuthToken.objects.create(user=user)
    kept = AuthToken.objects.filter(user=user).order_by("-created").values("pk")[: settings.API_TOKENS_PER_USER]
    AuthToken.objects.filter(user=user).exclude(pk__in=kept).delete()
    return token


def token_revoke(*, token: AuthToken) -> None:
    """The token stops working at once (its owner signs out of the API)."""
    token.delete()


def tokens_revoke_all(*, user) -> int:
    """Every API token of `user` stops working: on a password change, or when its owner asks."""
    deleted, _ = AuthToken.objects.filter(user=user).delete()
    return deleted
