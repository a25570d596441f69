"""Public pages of the exchange: the newsroom, a city's contact and visit forms, adoptions, saved searches."""

from django.urls import path

from .views import alerts, contact, news, practices, secretariat, visits

app_name = "exchange"
urlpatterns = [
    path("news/", news.news_list, name="news-list"),
    path("news/feed/", news.news_feed, name="news-feed"),
    path("news/<int:pk>/", news.news_detail, name="news-detail"),
    path("news/<int:pk>/image/", news.news_image, name="news-image"),
    path("cities/<slug:city_slug>/contact/", contact.contact, name="contact"),
    path("cities/<slug:city_slug>/study-visit/", visits.visit_new, name="visit-new"),
    path("my/visits/", visits.desk_visits, name="desk-visits"),
    path("my/visits/<int:pk>/schedule/", visits.visit_schedule, name="visit-schedule"),
    path("my/visits/<int:pk>/<slug:action>/", visits.desk_visit_act, name="desk-visit-act"),
    path("exchange/secretariat/", secretariat.overview, name="secretariat"),
    path("good-practices/<slug:slug>/adaptations/", practices.adopt, name="adopt"),
    path("good-practices/<slug:slug>/follow-ups/new/", practices.follow_up_new, name="follow-up-new"),
    path("my/follow-ups/<int:pk>/", practices.follow_up_edit, name="desk-follow-up"),
    path("my/follow-ups/<int:pk>/<slug:action>/", practices.follow_up_act, name="desk-follow-up-act"),
    path("alerts/new/", alerts.alert_new, name="alert-new"),
    path("alerts/confirm/<str:token>/", alerts.alert_confirm, name="alert-confirm"),
    path("alerts/unsubscribe/<str:token>/", alerts.alert_unsubscribe, name="alert-unsubscribe"),
    path("my/alerts/", alerts.desk_alerts, name="desk-alerts"),
    path("my/alerts/<int:pk>/", alerts.desk_alert_change, name="desk-alert"),
    path("my/news/", news.desk_news_list, name="desk-news"),
    path("my/news/new/", news.desk_news_new, name="desk-news-new"),
    path("my/news/<int:pk>/", news.desk_news_edit, name="desk-news-edit"),
    path("my/news/<int:pk>/<slug:action>/", news.desk_news_act, name="desk-news-act"),
]
