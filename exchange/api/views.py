"""`GET news/` (published news, the newsroom's FilterSet) and `GET news/<id>/`; a practice's adoptions and
follow-ups (`GET good-practices/<id>/adoptions/`, `…/follow-ups/`)."""

from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import generics, mixins, viewsets

from goodpractices.models import GoodPractice

from ..filters import NewsFilterSet
from ..models import Adoption, FollowUp
from ..selectors.news import news_visible_to
from .serializers import AdoptionSerializer, FollowUpSerializer, NewsSerializer


class NewsViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """News from the member cities, published by the secretariat."""

    serializer_class = NewsSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = NewsFilterSet

    def get_queryset(self):
        queryset = news_visible_to(user=self.request.user).order_by("-published_at", "-id")
        if self.action == "list":
            queryset = queryset.filter(status="published")
        return queryset

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)


class PracticeAdoptionsView(generics.ListAPIView):
    """`GET good-practices/<id>/adoptions/`: the cities that adapted a published practice, oldest first."""

    serializer_class = AdoptionSerializer
    queryset = Adoption.objects.none()  # for the schema; the list is the practice's, below

    def get_queryset(self):
        practice = get_object_or_404(GoodPractice.objects.published(), pk=self.kwargs["pk"])
        return Adoption.objects.filter(practice=practice).select_related("city").order_by("created_at", "id")


class PracticeFollowUpsView(generics.ListAPIView):
    """`GET good-practices/<id>/follow-ups/`: a published practice's published follow-ups, in date order."""

    serializer_class = FollowUpSerializer
    queryset = FollowUp.objects.none()  # for the schema; the list is the practice's, below

    def get_queryset(self):
        practice = get_object_or_404(GoodPractice.objects.published(), pk=self.kwargs["pk"])
        return FollowUp.objects.published().filter(practice=practice).order_by("date", "id")
