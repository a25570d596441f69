from django.urls import path

from .views import desk, public, registration

app_name = "events"
urlpatterns = [
    path("", public.calendar, name="list"),
    path("calendar.ics", public.calendar_ics, name="calendar-ics"),
    path("statistics/", public.statistics_year, name="statistics"),
    path("statistics/<int:year>.csv", public.statistics_csv, name="statistics-csv"),
    # The secretariat's desk
    path("desk/", desk.desk, name="desk"),
    path("desk/new/", desk.create, name="desk-new"),
    path("desk/registrations/<int:pk>/<slug:action>/", desk.registration_action, name="desk-registration"),
    path("desk/<slug:slug>/", desk.event_desk, name="desk-event"),
    path("desk/<slug:slug>/edit/", desk.edit, name="desk-edit"),
    path("desk/<slug:slug>/participants.csv", desk.participants_csv, name="desk-participants"),
    path("desk/<slug:slug>/message/", desk.message, name="desk-message"),
    path("desk/<slug:slug>/second-session/", desk.second_session, name="desk-second-session"),
    path("desk/<slug:slug>/documents/", desk.document_upload, name="desk-document-upload"),
    path("desk/<slug:slug>/documents/<int:pk>/delete/", desk.document_delete, name="desk-document-delete"),
    path("desk/<slug:slug>/<slug:action>/", desk.workflow, name="desk-workflow"),
    # An event
    path("<slug:slug>/", public.event_detail, name="detail"),
    path("<slug:slug>/calendar.ics", public.event_ics, name="event-ics"),
    path("<slug:slug>/register/", registration.register, name="register"),
    path("<slug:slug>/documents/<int:pk>/<str:name>", public.document, name="document"),
]
