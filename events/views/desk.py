"""The secretariat's event desk: the list of events (drafts too), the form, and an event's participants and waiting
list side by side with the actions on them: publish, close, reopen or cancel; promote, move or cancel a
registration with a reason; documents; a message to every confirmed participant; the CSV of participants; a second
session of a full event."""

import zoneinfo

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from core.csv import csv_writer, safe_row
from core.errors import StateConflict
from core.iso3166 import country_name
from core.permissions import secretariat_required

from .. import selectors, services
from ..choices import EventStatus, RegistrationStatus
from ..forms import (
    DocumentForm,
    EventCancelForm,
    EventForm,
    MessageForm,
    MoveForm,
    RegistrationReasonForm,
    SecondSessionForm,
    move_targets,
)
from ..models import Event, EventDocument, Registration

WORKFLOW = {
    "publish": (services.event_publish, gettext_lazy("Published: the event is on the calendar.")),
    "close": (services.event_close, gettext_lazy("Registration is closed.")),
    "reopen": (services.event_reopen, gettext_lazy("Registration is open again.")),
}
PROBLEMS = (StateConflict, ValidationError, PermissionDenied)
# The zones a desk form proposes (any IANA name is accepted): the world's cities' zones, not the legacy aliases.
TIME_ZONES = sorted(zone for zone in zoneinfo.available_timezones() if "/" in zone and not zone.startswith("Etc/"))


def _error(request, error) -> None:
    text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
    messages.error(request, text)


def _event(slug) -> Event:
    return get_object_or_404(Event.objects.select_related("host_city", "network"), slug=slug)


@secretariat_required
def desk(request):
    events = Event.objects.select_related("host_city").order_by("-starts_at")
    status = request.GET.get("status")
    if status in {"draft", "published", "closed", "cancelled"}:
        events = events.filter(status=status)
    context = {"events": events[:200], "status": status, "status_choices": EventStatus.choices}
    return render(request, "events/desk/list.html", context)


@secretariat_required
def create(request):
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(data=form.service_data(), by=request.user)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("The draft is saved; publish it when it is ready."))
            return redirect("events:desk-event", slug=event.slug)
    context = {"form": form, "time_zones": TIME_ZONES}
    return render(request, "events/desk/form.html", context, status=400 if form.errors else 200)


@secretariat_required
def edit(request, slug):
    event = _event(slug)
    form = EventForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(event=event, data=form.service_data(), by=request.user)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("events:desk-event", slug=event.slug)
    context = {"form": form, "event": event, "time_zones": TIME_ZONES}
    return render(request, "events/desk/form.html", context, status=400 if form.errors else 200)


def _form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            for problem in problems:
                form.add_error(field if field in form.fields else None, problem)
    else:
        for problem in error.messages:
            form.add_error(None, problem)


@secretariat_required
def event_desk(request, slug):
    return _event_desk_page(request, _event(slug))


def _event_desk_page(
    request, event: Event, refused: tuple[int, str, object] | None = None, cancel_form=None, status: int = 200
):
    """The desk of one event. `refused` is (registration pk, action, bound form) when an action on a registration
    was refused for what was typed: that form is shown again, open, with its errors beside the fields; so is
    `cancel_form`, the event's own cancelling."""
    confirmed, waiting = selectors.event_registrations(event)
    targets = list(move_targets(event).only("pk", "title", "title_en", "title_fr").order_by("starts_at"))
    for registration in (*confirmed, *waiting):
        registration.actions_open = refused is not None and refused[0] == registration.pk
        if event.status != EventStatus.CANCELLED or registration.actions_open:
            registration.action_forms = _registration_forms(registration, targets, refused)
    if refused and not any(r.pk == refused[0] for r in (*confirmed, *waiting)):  # no longer listed: say why here
        for problems in refused[2].errors.values():
            messages.error(request, " ".join(problems))
    context = {
        "event": event,
        "confirmed": confirmed,
        "waiting": waiting,
        "actions": services.EVENT_WORKFLOW.available_actions(event, request.user),
        "cancel_form": cancel_form or EventCancelForm(auto_id="cancel-%s"),
        "message_form": MessageForm(),
        "document_form": DocumentForm(),
        "second_session_form": SecondSessionForm(initial={"time_zone": event.time_zone}),
        "documents": event.documents.all(),
        "sessions": event.second_sessions.all(),
        "state": selectors.reader_state(event, request.user),
    }
    return render(request, "events/desk/event.html", context, status=status)


REGISTRATION_ACTIONS = {
    "cancel": gettext_lazy("Cancel the registration"),
    "promote": gettext_lazy("Promote now"),
    "move": gettext_lazy("Move"),
}


def _registration_form(registration: Registration, action: str, data=None, targets=None):
    """The small form of one action on one registration; its ids are its own on a page that lists many
    ("r12-cancel-reason", "r12-move-to_event")."""
    auto_id = f"r{registration.pk}-{action}-%s"
    if action == "move":
        return MoveForm(data, event=registration.event, targets=targets, auto_id=auto_id)
    return RegistrationReasonForm(data, auto_id=auto_id)


def _registration_forms(registration: Registration, targets: list[Event], refused) -> list[dict]:
    available = ["cancel"]
    if registration.status == RegistrationStatus.WAITLISTED:
        available.append("promote")
    if targets:
        available.append("move")
    if refused and refused[0] == registration.pk and refused[1] not in available:
        available.append(refused[1])  # the refused form is shown again, whatever changed since
    forms = []
    for action in available:
        if refused and refused[:2] == (registration.pk, action):
            form = refused[2]
        else:
            form = _registration_form(registration, action, targets=targets)
        forms.append({"action": action, "label": REGISTRATION_ACTIONS[action], "form": form})
    return forms


@secretariat_required
@require_POST
def workflow(request, slug, action):
    event = _event(slug)
    try:
        if action == "cancel":
            form = EventCancelForm(request.POST, auto_id="cancel-%s")
            if not form.is_valid():  # a reason too long: shown again beside the box, nothing is cancelled
                return _event_desk_page(request, event, cancel_form=form, status=400)
            services.event_cancel(event=event, by=request.user, reason=form.cleaned_data["reason"])
            done = _("The event is cancelled; everyone registered is being told.")
        elif action in WORKFLOW:
            service, done = WORKFLOW[action]
            service(event=event, by=request.user)
        else:
            raise Http404
    except PROBLEMS as error:
        _error(request, error)
    else:
        messages.success(request, done)
    return redirect("events:desk-event", slug=slug)


@secretariat_required
@require_POST
def registration_action(request, pk, action):
    registration = get_object_or_404(Registration.objects.select_related("event", "city"), pk=pk)
    slug = registration.event.slug
    if action not in REGISTRATION_ACTIONS:
        raise Http404
    form = _registration_form(registration, action, data=request.POST)
    if not form.is_valid():
        # Shown again with the error beside the box (a reason too long, an event one cannot move to): nothing done.
        return _event_desk_page(request, registration.event, refused=(registration.pk, action, form), status=400)
    reason = form.cleaned_data["reason"]
    try:
        if action == "cancel":
            services.registration_cancel(registration=registration, by=request.user, reason=reason)
            done = _("Cancelled; the first waiting registration the limits allow has the place.")
        elif action == "promote":
            services.registration_promote(registration=registration, by=request.user, reason=reason)
            done = _("Promoted: the place is confirmed.")
        else:
            moved = services.registration_move(
                registration=registration, to_event=form.cleaned_data["to_event"], by=request.user, reason=reason
            )
            done = _("Moved to %(event)s.") % {"event": moved.event.title}
    except PROBLEMS as error:
        _error(request, error)
    else:
        messages.success(request, done)
    return redirect("events:desk-event", slug=slug)


@secretariat_required
def participants_csv(request, slug):
    """The confirmed participants as CSV, every cell formula-safe."""
    event = _event(slug)
    writer = csv_writer()
    header = ["name", "email", "department", "city", "country", "gender", "nationality", "registered_at"]

    def rows():
        yield writer.writerow(header)
        for r in selectors.event_participants(event).iterator():
            nationality = country_name(r.nationality, "en") if r.nationality else ""
            values = [r.name, r.email, r.department, r.city.name, r.city.country.name, r.gender, nationality]
            yield writer.writerow(safe_row([*values, r.registered_at]))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-participants.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


@secretariat_required
@require_POST
def message(request, slug):
    event = _event(slug)
    form = MessageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write a subject and a message."))
        return redirect("events:desk-event", slug=slug)
    try:
        count = services.participants_message(event=event, by=request.user, **form.cleaned_data)
    except PROBLEMS as error:
        _error(request, error)
    else:
        messages.success(
            request,
            ngettext("Sent to %(count)s participant.", "Sent to %(count)s participants.", count) % {"count": count},
        )
    return redirect("events:desk-event", slug=slug)


@secretariat_required
@require_POST
def second_session(request, slug):
    event = _event(slug)
    form = SecondSessionForm(request.POST)
    if not form.is_valid():
        for problems in form.errors.values():
            for problem in problems:
                messages.error(request, problem)
        return redirect("events:desk-event", slug=slug)
    data = form.cleaned_data
    try:
        session = services.event_second_session(
            event=event, by=request.user, starts_at=data["starts_at"], ends_at=data["ends_at"],
            priority_until=data.get("priority_until"),
        )  # fmt: skip
    except PROBLEMS as error:
        _error(request, error)
        return redirect("events:desk-event", slug=slug)
    messages.success(
        request,
        _("A draft of the second session is ready; the cities of the waiting list are invited when you publish."),
    )
    return redirect("events:desk-event", slug=session.slug)


@secretariat_required
@require_POST
def document_upload(request, slug):
    event = _event(slug)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose the kind of document and a file."))
    else:
        try:
            services.document_add(
                event=event, kind=form.cleaned_data["kind"], upload=form.cleaned_data["file"], by=request.user
            )
        except PROBLEMS as error:
            _error(request, error)
        else:
            messages.success(request, _("The document is added to the event's page."))
    return redirect("events:desk-event", slug=slug)


@secretariat_required
@require_POST
def document_delete(request, slug, pk):
    document = get_object_or_404(EventDocument, pk=pk, event__slug=slug)
    services.document_delete(document=document, by=request.user)
    messages.success(request, _("The document is removed."))
    return redirect("events:desk-event", slug=slug)
