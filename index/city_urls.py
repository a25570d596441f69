from django.urls import path

from . import views

app_name = "index_city"
urlpatterns = [
    path("", views.city_results, name="results"),
    path("<str:edition>/<int:year>/", views.city_results, name="wave"),
]
