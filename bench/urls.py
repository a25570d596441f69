"""The product's URLs plus `/floor/`, the bench's bare page (the product does not serve it)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from icc_portal.urls import urlpatterns as product_urlpatterns

from .views import floor

# The floor sits in i18n_patterns like every page it is compared with, so it pays for the same resolution.
urlpatterns = [*product_urlpatterns, *i18n_patterns(path("floor/", floor, name="floor"), prefix_default_language=False)]
