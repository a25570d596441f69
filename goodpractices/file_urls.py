"""Reference documents, under /good-practices/files/: served through a permission check, never from static."""

from django.urls import path

from .views import files

urlpatterns = [
    path("<int:pk>/<str:name>", files.reference_file, name="practice-file"),
]
