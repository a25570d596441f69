"""An event and a registration in the API, under the contract's names ("An event in the API")."""

import zoneinfo

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cities.models import City, NationalNetwork
from core.api.serializers import CleanTextSerializer
from goodpractices.models import FieldOfAction, GoodPractice

from ..choices import Audience, EventKind, EventStatus
from ..models import Event, Registration, validate_time_zone

LOCAL_TIMES = ("starts_at", "ends_at", "registration_opens", "registration_closes")


def _local(event: Event, name: str) -> str | None:
    moment = getattr(event, name)
    return event.local(moment).isoformat() if moment else None


@extend_schema_field({"anyOf": [{"type": "string", "format": "uri"}, {"type": "string", "maxLength": 0}]})
class _OptionalURLField(serializers.CharField):
    """An event's online link: a URL, or "" when the event has none (the schema said `uri`, which "" is not)."""


class EventSerializer(serializers.ModelSerializer):
    """Times are ISO 8601 with the offset of the event's own time zone (`time_zone`)."""

    url = serializers.SerializerMethodField()
    host_city = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    network = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    online_url = _OptionalURLField(read_only=True)
    fields_of_action = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    practices = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    starts_at = serializers.SerializerMethodField()
    ends_at = serializers.SerializerMethodField()
    registration_opens = serializers.SerializerMethodField()
    registration_closes = serializers.SerializerMethodField()
    confirmed = serializers.IntegerField(source="confirmed_count", read_only=True)
    waitlisted = serializers.IntegerField(source="waitlisted_count", read_only=True)
    places_left = serializers.IntegerField(read_only=True)

    class Meta:
        model = Event
        fields = [
            "slug", "url", "title", "title_en", "title_fr", "kind", "description", "description_en", "description_fr",
            "host_city", "place", "online_url", "time_zone", "starts_at", "ends_at", "registration_opens",
            "registration_closes", "capacity", "city_limit", "waiting_list", "status", "audience", "network",
            "fields_of_action", "practices", "confirmed", "waitlisted", "places_left",
        ]  # fmt: skip
        read_only_fields = fields

    def get_url(self, event) -> str:
        request = self.context.get("request")
        path = event.get_absolute_url()
        return request.build_absolute_uri(path) if request else path

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_starts_at(self, event):
        return _local(event, "starts_at")

    @extend_schema_field(OpenApiTypes.DATETIME)
    def get_ends_at(self, event):
        return _local(event, "ends_at")

    @extend_schema_field({"type": "string", "format": "date-time", "nullable": True})
    def get_registration_opens(self, event):
        return _local(event, "registration_opens")

    @extend_schema_field({"type": "string", "format": "date-time", "nullable": True})
    def get_registration_closes(self, event):
        return _local(event, "registration_closes")


@extend_schema_field(OpenApiTypes.DATETIME)
class TimeField(serializers.Field):
    """ISO 8601; a time without an offset is read in the event's time zone (see EventInputSerializer.validate)."""

    def to_internal_value(self, data):
        if not isinstance(data, str) or "\0" in data:
            raise serializers.ValidationError(_("Give a date and time as ISO 8601, e.g. 2025-03-14T09:30:00+00:00."))
        try:
            value = parse_datetime(data.strip())
        except ValueError:
            value = None
        if value is None:
            raise serializers.ValidationError(_("Give a date and time as ISO 8601, e.g. 2025-03-14T09:30:00+00:00."))
        return value

    def to_representation(self, value):
        return value.isoformat()


def _text(max_length=None, **kwargs):
    return serializers.CharField(required=False, allow_blank=True, max_length=max_length, **kwargs)


class EventInputSerializer(CleanTextSerializer):
    """What the secretariat writes; `title` and `description` are the English text, `title_fr` and
    `description_fr` the French. `status` moves the event through its workflow (publish, close, reopen, cancel)."""

    title = serializers.CharField(max_length=255, required=False)
    title_fr = _text(255, allow_null=True)
    description = _text()
    description_fr = _text(allow_null=True)
    kind = serializers.ChoiceField(choices=EventKind.choices, required=False)
    host_city = serializers.SlugRelatedField(
        slug_field="slug", queryset=City.objects.all(), required=False, allow_null=True
    )
    place = _text(255)
    online_url = serializers.URLField(required=False, allow_blank=True, max_length=500)
    time_zone = serializers.CharField(required=False, max_length=64, validators=[validate_time_zone])
    starts_at = TimeField(required=False)
    ends_at = TimeField(required=False)
    registration_opens = TimeField(required=False, allow_null=True)
    registration_closes = TimeField(required=False, allow_null=True)
    capacity = serializers.IntegerField(required=False, min_value=1, max_value=100_000)
    city_limit = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=1000)
    waiting_list = serializers.BooleanField(required=False)
    status = serializers.ChoiceField(choices=EventStatus.choices, required=False)
    cancel_reason = _text(2000)
    audience = serializers.ChoiceField(choices=Audience.choices, required=False)
    network = serializers.SlugRelatedField(
        slug_field="slug", queryset=NationalNetwork.objects.all(), required=False, allow_null=True
    )
    invited_cities = serializers.SlugRelatedField(
        slug_field="slug", queryset=City.objects.all(), many=True, required=False
    )
    fields_of_action = serializers.SlugRelatedField(
        slug_field="code", queryset=FieldOfAction.objects.all(), many=True, required=False
    )
    practices = serializers.PrimaryKeyRelatedField(queryset=GoodPractice.objects.published(), many=True, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.context.get("event") is None:  # creating: these are needed, and named with the other problems
            for name in ("title", "kind", "starts_at", "ends_at"):
                self.fields[name].required = True

    def validate(self, data):
        instance = self.context.get("event")
        zone = data.get("time_zone") or (instance.time_zone if instance else None) or "Europe/Paris"
        for name in LOCAL_TIMES:
            value = data.get(name)
            if value is not None and value.tzinfo is None:
                data[name] = value.replace(tzinfo=zoneinfo.ZoneInfo(zone))
        return data

    def service_data(self) -> dict:
        """The validated data under the services' names (title → title_en, description → description_en)."""
        data = dict(self.validated_data)
        data.pop("status", None)
        data.pop("cancel_reason", None)
        if "title" in data:
            data["title_en"] = data.pop("title")
        if "description" in data:
            data["description_en"] = data.pop("description")
        for name in ("title_fr", "description_fr"):
            if name in data and not data[name]:
                data[name] = None
        return data


class RegistrationSerializer(serializers.ModelSerializer):
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    city = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    nationality = serializers.SerializerMethodField()

    class Meta:
        model = Registration
        fields = [
            "id", "event", "city", "name", "email", "department", "gender", "nationality", "status", "position",
            "registered_at", "promoted_at",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field({"type": "string", "nullable": True, "description": "ISO 3166-1 alpha-2"})
    def get_nationality(self, registration) -> str | None:
        return registration.nationality or None


class RegistrationInputSerializer(CleanTextSerializer):
    """Checked by the services (events.people.clean_person), so the page and the API say the same; only the city is
    resolved here. `city` is needed only by someone who coordinates several cities (or the secretariat)."""

    name = serializers.JSONField(required=False)
    email = serializers.JSONField(required=False)
    department = serializers.JSONField(required=False)
    gender = serializers.JSONField(required=False)
    nationality = serializers.JSONField(required=False, allow_null=True)
    city = serializers.SlugRelatedField(slug_field="slug", queryset=City.objects.all(), required=False)


class ReasonSerializer(CleanTextSerializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=2000)
