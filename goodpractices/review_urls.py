"""The secretariat's review desk, under /review/."""

from django.urls import path

from .views import review

urlpatterns = [
    path("", review.review_queue, name="review"),
    path("practices/<int:pk>/", review.review_practice, name="review-practice"),
    path("practices/<int:pk>/publish/", review.review_publish, name="review-publish"),
]
