"""The one FilterSet of events: the calendar page `/events/` and `GET /api/v1/events/` filter through it.

`kind` is the page's name and `type` the contract's for the same filter; `field` takes a field of action's code (a
parent code also matches its sub-fields), `city` the host city's slug, `upcoming` true or false."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from goodpractices.filters import YearFilter, field_choices, sub_field_codes

from .choices import EventKind
from .models import Event


class EventFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=EventKind.choices, field_name="kind", label=_("Kind"))
    type = django_filters.ChoiceFilter(choices=EventKind.choices, field_name="kind", label=_("Kind"))
    year = YearFilter(field_name="starts_at", lookup_expr="year", label=_("Year"))
    city = django_filters.CharFilter(field_name="host_city__slug", max_length=100, label=_("Host city"))
    field = django_filters.ChoiceFilter(choices=field_choices, method="filter_field", label=_("Field of action"))
    upcoming = django_filters.BooleanFilter(method="filter_upcoming", label=_("Upcoming"))

    class Meta:
        model = Event
        fields = []

    def filter_field(self, queryset, name, value: str):
        through = Event.fields_of_action.through
        tagged = through.objects.filter(event_id=OuterRef("pk"), fieldofaction__code__in=sub_field_codes(value))
        return queryset.filter(Exists(tagged))

    def filter_upcoming(self, queryset, name, value: bool):
        now = timezone.now()
        return queryset.upcoming(now) if value else queryset.past(now)

    @property
    def active_filters(self) -> dict:
        data = getattr(self.form, "cleaned_data", None) or {}
        return {name: value for name, value in data.items() if value not in (None, "")}
