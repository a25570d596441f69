from django.urls import path

from .views import public

app_name = "goodpractices"
urlpatterns = [
    path("", public.practice_list, name="list"),
    path("<slug:slug>/", public.practice_detail, name="detail"),
]
