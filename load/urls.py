"""The portal's URLs plus `/floor/`: a page rendering a template without the database, the floor against which
the portal's pages are compared (the same page as the bench's)."""

from django.shortcuts import render
from django.urls import path

from icc_portal.urls import urlpatterns as portal


def floor(request):
    return render(request, "floor.html")


urlpatterns = [path("floor/", floor, name="load-floor"), *portal]
