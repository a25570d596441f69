import uuid
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import (
    ACTIVE_STATUSES,
    PUBLIC_STATUSES,
    Audience,
    DocumentKind,
    EventKind,
    EventStatus,
    Gender,
    RegistrationAction,
    RegistrationStatus,
)

COUNTRY_CODE = RegexValidator(r"^[A-Z]{2}$", _("Use a two-letter ISO country code, e.g. PT."))


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(zone)s is not a time zone; use a name such as Europe/Lisbon.") % {"zone": value})


class EventQuerySet(models.QuerySet):
    def public(self):
        """Events the public sees: published once, whether registration has closed or the event was cancelled."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now())


class Event(models.Model):
    """An event of the ICC programme: a study visit that shows a city's practice to fellow practitioners, a thematic
    seminar, the coordinators' annual meeting, a policy lab between cities and national authorities, a training…
    Member cities register their people for it, within its capacity and the limit of places per city."""

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices)
    host_city = models.ForeignKey(
        "cities.City",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hosted_events",
        verbose_name=_("host city"),
    )
    place = models.CharField(_("place"), max_length=255, blank=True, help_text=_("Venue and address."))
    online_url = models.URLField(_("online link"), max_length=500, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("Where the event takes place, e.g. Europe/Lisbon: its times are shown in this zone."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    registration_opens = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: as soon as the event is published.")
    )
    registration_closes = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: when the event starts.")
    )
    capacity = models.PositiveIntegerField(_("places"), default=30, validators=[MinValueValidator(1)])
    city_limit = models.PositiveSmallIntegerField(
        _("places per city"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Empty: no limit per city."),
    )
    waiting_list = models.BooleanField(
        _("waiting list"), default=True, help_text=_("Registrations beyond the places wait for one to free.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EventStatus.choices, default=EventStatus.DRAFT, db_index=True
    )
    audience = models.CharField(
        _("who may register"), max_length=20, choices=Audience.choices, default=Audience.MEMBERS
    )
    network = models.ForeignKey(
        "cities.NationalNetwork",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("national network"),
    )
    invited_cities = models.ManyToManyField(
        "cities.City", blank=True, related_name="invited_events", verbose_name=_("invited cities")
    )
    # A second session invites the cities left on the first one's waiting list first: until `priority_until` only
    # the priority cities may register, afterwards everyone the audience allows.
    priority_cities = models.ManyToManyField(
        "cities.City", blank=True, related_name="priority_events", verbose_name=_("cities invited first")
    )
    priority_until = models.DateTimeField(
        _("cities invited first only until"),
        null=True,
        blank=True,
        help_text=_("Until then only the cities invited first may register."),
    )
    fields_of_action = models.ManyToManyField(
        "goodpractices.FieldOfAction", blank=True, related_name="events", verbose_name=_("fields of action")
    )
    practices = models.ManyToManyField(
        "goodpractices.GoodPractice", blank=True, related_name="events", verbose_name=_("showcased good practices")
    )
    second_session_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="second_sessions",
        verbose_name=_("second session of"),
    )

    # Kept by the services under the event's row lock, so that a list of thousands of events needs no count.
    confirmed_count = models.PositiveIntegerField(_("confirmed"), default=0, editable=False)
    waitlisted_count = models.PositiveIntegerField(_("waiting"), default=0, editable=False)

    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True, editable=False)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    # What the scheduled tasks did, so that each runs once whatever the number of beats.
    closing_note_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    participants_erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["status", "starts_at"], name="event_status_starts"),
            models.Index(fields=["status", "ends_at"], name="event_status_ends"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gte=models.F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(
                condition=Q(registration_opens__isnull=True)
                | Q(registration_closes__isnull=True)
                | Q(registration_closes__gte=models.F("registration_opens")),
                name="event_registration_closes_after_opening",
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="event_capacity_positive"),
            models.CheckConstraint(
                condition=Q(city_limit__isnull=True) | Q(city_limit__gte=1), name="event_city_limit_positive"
            ),
            models.CheckConstraint(
                condition=Q(confirmed_count__lte=models.F("capacity")) | Q(status="cancelled"),
                name="event_never_overbooked",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)

    def local(self, moment):
        """A moment in the event's own time zone (what its page, its API and its iCalendar show)."""
        return moment.astimezone(self.zone) if moment else None

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def registration_closes_at(self):
        """When registration closes: the set moment, or the start of the event."""
        return self.registration_closes or self.starts_at

    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    def is_past(self, now=None) -> bool:
        return self.ends_at < (now or timezone.now())


def _document_path(instance, filename: str) -> str:
    # A random name: the original name is kept in the database, never used as a path in the storage.
    return f"events/{uuid.uuid4().hex}"


class EventDocument(models.Model):
    """A document of an event: its programme before it, its report and conclusions after. Stored through Django's
    storage API (local disk or an S3-compatible store) and served by a view that checks the event is public."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to=_document_path, max_length=200)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("event document")
        verbose_name_plural = _("event documents")
        ordering = ["kind", "uploaded_at", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:document", kwargs={"slug": self.event.slug, "pk": self.pk, "name": self.name})


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waiting(self):
        """The waiting list in its fair order (see services.registration)."""
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("position")


class Registration(models.Model):
    """A person a city's coordinator registers for an event: a colleague from a department, an urban planner, the
    coordinator themselves. Confirmed while places and the city's limit allow; otherwise on the waiting list, at
    `position` in its fair order."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    city = models.ForeignKey("cities.City", on_delete=models.PROTECT, related_name="registrations")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    department = models.CharField(_("department or organisation"), max_length=200, blank=True)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices)
    nationality = models.CharField(_("nationality"), max_length=2, blank=True, validators=[COUNTRY_CODE])
    language = models.CharField(_("language of e-mails"), max_length=5, default="en")
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    position = models.PositiveIntegerField(_("place on the waiting list"), null=True, blank=True)
    # The fair order's tie-breaker: set inside the event's lock, so it follows the order the registrations were taken.
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("promoted from the waiting list"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancel_reason = models.TextField(_("reason"), blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["registered_at", "id"]
        indexes = [
            models.Index(fields=["event", "status"], name="registration_event_status"),
            models.Index(fields=["city", "status"], name="registration_city_status"),
        ]
        constraints = [
            # Renumbering the waiting list moves positions in one statement: the check waits for the commit.
            models.UniqueConstraint(
                fields=["event", "position"],
                name="registration_one_per_position",
                deferrable=models.Deferrable.DEFERRED,
            ),
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=ACTIVE_STATUSES) & ~Q(email=""),
                name="registration_one_active_per_email",
            ),
            models.CheckConstraint(
                condition=Q(status=RegistrationStatus.WAITLISTED, position__isnull=False)
                | (~Q(status=RegistrationStatus.WAITLISTED) & Q(position__isnull=True)),
                name="registration_position_only_when_waiting",
            ),
            models.CheckConstraint(
                condition=Q(nationality="") | Q(nationality__regex=r"^[A-Z]{2}$"),
                name="registration_nationality_is_iso",
            ),
        ]

    def __str__(self):
        return f"{self.name or _('(erased)')} – {self.event}"

    @property
    def is_cancellable(self) -> bool:
        """Whether the registering city may still cancel it (until the event starts)."""
        return (
            self.status != RegistrationStatus.CANCELLED
            and self.event.status != EventStatus.CANCELLED
            and self.event.starts_at > timezone.now()
        )


class RegistrationLog(models.Model):
    """A step of a registration (registered, promoted, cancelled, moved): who, when and why."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="log")
    action = models.CharField(_("action"), max_length=20, choices=RegistrationAction.choices)
    from_status = models.CharField(_("from"), max_length=12, choices=RegistrationStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=12, choices=RegistrationStatus.choices)
    reason = models.TextField(_("reason"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("registration step")
        verbose_name_plural = _("registration steps")
        ordering = ["at", "id"]

    def __str__(self):
        return f"{self.registration_id}: {self.action}"
