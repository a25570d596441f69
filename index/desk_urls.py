from django.urls import path

from . import converters  # noqa: F401  (registers <code:>)
from .views import desk

app_name = "index_desk"
urlpatterns = [
    path("", desk.desk_list, name="list"),
    path("<int:pk>/", desk.desk_assessment, name="assessment"),
    path("<int:pk>/areas/<slug:area>/", desk.desk_area, name="area"),
    path("<int:pk>/team/", desk.desk_team, name="team"),
    path("<int:pk>/override/<code:question>/", desk.desk_override, name="override"),
    path("<int:pk>/<slug:step>/", desk.desk_workflow, name="workflow"),
]
