from django.urls import path

from . import membership_views

urlpatterns = [
    path("invite/", membership_views.invite, name="invite"),
]
