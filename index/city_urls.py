from django.urls import path

from . import converters  # noqa: F401  (registers <code:>)
from .views import results

app_name = "index_city"
urlpatterns = [
    path("", results.city_results, name="results"),
    path("<code:edition>/<int:year>/", results.city_results, name="wave"),
]
