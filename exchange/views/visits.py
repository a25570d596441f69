"""Study-visit requests: asked from a city page, answered and followed on the desk."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cities import rules
from cities.models import City
from core.errors import StateConflict
from core.permissions import secretariat_required
from goodpractices.models import GoodPractice

from ..forms import VisitAnswerForm, VisitRequestForm
from ..models import VisitRequest
from ..selectors.visits import visits_visible_to
from ..services import visits as services
from ..workflow import VISIT_WORKFLOW


@login_required
def visit_new(request, city_slug):
    host = get_object_or_404(City.objects.filter(status="member"), slug=city_slug)
    cities = City.objects.filter(pk__in=rules.coordinated_city_ids(request.user)).exclude(pk=host.pk).order_by("name")
    if not cities.exists():
        raise Http404  # only another city's coordinators ask a city to host them
    practices = GoodPractice.objects.published().filter(city=host).order_by("title")
    initial = {"practices": request.GET.getlist("practice"), "field": request.GET.get("field")}
    form = VisitRequestForm(request.POST or None, cities=cities, practices=practices, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.visit_request(
                requesting_city=data["city"],
                host_city=host,
                field=data["field"],
                practices=data["practices"],
                message=data["message"],
                period=data["period"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your request was sent to %(city)s's coordinators.") % {"city": host.name})
            return redirect("exchange:desk-visits")
    status = 400 if form.errors else 200
    return render(request, "exchange/visit_form.html", {"form": form, "host": host}, status=status)


ANSWERED = ("accept", "decline")


@login_required
def desk_visits(request, *, refused: tuple | None = None):
    """The requests received and sent. `refused` is (visit id, action, bound form) of an answer that could not be
    taken: its box shows what was typed and why (400), the other forms are blank."""
    if not (rules.is_coordinator(request.user) or rules.is_secretariat(request.user)):
        raise Http404
    mine = rules.coordinated_city_ids(request.user)
    visits = list(visits_visible_to(user=request.user)[:200])
    for visit in visits:
        # Each action is a small form of its own; accepting or declining carries an answer, whose box has an id of
        # its own on the page ("answer-12-accept-answer").
        visit.action_forms = [
            (action, _answer_form(visit, action.action, refused))
            for action in VISIT_WORKFLOW.available_actions(visit, request.user)
            if action.action != "schedule"
        ]
    context = {
        "received": [v for v in visits if v.host_city_id in mine],
        "sent": [v for v in visits if v.requesting_city_id in mine],
        "others": [v for v in visits if v.host_city_id not in mine and v.requesting_city_id not in mine],
    }
    return render(request, "exchange/desk/visits.html", context, status=400 if refused else 200)


def _answer_form(visit, action: str, refused: tuple | None = None, data=None) -> VisitAnswerForm | None:
    """The answer box of accepting or declining `visit` (its ids its own on the page); the refused one as posted."""
    if action not in ANSWERED:
        return None
    if refused and refused[:2] == (visit.pk, action):
        return refused[2]
    return VisitAnswerForm(data, auto_id=f"answer-{visit.pk}-{action}-%s")


@login_required
@require_POST
def desk_visit_act(request, pk, action):
    visit = get_object_or_404(visits_visible_to(user=request.user), pk=pk)
    form = _answer_form(visit, action, data=request.POST)
    if action in ANSWERED and not form.is_valid():  # an answer too long: nothing is done, the text is kept
        return desk_visits(request, refused=(visit.pk, action, form))
    try:
        if action in ANSWERED:
            services.visit_answer(request=visit, action=action, by=request.user, answer=form.cleaned_data["answer"])
        elif action == "withdraw":
            services.visit_withdraw(request=visit, by=request.user)
        else:
            raise Http404
    except (ValidationError, StateConflict, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("Done."))
    return redirect("exchange:desk-visits")


@secretariat_required
@require_POST
def visit_schedule(request, pk):
    """One step from an accepted request to a draft event, then on to the events desk to set its dates."""
    visit = get_object_or_404(VisitRequest, pk=pk)
    try:
        event = services.visit_schedule(request=visit, by=request.user)
    except (ValidationError, StateConflict) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("exchange:secretariat")
    messages.success(request, _("A draft study visit was created: set its dates, then publish it."))
    return redirect("events:desk-edit", slug=event.slug)
