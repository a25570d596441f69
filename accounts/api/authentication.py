"""API tokens (django-rest-knox): stored hashed, expiring, revoked on a password change or by their owner."""

import re

from django.utils.translation import gettext_lazy as _
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from knox.auth import TokenAuthentication as KnoxTokenAuthentication
from knox.settings import knox_settings
from rest_framework import exceptions


class TokenAuthentication(KnoxTokenAuthentication):
    """`Authorization: Token <token>`. A token that cannot be one of ours is refused before any database lookup:
    knox would otherwise send bytes such as NUL to PostgreSQL, or fail to decode them, and answer 500. Tokens are
    64 hex digits; those issued before knox (DRF's authtoken, 40) were carried over by accounts' migration 0002."""

    _shape = re.compile(rf"[0-9a-f]{{{knox_settings.AUTH_TOKEN_CHARACTER_LENGTH}}}|[0-9a-f]{{40}}")

    def authenticate_credentials(self, token: bytes):
        if not self._shape.fullmatch(token.decode("latin-1")):
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        return super().authenticate_credentials(token)


class TokenScheme(KnoxTokenScheme):
    """The OpenAPI security scheme of the class above (drf-spectacular matches the exact class)."""

    target_class = "accounts.api.authentication.TokenAuthentication"
