"""Events: the secretariat creates, edits, publishes, closes and cancels them, adds their documents, writes to their
participants and opens a second session of a full one. Each state change is checked against one table:

    draft ─publish→ published ─close→ closed ─reopen→ published
      └─────────────────┴──────────cancel─────────┴→ cancelled
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cities.models import City
from core.permissions import require_secretariat
from core.workflow import Transition, Workflow
from goodpractices.uploads import check_reference_upload

from .. import emails
from ..choices import ACTIVE_STATUSES, Audience, EventStatus, RegistrationAction
from ..choices import RegistrationStatus as Status
from ..models import Event, EventDocument, RegistrationLog
from .registrations import lock_event, settle_after_change

EVENT_WORKFLOW = Workflow(
    [
        Transition("publish", {EventStatus.DRAFT}, EventStatus.PUBLISHED, label=gettext_lazy("Publish")),
        Transition("close", {EventStatus.PUBLISHED}, EventStatus.CLOSED, label=gettext_lazy("Close registration")),
        Transition("reopen", {EventStatus.CLOSED}, EventStatus.PUBLISHED, label=gettext_lazy("Reopen registration")),
        Transition(
            "cancel",
            {EventStatus.DRAFT, EventStatus.PUBLISHED, EventStatus.CLOSED},
            EventStatus.CANCELLED,
            label=gettext_lazy("Cancel the event"),
        ),
    ]
)

# The fields of an event the desk form and the API write (the many-to-many ones after saving).
SCALAR_FIELDS = (
    "title_en", "title_fr", "description_en", "description_fr", "kind", "host_city", "place", "online_url",
    "time_zone", "starts_at", "ends_at", "registration_opens", "registration_closes", "capacity", "city_limit",
    "waiting_list", "audience", "network", "priority_until",
)  # fmt: skip
MANY_FIELDS = ("fields_of_action", "practices", "invited_cities", "priority_cities")
# How long the cities of a first session's waiting list have a second session to themselves, by default.
PRIORITY_PERIOD = datetime.timedelta(days=7)
# Words of the routes under /events/: an event slugged so would be shadowed by the route.
RESERVED_SLUGS = frozenset({"desk", "statistics", "new", "calendar", "feed", "documents", "registrations", "api"})


@transaction.atomic
def event_create(*, data: dict, by) -> Event:
    """A draft event (the secretariat's); `data` as SCALAR_FIELDS and MANY_FIELDS, `title_en` at least."""
    require_secretariat(by)
    event = Event(created_by=by)
    _apply(event, data)
    event.slug = _unique_slug(data.get("slug") or event.title_en or event.title)
    _validate(event)
    event.save()
    _apply_many(event, data)
    _check_audience(event)
    return event


@transaction.atomic
def event_update(*, event: Event, data: dict, by) -> Event:
    """Edits an event; more places or a higher city limit confirm waiting registrations at once."""
    require_secretariat(by)
    event = lock_event(event)
    if event.status == EventStatus.CANCELLED:
        raise ValidationError(_("A cancelled event cannot be edited."))
    _apply(event, data)
    if event.capacity < event.confirmed_count:
        raise ValidationError(
            {
                "capacity": [
                    _("%(count)s people are confirmed: cancel registrations before lowering the places below that.")
                    % {"count": event.confirmed_count}
                ]
            }
        )
    _validate(event)
    event.save()
    _apply_many(event, data)
    _check_audience(event)
    settle_after_change(event, by=by)
    return event


def _apply(event: Event, data: dict) -> None:
    for name in SCALAR_FIELDS:
        if name in data:
            value = data[name]
            if isinstance(value, str):
                value = value.strip()
            if value is None and name in ("description_en", "place", "online_url", "time_zone"):
                value = ""
            setattr(event, name, value)
    # The untranslated columns hold the English text (modeltranslation's fallback reads the others).
    event.title = event.title_en or event.title
    event.description = event.description_en or ""


def _apply_many(event: Event, data: dict) -> None:
    for name in MANY_FIELDS:
        if name in data and data[name] is not None:
            getattr(event, name).set(data[name])


def _validate(event: Event) -> None:
    if not (event.title_en or "").strip():
        raise ValidationError({"title": [_("Give the event a title in English.")]})
    event.full_clean(exclude=["slug", "title", "description", "created_by"], validate_constraints=False)
    errors = {}
    if event.ends_at < event.starts_at:
        errors["ends_at"] = [_("The event cannot end before it starts.")]
    if event.registration_opens and event.registration_closes and event.registration_closes < event.registration_opens:
        errors["registration_closes"] = [_("Registration cannot close before it opens.")]
    if event.registration_closes and event.registration_closes > event.ends_at:
        errors["registration_closes"] = [_("Registration cannot close after the event ends.")]
    if event.audience == Audience.NETWORK and not event.network_id:
        errors["network"] = [_("Choose the national network whose cities may register.")]
    if errors:
        raise ValidationError(errors)


def _check_audience(event: Event) -> None:
    if event.audience == Audience.INVITED and event.status != EventStatus.DRAFT and not event.invited_cities.exists():
        raise ValidationError({"invited_cities": [_("Invite at least one city.")]})


def _unique_slug(title: str) -> str:
    base = slugify(title)[:200] or "event"
    if base in RESERVED_SLUGS:
        base = f"{base}-event"
    slug, n = base, 2
    while Event.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


# The workflow


@transaction.atomic
def event_publish(*, event: Event, by) -> Event:
    """Draft → published: on the calendar, open to registration in its window. A second session's priority cities
    are invited by e-mail."""
    require_secretariat(by)
    event = lock_event(event)
    EVENT_WORKFLOW.check(event, "publish")
    if event.audience == Audience.INVITED and not event.invited_cities.exists():
        raise ValidationError({"invited_cities": [_("Invite at least one city before publishing.")]})
    event.status = EventStatus.PUBLISHED
    event.published_at = timezone.now()
    if event.priority_until is None and event.priority_cities.exists():
        event.priority_until = min(event.published_at + PRIORITY_PERIOD, event.registration_closes_at)
    event.save(update_fields=["status", "published_at", "priority_until", "updated_at"])
    for city in event.priority_cities.all():
        emails.to_city_coordinators("event_second_session", event, city)
    for city in event.invited_cities.all() if event.audience == Audience.INVITED else []:
        emails.to_city_coordinators("event_invitation", event, city)
    return event


@transaction.atomic
def event_close(*, event: Event, by) -> Event:
    """Closes registration early; cancellations still give places to the waiting list."""
    return _move(event, "close", by)


@transaction.atomic
def event_reopen(*, event: Event, by) -> Event:
    return _move(event, "reopen", by)


def _move(event: Event, action: str, by) -> Event:
    require_secretariat(by)
    event = lock_event(event)
    transition = EVENT_WORKFLOW.check(event, action)
    event.status = transition.target
    event.save(update_fields=["status", "updated_at"])
    return event


@transaction.atomic
def event_cancel(*, event: Event, by, reason: str = "") -> Event:
    """Cancels the event: every registration with it, and everyone registered is told (each participant, and the
    coordinators of each registering city)."""
    require_secretariat(by)
    event = lock_event(event)
    EVENT_WORKFLOW.check(event, "cancel")
    if not isinstance(reason, str) or "\0" in reason:
        raise ValidationError({"reason": [_("Send the reason as text.")]})
    now = timezone.now()
    event.status = EventStatus.CANCELLED
    event.cancelled_at = now
    event.cancel_reason = reason.strip()[:2000]
    event.save(update_fields=["status", "cancelled_at", "cancel_reason", "updated_at"])
    registrations = list(event.registrations.filter(status__in=ACTIVE_STATUSES).select_related("city"))
    RegistrationLog.objects.bulk_create(
        RegistrationLog(
            registration=r, action=RegistrationAction.CANCELLED, from_status=r.status, to_status=Status.CANCELLED,
            reason=event.cancel_reason, by=by,
        )
        for r in registrations
    )  # fmt: skip
    event.registrations.filter(pk__in=[r.pk for r in registrations]).update(
        status=Status.CANCELLED, position=None, cancelled_at=now, cancel_reason=event.cancel_reason
    )
    event.confirmed_count = event.waitlisted_count = 0
    Event.objects.filter(pk=event.pk).update(confirmed_count=0, waitlisted_count=0)
    reason_context = {"reason": event.cancel_reason}
    for registration in registrations:
        registration.event = event
        emails.to_participant("event_cancelled", registration, **reason_context)
    for city in {r.city_id: r.city for r in registrations}.values():
        emails.to_city_coordinators("event_cancelled_city", event, city, **reason_context)
    return event


# A second session


@transaction.atomic
def event_second_session(*, event: Event, by, starts_at, ends_at, priority_until=None) -> Event:
    """A draft copy of a full event for new dates, whose first places go to the cities still on the waiting list:
    until `priority_until` (default: a week after publication) only they may register. They are invited by e-mail
    when the session is published."""
    require_secretariat(by)
    event = lock_event(event)
    waiting_cities = list(
        City.objects.filter(pk__in=event.registrations.waiting().values("city_id")).order_by("name").distinct()
    )
    data = {
        name: getattr(event, name) for name in SCALAR_FIELDS if name not in ("registration_opens", "priority_until")
    }
    data.update(
        title_en=_("%(title)s – second session") % {"title": event.title_en or event.title},
        title_fr=f"{event.title_fr or event.title_en or event.title} – deuxième session",
        starts_at=starts_at,
        ends_at=ends_at,
        registration_closes=None,
        priority_until=priority_until,
        fields_of_action=list(event.fields_of_action.all()),
        practices=list(event.practices.all()),
        invited_cities=list(event.invited_cities.all()),
        priority_cities=waiting_cities,
    )
    session = event_create(data=data, by=by)
    session.second_session_of = event
    session.save(update_fields=["second_session_of"])
    return session


# Documents


@transaction.atomic
def document_add(*, event: Event, kind: str, upload, by) -> EventDocument:
    """A programme, report or conclusions (PDF, Word, OpenDocument or image of at most 10 MB, checked by content),
    saved through the storage API."""
    require_secretariat(by)
    content_type = check_reference_upload(upload)
    document = EventDocument(
        event=event, kind=kind, name=_safe_name(upload.name), content_type=content_type, size=upload.size,
        uploaded_by=by,
    )  # fmt: skip
    document.full_clean(exclude=["file"])
    document.file.save(document.name, upload, save=False)
    document.save()
    return document


def _safe_name(name: str) -> str:
    name = (name or "document").replace("\\", "/").rsplit("/", 1)[-1].replace("\0", "")
    return name.strip()[:200] or "document"


@transaction.atomic
def document_delete(*, document: EventDocument, by) -> None:
    require_secretariat(by)
    stored = document.file.name
    document.delete()
    storage = document.file.storage
    transaction.on_commit(lambda: storage.delete(stored))


# Writing to participants


@transaction.atomic
def participants_message(*, event: Event, subject: str, body: str, by) -> int:
    """One e-mail per confirmed participant, in their language as written by the secretariat. Returns how many."""
    require_secretariat(by)
    subject, body = (subject or "").strip(), (body or "").strip()
    errors = {}
    if not subject or "\0" in subject or len(subject) > 200:
        errors["subject"] = [_("Write a subject of at most 200 characters.")]
    if not body or "\0" in body:
        errors["body"] = [_("Write the message.")]
    if errors:
        raise ValidationError(errors)
    registrations = list(event.registrations.confirmed().exclude(email="").select_related("city", "event"))
    for registration in registrations:
        emails.to_participant("event_message", registration, subject=subject, body=body)
    return len(registrations)
