from django.urls import path

from .views import open_data, public

app_name = "goodpractices"
urlpatterns = [
    path("", public.practice_list, name="list"),
    path("export.csv", open_data.export_csv, name="export-csv"),
    path("export.json", open_data.export_json, name="export-json"),
    path("feed/", open_data.practice_feed, name="feed"),
    path("fields/", public.field_list, name="fields"),
    path("fields/<slug:code>/", public.field_detail, name="field"),
    path("fields/<slug:code>/feed/", open_data.practice_feed, name="field-feed"),
    path("<slug:slug>/pdf/", public.practice_pdf_view, name="pdf"),
    path("<slug:slug>/", public.practice_detail, name="detail"),
]
