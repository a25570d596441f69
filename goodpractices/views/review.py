"""The secretariat's review desk: the queue of submitted practices and the review page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from cities.models import City
from core.permissions import secretariat_required

from .. import services, template
from ..choices import PracticeStatus
from ..diff import diff_snapshots, labelled_rows
from ..forms import ReviewForm, ReviewQueueFilterForm
from ..guidance import QUALITY_CRITERIA, RATINGS
from ..models import FieldOfAction, GoodPractice
from ..selectors import practices_in_review, waiting_for_cities
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
# These put the practice online: the page's button leads to a confirmation first (`review_publish`).
PUBLISHING = {"publish", "republish"}
DONE = {
    "request_changes": gettext_lazy("Changes requested: the coordinators have been told."),
    "publish": gettext_lazy("Published: the practice is online and the coordinators have been told."),
    "republish": gettext_lazy("Published: the practice is online and the coordinators have been told."),
    "reject": gettext_lazy("Rejected: the coordinators have been told."),
    "unpublish": gettext_lazy("Unpublished: the practice is no longer public."),
}


@secretariat_required
def review_queue(request):
    """Submitted practices, the longest waiting first; filter by city, field of action and waiting time."""
    selected = ReviewQueueFilterForm(request.GET).values()
    context = {
        "queue": practices_in_review(city=selected["city"], field=selected["field"], waiting=selected["waiting"]),
        "cities": City.objects.filter(good_practices__status=PracticeStatus.SUBMITTED).distinct().order_by("name"),
        "fields": FieldOfAction.objects.all(),
        "selected": selected,
        "waiting_choices": [("", _("Any time")), ("7", _("Over a week")), ("30", _("Over a month"))],
        "with_city": waiting_for_cities()[:20],
    }
    return render(request, "goodpractices/review/queue.html", context)


@secretariat_required
def review_practice(request, pk):
    practice = get_object_or_404(GoodPractice.objects.select_related("city", "main_field", "revision_of"), pk=pk)
    form = ReviewForm(request.POST or None, initial=_earlier_ratings(practice))
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        if action == "back":  # from the confirmation page, with what was typed
            return render(request, "goodpractices/review/practice.html", _context(practice, form, request.user))
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


@secretariat_required
@require_http_methods(["GET", "POST"])
def review_publish(request, pk):
    """ "Publish this practice?": the review page's Publish button posts its form (ratings, notes, comment) here; this
    page names the practice, says it becomes public, and its button posts the same form to the review page, which
    publishes. A GET (a link, a reload) goes back to the review page."""
    practice = get_object_or_404(GoodPractice.objects.select_related("city", "main_field", "revision_of"), pk=pk)
    if request.method == "GET":
        return redirect("review-practice", pk=practice.pk)
    actions = available_actions(practice, request.user, among=PUBLISHING)
    if not actions:
        messages.error(
            request,
            _("A practice that is %(status)s cannot be %(action)s.")
            % {"status": practice.get_status_display().lower(), "action": _("published")},
        )
        return redirect("review-practice", pk=practice.pk)
    form = ReviewForm(request.POST, initial=_earlier_ratings(practice))
    if not form.is_valid():
        return render(request, "goodpractices/review/practice.html", _context(practice, form, request.user))
    action = actions[0]
    ratings = dict(RATINGS)
    assessed = [
        (label, ratings.get(form.cleaned_data.get(f"{code}_rating", ""), ""))
        for code, label, _description in QUALITY_CRITERIA
    ]
    context = {
        "practice": practice,
        "form": form,
        "action": action,
        "assessed": assessed if action.action in ASSESSED else [],
        "comment": form.cleaned_data["comment"],
        # A new version replaces the published text at the published practice's address.
        "public": practice.revision_of or (practice if practice.published_at else None),
    }
    return render(request, "goodpractices/review/publish.html", context)


def _earlier_ratings(practice: GoodPractice) -> dict:
    """The latest review's ratings and notes, so that a resubmission is assessed from where the last one stopped."""
    latest = practice.reviews.order_by("-created_at").first()
    initial = {}
    for code, value in (latest.criteria if latest else {}).items():
        initial[f"{code}_rating"] = value.get("rating", "")
        initial[f"{code}_note"] = value.get("note", "")
    return initial


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
    # Earlier assessments in the criteria's own order, ratings by their names (never "partly").
    ratings = dict(RATINGS)
    reviews = [
        (
            review,
            [
                (label, ratings.get(review.criteria[code].get("rating", ""), ""), review.criteria[code].get("note", ""))
                for code, label, _description in QUALITY_CRITERIA
                if code in review.criteria
            ],
        )
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
        "publishing": PUBLISHING,
    }
