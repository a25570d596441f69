"""The coordinator's practices, under /my/practices/."""

from django.urls import path

from .views import desk, files, history

app_name = "practice_desk"
urlpatterns = [
    path("", desk.practice_list, name="list"),
    path("new/", desk.practice_new, name="new"),
    path("import/", desk.practice_import, name="import"),
    path("import/template.docx", desk.practice_import_template, name="import-template"),
    path("<int:pk>/", desk.practice_edit, name="edit"),
    path("<int:pk>/autosave/", desk.practice_autosave, name="autosave"),
    path("<int:pk>/preview/", history.practice_preview, name="preview"),
    path("<int:pk>/submit/", desk.practice_submit, name="submit"),
    path("<int:pk>/delete/", desk.practice_delete, name="delete"),
    path("<int:pk>/new-version/", desk.practice_revise, name="revise"),
    path("<int:pk>/history/", history.practice_history, name="history"),
    path("<int:pk>/history/compare/", history.practice_compare, name="compare"),
    path("<int:pk>/documents/", files.file_upload, name="file-upload"),
    path("<int:pk>/documents/<int:file_pk>/delete/", files.file_delete, name="file-delete"),
]
