from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accounts.api.views import ObtainTokenView, RevokeAllTokensView, RevokeTokenView
from cities.api.views import CityViewSet
from events.api.views import EventViewSet, RegistrationViewSet
from exchange.api.views import NewsViewSet, PracticeAdoptionsView, PracticeFollowUpsView
from goodpractices.api.views import FieldOfActionViewSet, GoodPracticeViewSet
from index.api.views import AssessmentViewSet, EditionViewSet
from profiles.api.views import ProfileView

from .router import router

router.register("cities", CityViewSet, basename="city")
router.register("fields-of-action", FieldOfActionViewSet, basename="fieldofaction")
router.register("good-practices", GoodPracticeViewSet, basename="goodpractice")
router.register("index/editions", EditionViewSet, basename="index-edition")
router.register("index/assessments", AssessmentViewSet, basename="index-assessment")
router.register("events", EventViewSet, basename="event")
router.register("registrations", RegistrationViewSet, basename="registration")
router.register("news", NewsViewSet, basename="news")

app_name = "api"
urlpatterns = [
    path("v1/auth/token/", ObtainTokenView.as_view(), name="token"),
    path("v1/auth/logout/", RevokeTokenView.as_view(), name="logout"),
    path("v1/auth/logoutall/", RevokeAllTokensView.as_view(), name="logoutall"),
    path("v1/cities/<slug:slug>/profile/", ProfileView.as_view(), name="city-profile"),
    path("v1/good-practices/<int:pk>/adoptions/", PracticeAdoptionsView.as_view(), name="practice-adoptions"),
    path("v1/good-practices/<int:pk>/follow-ups/", PracticeFollowUpsView.as_view(), name="practice-follow-ups"),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(api_version="1"), name="schema"),
    # The split view serves Swagger UI's start-up script as a file (no inline script for the CSP to allow); our
    # template also moves its inline <style> to a static file.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/swagger_ui.html"),
        name="docs",
    ),
]
