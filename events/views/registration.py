"""Registration by coordinators: the form on an event (several colleagues at once), and the coordinator's list of
their cities' registrations across events, where they cancel one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cities import rules
from core.errors import StateConflict

from .. import selectors, services
from ..forms import CityChoiceForm, PeopleFormSet, ReasonForm
from ..models import Registration


@login_required
def register(request, slug):
    """The coordinator's form: up to five people per page, all registered or none."""
    event = get_object_or_404(selectors.events_visible_to(request.user), slug=slug)
    if not (rules.coordinated_city_ids(request.user) or rules.is_secretariat(request.user)):
        raise Http404
    cities = selectors.registering_cities(request.user, event)
    refusal = services.registration_refusal(event) or (
        "" if cities else _("None of your cities may register for this event.")
    )
    city_form = CityChoiceForm(request.POST or None, cities=cities, prefix="c")
    formset = PeopleFormSet(request.POST or None, prefix="people")
    if request.method == "POST" and not refusal and city_form.is_valid() and formset.is_valid():
        rows = [form for form in formset if not form.is_blank()]
        if not rows:
            messages.error(request, _("Fill in at least one person."))
        else:
            done = _register(request, event, city_form.cleaned_data["city"], rows, formset)
            if done is not None:
                return done
    context = {
        "event": event,
        "state": selectors.reader_state(event, request.user),
        "refusal": refusal,
        "city_form": city_form,
        "formset": formset,
        "single_city": len(cities) == 1,
        "registrations": selectors.city_registrations(request.user, event=event),
    }
    return render(request, "events/register.html", context, status=400 if request.method == "POST" else 200)


def _register(request, event, city, rows, formset):
    people = [form.cleaned_data for form in rows]
    try:
        created = services.registrations_create(
            event=event, city=city, people=people, by=request.user, language=get_language() or "en"
        )
    except services.PeopleInvalid as error:
        for index, fields in error.rows.items():
            for field, problems in fields.items():
                for problem in problems:
                    rows[index].add_error(field if field in rows[index].fields else None, problem)
        return None
    except ValidationError as error:
        for field, problems in error.message_dict.items():
            target = rows[0] if len(rows) == 1 and field in rows[0].fields else None
            for problem in problems:
                (target.add_error(field, problem) if target else messages.error(request, problem))
        return None
    except (StateConflict, PermissionDenied) as error:
        messages.error(request, str(error))
        return None
    confirmed = sum(1 for r in created if r.status == "confirmed")
    waiting = [r for r in created if r.status == "waitlisted"]
    text = ngettext("%(count)s person confirmed.", "%(count)s people confirmed.", confirmed) % {"count": confirmed}
    if waiting:
        text += " " + ngettext(
            "%(count)s on the waiting list (position %(positions)s).",
            "%(count)s on the waiting list (positions %(positions)s).",
            len(waiting),
        ) % {"count": len(waiting), "positions": ", ".join(str(r.position) for r in waiting)}
    messages.success(request, text)
    return redirect("events:register", slug=event.slug)


@login_required
def my_registrations(request):
    """The registrations of the coordinator's cities across events, with their state and place on the waiting list."""
    if rules.is_secretariat(request.user) and not rules.coordinated_city_ids(request.user):
        return redirect("events:desk")
    if not rules.coordinated_city_ids(request.user):
        raise Http404
    registrations = selectors.city_registrations(request.user)
    return render(request, "events/my_registrations.html", {"registrations": registrations, "form": ReasonForm()})


@login_required
@require_POST
def cancel(request, pk):
    """A coordinator cancels one of their city's registrations; another city's is 404."""
    registration = get_object_or_404(selectors.registrations_visible_to(request.user), pk=pk)
    form = ReasonForm(request.POST)
    try:
        if not form.is_valid():  # a reason that cannot be kept (too long): nothing is cancelled
            raise ValidationError([message for errors in form.errors.values() for message in errors])
        services.registration_cancel(registration=registration, by=request.user, reason=form.cleaned_data["reason"])
    except (StateConflict, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("%(name)s's registration for %(event)s is cancelled.") % _names(registration))
    return redirect(request.POST.get("next") if _safe_next(request) else "event_desk:list")


def _names(registration: Registration) -> dict:
    return {"name": registration.name or _("(erased)"), "event": registration.event.title}


def _safe_next(request) -> bool:
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next")
    return bool(target) and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
