"""A practice's past on the desk: the status page, its saved versions and their comparison, and the preview."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..choices import PracticeStatus
from ..diff import diff_snapshots, labelled_rows
from ..models import PracticeRevision
from ..workflow import IN_PROGRESS, actions_by_name
from .desk_access import desk_practice, login_keeping_post

# What the coordinator is told on the status page of a practice they cannot edit now.
STATUS_NOTES = {
    PracticeStatus.SUBMITTED: gettext_lazy(
        "The secretariat is reviewing this practice. You can edit it again if they request changes."
    ),
    PracticeStatus.REJECTED: gettext_lazy(
        "The secretariat did not accept this practice. Its comment is in the history below."
    ),
}


def status_context(practice, user) -> dict:
    return {
        "practice": practice,
        "actions": actions_by_name(practice, user),
        "status_note": STATUS_NOTES.get(practice.status, ""),
        "transitions": practice.transitions.select_related("by"),
        "open_version": practice.pending_revisions.filter(status__in=IN_PROGRESS).first(),
    }


@login_keeping_post
def practice_preview(request, pk):
    """The public page of the practice, rendered from the same template the public will see."""
    practice = desk_practice(request, pk)
    back = reverse("practice_desk:edit", args=[practice.pk])
    messages.info(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            _("Preview: this is how the public will see the practice once it is published."),
            back,
            _("Back to the form"),
        ),
    )
    context = {"practice": practice, "secondary_fields": list(practice.secondary_fields.all()), "preview": True}
    return render(request, "goodpractices/practice_detail.html", context)


@login_keeping_post
def practice_history(request, pk):
    practice = desk_practice(request, pk)
    revisions = list(practice.revisions.select_related("created_by"))
    context = {**status_context(practice, request.user), "revisions": revisions}
    return render(request, "goodpractices/desk/practice_history.html", context)


@login_keeping_post
def practice_compare(request, pk):
    practice = desk_practice(request, pk)
    older, newer = _compared_revisions(practice, request.GET)
    rows = labelled_rows(diff_snapshots(older.data if older else {}, newer.data if newer else {}))
    context = {"practice": practice, "older": older, "newer": newer, "rows": rows}
    return render(request, "goodpractices/desk/practice_compare.html", context)


def _compared_revisions(practice, query) -> tuple[PracticeRevision | None, PracticeRevision | None]:
    """`?a=` and `?b=` (saved versions of this practice); by default the latest and the one before it."""
    revisions = practice.revisions.select_related("created_by")
    try:
        newer = revisions.get(pk=query.get("b")) if query.get("b") else revisions.first()
        if query.get("a"):
            older = revisions.get(pk=query.get("a"))
        else:
            older = revisions.filter(pk__lt=newer.pk).first() if newer else None
    except (PracticeRevision.DoesNotExist, ValueError) as error:
        raise Http404 from error
    if older and newer and older.pk > newer.pk:
        older, newer = newer, older
    return older, newer
