from django.urls import path

from . import views

app_name = "profiles"
urlpatterns = [
    path("profiles/", views.desk, name="desk"),
    path("profiles/all/", views.rebuild_all, name="rebuild-all"),
    path("profiles/batch/<slug:batch>/", views.batch, name="batch"),
    path("profiles/<slug:city_slug>/build/", views.rebuild, name="rebuild"),
    path("profiles/<slug:city_slug>/publish/", views.publish, name="publish"),
    path("cities/<slug:city_slug>/profile/<int:pk>.pdf", views.document, name="document"),
    path("cities/<slug:city_slug>/profile/<str:language>.pdf", views.current, name="current"),
]
