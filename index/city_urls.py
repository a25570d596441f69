from django.urls import path

from . import converters, views  # noqa: F401  (converters registers <code:>)

app_name = "index_city"
urlpatterns = [
    path("", views.city_results, name="results"),
    path("<code:edition>/<int:year>/", views.city_results, name="wave"),
]
