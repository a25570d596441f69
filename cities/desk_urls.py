from django.urls import path

from . import membership_views

urlpatterns = [
    path("", membership_views.desk, name="my-desk"),
]
