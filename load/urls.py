"""The portal's URLs plus `/floor/`: a page rendering a template without the database, the floor against which
the portal's pages are compared (the bench's own floor page, bench/views.py)."""

from django.urls import path

from bench.views import floor
from icc_portal.urls import urlpatterns as portal

urlpatterns = [path("floor/", floor, name="load-floor"), *portal]
