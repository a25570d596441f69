from django.urls import path

from . import converters, views  # noqa: F401  (converters registers <code:>)

app_name = "index_desk"
urlpatterns = [
    path("", views.desk_list, name="list"),
    path("<int:pk>/", views.desk_assessment, name="assessment"),
    path("<int:pk>/areas/<slug:area>/", views.desk_area, name="area"),
    path("<int:pk>/team/", views.desk_team, name="team"),
    path("<int:pk>/override/<code:question>/", views.desk_override, name="override"),
    path("<int:pk>/<slug:step>/", views.desk_workflow, name="workflow"),
]
