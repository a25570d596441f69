from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path

from . import views

handler400 = "core.errorpages.bad_request"
handler403 = "core.errorpages.permission_denied"
handler404 = "core.errorpages.page_not_found"
handler500 = "core.errorpages.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("api/", include("icc_portal.api.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # English is the default language and needs no prefix; /en/… is accepted as a synonym.
    re_path(r"^en/(?P<rest>.*)$", views.english_prefix_redirect, name="en-redirect"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    # The public pages first: a URL is resolved before the page cache can answer it, and each include tried on the way
    # costs (an include mounted at "" tries every one of its patterns). No pattern below overlaps these.
    path("good-practices/files/", include("goodpractices.file_urls")),
    path("good-practices/", include("goodpractices.urls")),
    path("cities/<slug:city_slug>/index/", include("index.city_urls")),
    path("cities/", include("cities.urls")),
    path("events/", include("events.urls")),
    path("index/", include("index.urls")),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("cities.membership_urls")),
    path("my/", include("cities.desk_urls")),
    path("my/practices/", include("goodpractices.desk_urls")),
    path("review/", include("goodpractices.review_urls")),
    path("my/index/", include("index.desk_urls")),
    path("", include("profiles.urls")),
    path("", include("exchange.urls")),
    path("my/events/", include("events.desk_urls")),
    prefix_default_language=False,
)
