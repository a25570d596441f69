"""The secretariat's review desk: the queue of submitted practices and the review page."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cities import rules
from cities.models import City

from .. import services, template
from ..choices import PracticeStatus
from ..diff import diff_snapshots, labelled_rows
from ..forms import ReviewForm, ReviewQueueFilterForm
from ..guidance import QUALITY_CRITERIA
from ..models import FieldOfAction, GoodPractice
from ..workflow import available_actions

# The moves of the workflow table that this page offers, and the service that makes each.
ACTIONS = {
    "publish": services.practice_publish,
    "request_changes": services.practice_request_changes,
    "reject": services.practice_reject,
    "unpublish": services.practice_unpublish,
    "republish": services.practice_publish,
}
# The quality criteria are assessed with these (a decision on a submission).
ASSESSED = {"publish", "request_changes", "reject"}
DONE = {
    "request_changes": gettext_lazy("Changes requested: the coordinators have been told."),
    "publish": gettext_lazy("Published: the practice is online and the coordinators have been told."),
    "republish": gettext_lazy("Published: the practice is online and the coordinators have been told."),
    "reject": gettext_lazy("Rejected: the coordinators have been told."),
    "unpublish": gettext_lazy("Unpublished: the practice is no longer public."),
}


def _secretariat_only(view):
    @login_required
    def wrapper(request, *args, **kwargs):
        if not rules.is_secretariat(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


@_secretariat_only
def review_queue(request):
    """Submitted practices, the longest waiting first; filter by city, field of action and waiting time."""
    queue = GoodPractice.objects.filter(status=PracticeStatus.SUBMITTED).select_related(
        "city", "main_field", "revision_of"
    )
    selected = ReviewQueueFilterForm(request.GET).values()
    city, field, waiting = selected["city"], selected["field"], selected["waiting"]
    if city:
        queue = queue.filter(city__slug=city)
    if field:
        queue = queue.filter(
            Q(main_field__code=field) | Q(main_field__parent__code=field) | Q(secondary_fields__code=field)
        ).distinct()
    if waiting:
        queue = queue.filter(submitted_at__lte=timezone.now() - datetime.timedelta(days=int(waiting)))
    context = {
        "queue": queue.order_by("submitted_at", "id"),
        "cities": City.objects.filter(good_practices__status=PracticeStatus.SUBMITTED).distinct().order_by("name"),
        "fields": FieldOfAction.objects.all(),
        "selected": selected,
        "waiting_choices": [("", _("Any time")), ("7", _("Over a week")), ("30", _("Over a month"))],
        "with_city": GoodPractice.objects.filter(status=PracticeStatus.CHANGES_REQUESTED)
        .select_related("city")
        .order_by("-updated_at")[:20],
    }
    return render(request, "goodpractices/review/queue.html", context)


@_secretariat_only
def review_practice(request, pk):
    practice = get_object_or_404(GoodPractice.objects.select_related("city", "main_field", "revision_of"), pk=pk)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        if action not in ACTIONS:
            raise Http404
        kwargs = {"comment": form.cleaned_data["comment"]}
        if action in ASSESSED:
            kwargs["criteria"] = form.criteria()
        try:
            result = ACTIONS[action](practice=practice, by=request.user, **kwargs)
        except ValidationError as error:
            for message in error.message_dict.get("comment", error.messages):
                form.add_error("comment", message)
        except services.StateConflict as error:
            messages.error(request, str(error))
            return redirect("review-practice", pk=practice.pk)
        else:
            messages.success(request, DONE[action])
            return redirect("review-practice", pk=result.pk) if action == "unpublish" else redirect("review")
    return render(request, "goodpractices/review/practice.html", _context(practice, form, request.user))


def _context(practice: GoodPractice, form: ReviewForm, user) -> dict:
    current = services.practice_snapshot(practice)
    # What changed since the last time the secretariat looked at it, or against the published text.
    compared_with, baseline = None, None
    earlier = practice.transitions.filter(action="submit").select_related("revision")[1:2]
    if earlier and earlier[0].revision:
        compared_with, baseline = _("the previous submission"), earlier[0].revision.data
    elif practice.revision_of_id:
        compared_with, baseline = _("the published version"), services.practice_snapshot(practice.revision_of)
    changes = diff_snapshots(baseline, current) if baseline is not None else []
    criteria_names = {code: label for code, label, _description in QUALITY_CRITERIA}
    reviews = [
        (review, [(criteria_names.get(code, code), value) for code, value in review.criteria.items()])
        for review in practice.reviews.select_related("reviewer")
    ]
    actions = available_actions(practice, user, among=ACTIONS)
    labels = template.requirement_labels()
    return {
        "practice": practice,
        "form": form,
        "missing": [labels.get(name, name) for name in services.practice_missing_fields(practice)],
        "transitions": practice.transitions.select_related("by"),
        "reviews": reviews,
        "compared_with": compared_with,
        "changes": labelled_rows(changes),
        "actions": actions,
        "assess": any(action.action in ASSESSED for action in actions),
    }
