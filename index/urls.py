from django.urls import path

from . import converters  # noqa: F401  (registers <code:>)
from .views import results, secretariat

app_name = "index"
urlpatterns = [
    path("", results.public_results, name="public"),
    path("method/", results.method, name="method"),
    path("secretariat/", secretariat.overview, name="secretariat"),
    path("secretariat/<code:edition>/<int:year>/results.csv", secretariat.export_results, name="export-results"),
    path("secretariat/<code:edition>/<int:year>/answers.csv", secretariat.export_answers, name="export-answers"),
]
