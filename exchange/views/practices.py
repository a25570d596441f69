"""On a practice: "we adapted this" from another city, and the owning city's follow-ups (written on the desk,
reviewed like news)."""

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
from goodpractices.models import GoodPractice

from ..forms import AdoptionForm, FollowUpForm, ReviewForm
from ..models import FollowUp
from ..services import practices as services
from ..services.review import review_act
from ..workflow import REVIEW_WORKFLOW


def adoption_form(user, practice: GoodPractice, data=None) -> AdoptionForm | None:
    """The "we adapted this" form for a coordinator of another city (None for everyone else)."""
    cities = City.objects.filter(pk__in=rules.coordinated_city_ids(user) - {practice.city_id}).order_by("name")
    if not cities.exists():
        return None
    own = GoodPractice.objects.filter(city__in=cities).exclude(status="rejected").order_by("title")
    return AdoptionForm(data, cities=cities, practices=own, auto_id="adoption_%s")


@login_required
@require_POST
def adopt(request, slug):
    practice = get_object_or_404(GoodPractice.objects.published(), slug=slug)
    form = adoption_form(request.user, practice, request.POST)
    if form is None:
        raise Http404
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.adoption_record(
                practice=practice,
                city=data["city"],
                own_practice=data["own_practice"],
                note=data["note"],
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Thank you: the practice now shows that %(city)s adapted it.") % {"city": data["city"].name}
            )
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(practice.get_absolute_url())


def _follow_ups_of(user):
    queryset = FollowUp.objects.select_related("practice__city")
    if rules.is_secretariat(user):
        return queryset
    return queryset.filter(practice__city_id__in=rules.coordinated_city_ids(user))


@login_required
def follow_up_new(request, slug):
    practice = get_object_or_404(GoodPractice.objects.published(), slug=slug)
    if not rules.can_coordinate(request.user, practice.city):
        raise Http404
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            follow_up = services.follow_up_create(practice=practice, by=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Draft saved. Submit it for review when it is ready."))
            return redirect("exchange:desk-follow-up", pk=follow_up.pk)
    context = {"form": form, "practice": practice}
    return render(request, "exchange/desk/follow_up_form.html", context, status=400 if form.errors else 200)


@login_required
def follow_up_edit(request, pk):
    follow_up = get_object_or_404(_follow_ups_of(request.user), pk=pk)
    editable = REVIEW_WORKFLOW.can(follow_up, "edit") and rules.can_coordinate(request.user, follow_up.city)
    form = FollowUpForm(request.POST or None, instance=None if request.POST else follow_up)
    if request.method == "POST":
        if not editable:
            messages.error(request, _("It can be edited only as a draft or when it is returned for changes."))
            return redirect("exchange:desk-follow-up", pk=pk)
        if form.is_valid():
            try:
                services.follow_up_update(follow_up=follow_up, by=request.user, data=form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("exchange:desk-follow-up", pk=pk)
    context = {
        "form": form,
        "follow_up": follow_up,
        "practice": follow_up.practice,
        "editable": editable,
        "actions": REVIEW_WORKFLOW.available_actions(follow_up, request.user),
        "review_forms": {action: ReviewForm(auto_id=f"{action}-%s") for action in ("return", "publish")},
        "steps": follow_up.steps.select_related("by")[:50],
    }
    return render(request, "exchange/desk/follow_up_form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def follow_up_act(request, pk, action):
    follow_up = get_object_or_404(_follow_ups_of(request.user), pk=pk)
    form = ReviewForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    try:
        review_act(item=follow_up, action=action, by=request.user, comment=comment)
    except (ValidationError, StateConflict, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("Done."))
    return redirect("exchange:desk-follow-up", pk=pk)
