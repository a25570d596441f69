"""The portal's URLs plus two that fail on purpose: a page and an API view with a bug in them."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path
from rest_framework.decorators import api_view

from icc_portal.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


def broken_page(request):
    raise RuntimeError("a bug in a page")


@api_view(["GET"])
def broken_api_view(request):
    raise RuntimeError("a bug in the API")


urlpatterns = [
    path("api/v1/broken/", broken_api_view),
    *urlpatterns,
    *i18n_patterns(path("broken/", broken_page), prefix_default_language=False),
]
