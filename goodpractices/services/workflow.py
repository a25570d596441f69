"""The review workflow's steps: submit, request changes, publish, reject, unpublish, new versions, and deleting a
draft that was never submitted.

Each step is checked against the transition table (`goodpractices.workflow.PRACTICE_WORKFLOW`), recorded as a
`PracticeTransition` with a saved version of the text, and notified through the outbox.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cities import rules

from ..choices import PracticeStatus as Status
from ..models import GoodPractice, PracticeReview, PracticeRevision, PracticeTransition, ReferenceFile
from ..workflow import IN_PROGRESS, PRACTICE_WORKFLOW
from .content import (
    PracticeIncomplete,
    check_coordinates,
    copy_content,
    draft_slug,
    practice_missing_fields,
    record,
    save_many_to_many,
    unique_slug,
)
from .notifications import notify_city, notify_secretariat_of_submission


def _lock(practice: GoodPractice, actions: tuple[str, ...], verb: str) -> GoodPractice:
    """The practice, locked, when its state allows one of `actions`; StateConflict otherwise."""
    return PRACTICE_WORKFLOW.lock(
        practice,
        actions,
        related=("city",),
        message=lambda status: (
            _("A practice that is %(status)s cannot be %(action)s.") % {"status": status, "action": verb}
        ),
    )


def _step(
    practice: GoodPractice,
    *,
    action: str,
    by,
    comment: str = "",
    criteria: dict | None = None,
    recorded_as: str | None = None,
) -> PracticeTransition:
    """Records the move (who, why, the text as it was) and sets the new status; the caller saves."""
    revision = record(practice, by=by, kind=PracticeRevision.Kind.SAVED)
    step = PRACTICE_WORKFLOW.move(
        practice,
        action,
        log=PracticeTransition,
        recorded_as=recorded_as,
        practice=practice,
        comment=(comment or "").strip(),
        revision=revision,
        by=by,
    )
    if criteria:
        PracticeReview.objects.create(practice=practice, transition=step, criteria=criteria, reviewer=by)
    return step


def _require_comment(comment: str) -> None:
    if not (comment or "").strip():
        raise ValidationError({"comment": [_("Write a comment to the coordinator: it says what to change or why.")]})


@transaction.atomic
def practice_submit(*, practice: GoodPractice, by, comment: str = "") -> GoodPractice:
    """Sends a complete draft to the secretariat for review."""
    check_coordinates(by, practice)
    practice = _lock(practice, ("submit",), _("submitted"))
    missing = practice_missing_fields(practice)
    if missing:
        raise PracticeIncomplete(missing)
    practice.form_date = practice.form_date or timezone.localdate()
    practice.submitted_at = timezone.now()
    _step(practice, action="submit", by=by, comment=comment)
    practice.save()
    notify_secretariat_of_submission(practice, by=by)
    return practice


@transaction.atomic
def practice_request_changes(*, practice: GoodPractice, by, comment: str, criteria: dict | None = None) -> GoodPractice:
    rules.require_secretariat(by)
    _require_comment(comment)
    practice = _lock(practice, ("request_changes",), _("sent back for changes"))
    step = _step(practice, action="request_changes", by=by, comment=comment, criteria=criteria)
    practice.save()
    notify_city(practice, "practice_changes_requested", step, link=reverse("practice_desk:edit", args=[practice.pk]))
    return practice


@transaction.atomic
def practice_reject(*, practice: GoodPractice, by, comment: str, criteria: dict | None = None) -> GoodPractice:
    rules.require_secretariat(by)
    _require_comment(comment)
    practice = _lock(practice, ("reject",), _("rejected"))
    step = _step(practice, action="reject", by=by, comment=comment, criteria=criteria)
    practice.save()
    notify_city(practice, "practice_rejected", step, link=reverse("practice_desk:history", args=[practice.pk]))
    return practice


@transaction.atomic
def practice_publish(*, practice: GoodPractice, by, comment: str = "", criteria: dict | None = None) -> GoodPractice:
    """Puts a submission online, or an unpublished practice back online. A new version of a published practice
    replaces that practice's text (same address); the returned practice is then the original, and the new
    version's history moves onto it."""
    rules.require_secretariat(by)
    practice = _lock(practice, ("publish", "republish"), _("published"))
    # Recorded as "publish" either way: the history reads the same as before "republish" had a button of its own.
    action = "republish" if practice.status == Status.UNPUBLISHED else "publish"
    step = _step(practice, action=action, by=by, comment=comment, criteria=criteria, recorded_as="publish")
    now = timezone.now()
    if practice.revision_of_id:
        practice = _merge_into_original(practice, now=now)
    else:
        practice.published_at = practice.published_at or now
        practice.year = practice.year or _started_year(practice)
        if practice.slug.startswith("draft-"):
            practice.slug = unique_slug(practice.title, exclude=practice.pk)
        practice.save()
    record(practice, by=by, kind=PracticeRevision.Kind.PUBLISHED)
    notify_city(practice, "practice_published", step, link=practice.get_absolute_url())
    return practice


def _merge_into_original(revision: GoodPractice, *, now) -> GoodPractice:
    original = GoodPractice.objects.select_for_update().get(pk=revision.revision_of_id)
    data = copy_content(revision, original)
    original.status = Status.PUBLISHED
    original.published_at = original.published_at or now
    original.year = _started_year(original) or original.year  # the new version may move its start
    original.version += 1
    original.save()
    save_many_to_many(original, data)
    original.files.all().delete()
    for related in (revision.files, revision.revisions, revision.transitions, revision.reviews):
        related.update(practice=original)
    revision.delete()
    return original


@transaction.atomic
def practice_unpublish(*, practice: GoodPractice, by, comment: str = "") -> GoodPractice:
    """Takes a published practice offline; the secretariat may publish it again later."""
    rules.require_secretariat(by)
    practice = _lock(practice, ("unpublish",), _("unpublished"))
    step = _step(practice, action="unpublish", by=by, comment=comment)
    practice.save()
    notify_city(practice, "practice_unpublished", step, link=reverse("practice_desk:history", args=[practice.pk]))
    return practice


@transaction.atomic
def practice_revise(*, practice: GoodPractice, by) -> GoodPractice:
    """Starts (or returns the already open) new version of a published practice, as a draft of its own."""
    check_coordinates(by, practice)
    practice = _lock(practice, ("revise",), _("edited"))
    open_version = practice.pending_revisions.filter(status__in=IN_PROGRESS).first()
    if open_version:
        return open_version
    copy = GoodPractice(
        city=practice.city, revision_of=practice, created_by=by, status=Status.DRAFT, year=practice.year
    )
    data = copy_content(practice, copy)
    copy.slug = draft_slug()
    copy.save()
    save_many_to_many(copy, data)
    for document in practice.files.all():
        document.pk = None
        document.practice = copy
        document.save()
    record(copy, by=by, kind=PracticeRevision.Kind.SAVED)
    return copy


@transaction.atomic
def practice_delete(*, practice: GoodPractice, by) -> None:
    """Deletes a draft that was never submitted, with its saved versions and reference documents.

    A new version of a published practice (`practice_revise`) is a draft too: deleting it discards the new
    version and leaves the published practice as it is. Nothing is recorded: a practice's history
    (`PracticeRevision`, `PracticeTransition`) belongs to the practice and goes with it. The documents' files
    leave the storage once the deletion is committed, unless another practice still uses them (a new version
    shares its files with the published practice it was copied from).
    """
    check_coordinates(by, practice)
    practice = PRACTICE_WORKFLOW.lock(
        practice,
        ("delete",),
        related=("city",),
        message=lambda status: (
            _("Only a draft that was never submitted can be deleted; this practice is %(status)s.") % {"status": status}
        ),
    )
    stored = [name for name in practice.files.values_list("file", flat=True) if name]
    storage = ReferenceFile._meta.get_field("file").storage
    practice.delete()
    transaction.on_commit(lambda: _delete_unused_files(storage, stored))


def _delete_unused_files(storage, names: list[str]) -> None:
    still_used = set(ReferenceFile.objects.filter(file__in=names).values_list("file", flat=True))
    for name in names:
        if name not in still_used:
            storage.delete(name)


def _started_year(practice: GoodPractice) -> int | None:
    """The year the action started: its start month, else a year its period names ("since 2016"); never the year
    it was published (a 2016 practice published in 2026 was listed as 2026)."""
    if practice.period_start:
        return int(practice.period_start[:4])
    found = re.search(r"\b(19[5-9]\d|20\d\d)\b", practice.period_text or "")
    return int(found.group(1)) if found else None
