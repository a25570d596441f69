from django.contrib.auth import authenticate
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from ..services import token_issue, token_revoke, tokens_revoke_all
from .authentication import TokenAuthentication


class SignInRateThrottle(AnonRateThrottle):
    """Guessing passwords through the API: a few attempts a minute per client address (TRUSTED_PROXY_COUNT says
    which address is the client's), on top of the lockout per account and address (django-axes)."""

    scope = "sign_in"


class ObtainTokenView(APIView):
    """`POST {"email", "password"}` → `{"token"}`; the token goes in `Authorization: Token <token>` and expires after
    REST_KNOX["TOKEN_TTL"] (30 days unless API_TOKEN_TTL_DAYS says otherwise)."""

    authentication_classes = []
    permission_classes = []
    throttle_classes = [SignInRateThrottle]

    class InputSerializer(serializers.Serializer):
        email = serializers.EmailField(max_length=254)  # longer is no address, and overflows axes' record (255)
        password = serializers.CharField(trim_whitespace=False, min_length=1)

    @extend_schema(request=InputSerializer, responses=inline_serializer("Token", {"token": serializers.CharField()}))
    def post(self, request):
        data = self.InputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = authenticate(
            request._request, username=data.validated_data["email"], password=data.validated_data["password"]
        )
        if user is None:
            return Response({"detail": _("Unknown e-mail or wrong password.")}, status=status.HTTP_400_BAD_REQUEST)
        return Response({"token": token_issue(user=user)})


class RevokeTokenView(APIView):
    """`POST` with `Authorization: Token <token>`: that token stops working (204)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        if not isinstance(request.successful_authenticator, TokenAuthentication):
            return Response(
                {"detail": _("Send the token to revoke in the Authorization header.")},
                status=status.HTTP_400_BAD_REQUEST,
            )
        token_revoke(token=request.auth)
        return Response(status=status.HTTP_204_NO_CONTENT)


class RevokeAllTokensView(APIView):
    """`POST` (with a token or a signed-in session): every token of the caller stops working (204)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={204: None})
    def post(self, request):
        tokens_revoke_all(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
