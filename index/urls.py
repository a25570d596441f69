from django.urls import path

from . import converters, views  # noqa: F401  (converters registers <code:>)

app_name = "index"
urlpatterns = [
    path("method/", views.method, name="method"),
    path("secretariat/", views.secretariat, name="secretariat"),
    path("secretariat/<code:edition>/<int:year>/results.csv", views.export_results, name="export-results"),
    path("secretariat/<code:edition>/<int:year>/answers.csv", views.export_answers, name="export-answers"),
]
