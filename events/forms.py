"""Forms of the registration page, the coordinator's desk and the secretariat's event desk. They check the shape of
what is posted; the rules (places, limits, windows, who may) are the services'."""

import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cities.models import City, NationalNetwork
from core.forms import CleanTextForm
from core.iso3166 import country_choices
from goodpractices.models import FieldOfAction, GoodPractice

from .choices import Audience, DocumentKind, EventKind, Gender
from .models import Event, validate_time_zone
from .services.events import SCALAR_FIELDS

LOCAL_INPUT = "%Y-%m-%dT%H:%M"
PEOPLE_ROWS = 5


def _nationalities():
    return [("", _("Not given"))] + country_choices()


class ChoicesWidget(forms.Select):
    """A select whose choices are computed when it renders (the country names in the reader's language)."""

    def __init__(self, choices_function, **kwargs):
        super().__init__(**kwargs)
        self.choices_function = choices_function

    def get_context(self, name, value, attrs):
        self.choices = self.choices_function()
        return super().get_context(name, value, attrs)


class PersonForm(CleanTextForm):
    """One row of the registration form; an untouched row is skipped. Every value is checked by the service
    (events.people), so the page, the API and the services give the same messages."""

    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    email = forms.CharField(label=_("E-mail"), max_length=254, required=False, widget=forms.EmailInput)
    department = forms.CharField(label=_("Department or organisation"), max_length=200, required=False)
    gender = forms.CharField(
        label=_("Gender"), required=False, widget=forms.Select(choices=[("", "—")] + Gender.choices)
    )
    nationality = forms.CharField(label=_("Nationality"), required=False, widget=ChoicesWidget(_nationalities))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An untouched row is skipped, so no box is required as such: the label says which a person needs.
        for name in ("name", "email", "gender"):
            self.fields[name].required_label = _("required for each person")

    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {}) or {}
        return not any(data.get(name) for name in ("name", "email", "department", "gender"))


PeopleFormSet = forms.formset_factory(PersonForm, extra=PEOPLE_ROWS, max_num=50, absolute_max=50)


class CityChoiceForm(CleanTextForm):
    city = forms.ModelChoiceField(label=_("Registering city"), queryset=City.objects.none(), empty_label=None)

    def __init__(self, *args, cities: list[City], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = City.objects.filter(pk__in=[c.pk for c in cities]).order_by("name")
        if len(cities) == 1:
            self.fields["city"].initial = cities[0].pk  # the page sends it as a hidden field


class ReasonForm(CleanTextForm):
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class EventCancelForm(CleanTextForm):
    """The secretariat cancels an event; the reason is sent to everyone registered."""

    reason = forms.CharField(
        label=_("Reason for cancelling (sent to everyone registered)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def move_targets(event: Event):
    """The events a registration of `event` may be moved to: the others not cancelled and not over."""
    return Event.objects.exclude(pk=event.pk).exclude(status="cancelled").filter(ends_at__gte=timezone.now())


class RegistrationReasonForm(CleanTextForm):
    """The secretariat cancels or promotes one registration on the event desk, with a reason (kept in the log).
    Built with `auto_id=f"r{pk}-{action}-%s"`, so that every box of the page has an id of its own."""

    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000)


class MoveForm(RegistrationReasonForm):
    """The secretariat moves one registration to another event. `targets`, when given, are the choices shown (the
    desk computes them once for every registration it lists); what is posted is checked against `move_targets`."""

    to_event = forms.ModelChoiceField(
        label=_("Move to"),
        queryset=Event.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("Choose the event to move the registration to."),
            "invalid_choice": _("Choose the event to move the registration to: this one is cancelled, over or gone."),
        },
    )
    field_order = ["to_event", "reason"]

    def __init__(self, *args, event: Event, targets: list[Event] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_event"].queryset = move_targets(event)
        if targets is not None:
            self.fields["to_event"].choices = [(target.pk, target.title) for target in targets]


class MessageForm(CleanTextForm):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea)


class DocumentForm(CleanTextForm):
    kind = forms.ChoiceField(label=_("Document"), choices=DocumentKind.choices)
    file = forms.FileField(label=_("File"), help_text=_("PDF, Word, OpenDocument, PNG or JPEG, at most 10 MB."))


class LocalDateTimeField(forms.DateTimeField):
    """A date and time typed in the event's own time zone (set by the form once it knows the zone)."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_INPUT)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("input_formats", [LOCAL_INPUT, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"])
        super().__init__(*args, **kwargs)


def _in_zone(value, zone_name: str):
    """A moment Django read in the current time zone, re-read as the same wall-clock time in `zone_name`."""
    if value is None:
        return None
    return timezone.make_naive(value).replace(tzinfo=zoneinfo.ZoneInfo(zone_name))


class EventForm(CleanTextForm):
    """The secretariat's event form; times are typed in the event's time zone."""

    title_en = forms.CharField(label=_("Title (English)"), max_length=255)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=255, required=False)
    description_en = forms.CharField(label=_("Description (English)"), widget=forms.Textarea, required=False)
    description_fr = forms.CharField(label=_("Description (French)"), widget=forms.Textarea, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    host_city = forms.ModelChoiceField(label=_("Host city"), queryset=City.objects.all(), required=False)
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    online_url = forms.URLField(label=_("Online link"), max_length=500, required=False, assume_scheme="https")
    time_zone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        initial="Europe/Paris",
        validators=[validate_time_zone],
        widget=forms.TextInput(attrs={"list": "time-zones", "autocomplete": "off"}),
        help_text=_("A name such as Europe/Lisbon or Asia/Tokyo."),
    )
    starts_at = LocalDateTimeField(label=_("Starts"))
    ends_at = LocalDateTimeField(label=_("Ends"))
    registration_opens = LocalDateTimeField(label=_("Registration opens"), required=False)
    registration_closes = LocalDateTimeField(label=_("Registration closes"), required=False)
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=100_000, initial=30)
    city_limit = forms.IntegerField(label=_("Places per city"), min_value=1, max_value=1000, required=False)
    waiting_list = forms.BooleanField(label=_("Waiting list"), required=False, initial=True)
    audience = forms.ChoiceField(label=_("Who may register"), choices=Audience.choices)
    network = forms.ModelChoiceField(
        label=_("National network"), queryset=NationalNetwork.objects.all(), required=False
    )
    invited_cities = forms.ModelMultipleChoiceField(
        label=_("Invited cities"), queryset=City.objects.exclude(status="former"), required=False
    )
    fields_of_action = forms.ModelMultipleChoiceField(
        label=_("Fields of action"), queryset=FieldOfAction.objects.all(), required=False
    )
    practices = forms.CharField(
        label=_("Showcased good practices"),
        required=False,
        max_length=2000,
        help_text=_("The addresses (slugs) of published practices, separated by spaces or commas."),
    )

    def __init__(self, *args, event: Event | None = None, **kwargs):
        if event is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_of(event)
        super().__init__(*args, **kwargs)

    def clean_practices(self):
        slugs = [slug for slug in self.cleaned_data["practices"].replace(",", " ").split() if slug]
        found = list(GoodPractice.objects.published().filter(slug__in=slugs))
        missing = sorted(set(slugs) - {p.slug for p in found})
        if missing:
            raise ValidationError(_("No published practice at: %(slugs)s") % {"slugs": ", ".join(missing)})
        return found

    def clean(self):
        data = super().clean()
        zone = data.get("time_zone")
        if zone:
            for name in ("starts_at", "ends_at", "registration_opens", "registration_closes"):
                if data.get(name):
                    data[name] = _in_zone(data[name], zone)
        return data

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["title_fr"] = data.get("title_fr") or None
        data["description_fr"] = data.get("description_fr") or None
        return {name: data[name] for name in (*SCALAR_FIELDS, "fields_of_action", "practices", "invited_cities")
                if name in data}  # fmt: skip


def initial_of(event: Event) -> dict:
    initial = {name: getattr(event, name) for name in SCALAR_FIELDS if name != "priority_until"}
    for name in ("starts_at", "ends_at", "registration_opens", "registration_closes"):
        if initial[name]:
            initial[name] = event.local(initial[name]).strftime(LOCAL_INPUT)
    initial["host_city"] = event.host_city_id
    initial["network"] = event.network_id
    if event.pk:
        initial["invited_cities"] = list(event.invited_cities.values_list("pk", flat=True))
        initial["fields_of_action"] = list(event.fields_of_action.values_list("pk", flat=True))
        initial["practices"] = " ".join(event.practices.values_list("slug", flat=True))
    return initial


class SecondSessionForm(CleanTextForm):
    time_zone = forms.CharField(widget=forms.HiddenInput, validators=[validate_time_zone])
    starts_at = LocalDateTimeField(label=_("Starts"))
    ends_at = LocalDateTimeField(label=_("Ends"))
    priority_until = LocalDateTimeField(
        label=_("Cities of the waiting list only until"),
        required=False,
        help_text=_("Empty: one week after the second session is published."),
    )

    def clean(self):
        data = super().clean()
        zone = data.get("time_zone")
        if zone:
            for name in ("starts_at", "ends_at", "priority_until"):
                if data.get(name):
                    data[name] = _in_zone(data[name], zone)
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] < data["starts_at"]:
            self.add_error("ends_at", _("The event cannot end before it starts."))
        return data
