"""`POST`/`GET cities/<slug>/profile/`: queue a build (secretariat), read its status (who may read the profile)."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from cities.models import City
from cities.rules import is_secretariat

from .. import selectors, services
from ..choices import ProfileLanguage


class BuildRequestSerializer(serializers.Serializer):
    language = serializers.ChoiceField(choices=ProfileLanguage.choices, default=ProfileLanguage.EN)


class ProfileStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=["queued", "building", "ready", "failed"])
    built_at = serializers.DateTimeField(allow_null=True)
    url = serializers.CharField(allow_null=True)
    language = serializers.CharField()
    pages = serializers.IntegerField(allow_null=True)
    size = serializers.IntegerField(allow_null=True)
    stale = serializers.BooleanField()
    error = serializers.CharField(allow_blank=True)


class ProfileView(APIView):
    def _city(self, request, slug: str) -> City:
        city = get_object_or_404(City, slug=slug)
        if not request.user.is_authenticated and not selectors.may_read(request.user, city):
            raise exceptions.NotAuthenticated()
        if not selectors.may_read(request.user, city):
            raise exceptions.NotFound()
        return city

    def _status(self, request, city: City, language: str, code=status.HTTP_200_OK) -> Response:
        found = selectors.status_of(city, language)
        if found is None:
            raise exceptions.NotFound(_("No profile has been built in this language yet."))
        if found["url"]:
            found["url"] = request.build_absolute_uri(found["url"])
        return Response(ProfileStatusSerializer(found).data, status=code)

    @extend_schema(
        parameters=[OpenApiParameter("language", enum=ProfileLanguage.values, default="en")],
        responses={200: ProfileStatusSerializer},
    )
    def get(self, request, slug: str):
        city = self._city(request, slug)
        query = BuildRequestSerializer(data={"language": request.query_params.get("language", "en")})
        query.is_valid(raise_exception=True)
        return self._status(request, city, query.validated_data["language"])

    @extend_schema(request=BuildRequestSerializer, responses={202: ProfileStatusSerializer})
    def post(self, request, slug: str):
        city = self._city(request, slug)
        if not is_secretariat(request.user):
            raise exceptions.PermissionDenied(_("Only the secretariat builds profiles."))
        body = BuildRequestSerializer(data=request.data if isinstance(request.data, dict) else {})
        body.is_valid(raise_exception=True)
        language = body.validated_data["language"]
        services.profile_request_build(city=city, language=language, by=request.user)
        return self._status(request, city, language, code=status.HTTP_202_ACCEPTED)
