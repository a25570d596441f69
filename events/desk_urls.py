from django.urls import path

from .views import registration

app_name = "event_desk"
urlpatterns = [
    path("", registration.my_registrations, name="list"),
    path("<int:pk>/cancel/", registration.cancel, name="cancel"),
]
