"""Every write to a good practice and every step of its review workflow, in one place.

The pages, the API, the admin and the demo loader all call these functions, so the rules below are the
rules everywhere:

    draft ─submit→ submitted ─publish→ published ─unpublish→ unpublished ─publish→ published
      ↑                │ └─reject→ rejected
      └ changes_requested ←request_changes┘   (changes_requested ─submit→ submitted)

A coordinator edits only a draft or a practice whose changes were requested. Editing a published
practice starts a new version (`practice_revise`): a draft of its own that goes through review while the
published practice stays online, and that replaces its text when published. Every save is kept as a
`PracticeRevision`; every step is kept as a `PracticeTransition` (who, when, comment).
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cities import rules
from cities.models import City
from cities.notifications import notify_city_coordinators
from core.errors import StateConflict
from core.notifications import absolute_url, notify_secretariat

from .choices import PracticeStatus
from .models import (
    TEMPLATE_FIELDS,
    GoodPractice,
    PracticeReview,
    PracticeRevision,
    PracticeTransition,
    ReferenceFile,
)

Status = PracticeStatus
EDITABLE = {Status.DRAFT, Status.CHANGES_REQUESTED}

# The template's fields a coordinator writes, in the template's order (also the order of a diff).
TEXT_FIELDS = [
    "title",
    "department",
    "contact_person",
    "contact_email",
    "main_purpose",
    "period_start",
    "period_end",
    "period_text",
    "purpose",
    "stimulus",
    "process",
    "impact",
    "references",
]
LIST_FIELDS = ["reference_links", "target_groups", "practice_types", "areas", "available_languages"]
# Every field a saved version keeps, in the template's order (so diffs read like the form).
CONTENT_FIELDS = TEMPLATE_FIELDS

# Filled before a practice may be submitted. The period is either months or words ("12 months").
REQUIRED_FIELDS = [
    "contact_person",
    "contact_email",
    "title",
    "main_field",
    "main_purpose",
    "period",
    "purpose",
    "stimulus",
    "process",
    "impact",
]

# Autosaves by the same person within this window update one saved version instead of adding many.
AUTOSAVE_WINDOW = datetime.timedelta(minutes=10)


class PracticeIncomplete(Exception):
    """Required fields are empty; `missing` names them."""

    def __init__(self, missing: list[str]):
        super().__init__(", ".join(missing))
        self.missing = missing


@dataclass
class PracticeEditConflict(Exception):
    """Someone saved the practice since this editor loaded it. Both texts are kept: the practice holds the
    other person's, and `refused` holds this editor's as a saved version of kind "refused"."""

    practice: GoodPractice
    refused: PracticeRevision


# Reading and writing the template's content


def practice_snapshot(practice: GoodPractice) -> dict:
    """The practice's content as plain JSON: what a saved version stores and what a diff compares."""
    data = {name: getattr(practice, name) or "" for name in TEXT_FIELDS}
    data.update({name: list(getattr(practice, name) or []) for name in LIST_FIELDS})
    data["form_date"] = practice.form_date.isoformat() if practice.form_date else ""
    data["main_field"] = practice.main_field.code if practice.main_field_id else ""
    data["secondary_fields"] = sorted(field.code for field in practice.secondary_fields.all()) if practice.pk else []
    data["language"] = practice.language
    return data


def _apply(practice: GoodPractice, data: dict) -> None:
    """Sets the given content fields on an unsaved or saved practice (secondary fields after saving)."""
    for name in CONTENT_FIELDS:
        if name in data and name != "secondary_fields":
            value = data[name]
            if name in TEXT_FIELDS:
                value = (value or "").strip().replace("\r\n", "\n")
            elif name in LIST_FIELDS:
                value = [item for item in (value or []) if item]
            setattr(practice, name, value)


def _save_secondary(practice: GoodPractice, data: dict) -> None:
    if "secondary_fields" in data:
        fields = [field for field in data["secondary_fields"] or [] if field != practice.main_field]
        practice.secondary_fields.set(fields)


# Words of the routes under /good-practices/ (and a few kept for later ones): a practice slugged so would be
# shadowed by the route. `test_reserved_slugs_cover_every_route_under_good_practices` keeps this list complete.
RESERVED_SLUGS = frozenset({"export", "feed", "fields", "files", "new", "pdf", "search", "map", "api"})


def _unique_slug(title: str, *, exclude: int | None = None) -> str:
    base = slugify(title)[:200] or "practice"
    slug, n = base, 1
    if slug in RESERVED_SLUGS:
        n += 1
        slug = f"{base}-{n}"
    while GoodPractice.objects.filter(slug=slug).exclude(pk=exclude).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _record(practice: GoodPractice, *, by, kind: str) -> PracticeRevision | None:
    """Keeps the practice's current content as a saved version (autosaves close together are merged)."""
    data = practice_snapshot(practice)
    latest = practice.revisions.order_by("-id").first()
    if latest and latest.data == data and kind in (PracticeRevision.Kind.SAVED, PracticeRevision.Kind.AUTOSAVED):
        return latest
    if (
        kind == PracticeRevision.Kind.AUTOSAVED
        and latest
        and latest.kind == kind
        and latest.created_by_id == getattr(by, "pk", None)
        and timezone.now() - latest.created_at < AUTOSAVE_WINDOW
    ):
        latest.data, latest.version = data, practice.version
        latest.save(update_fields=["data", "version", "updated_at"])
        return latest
    return PracticeRevision.objects.create(
        practice=practice, kind=kind, data=data, version=practice.version, created_by=by
    )


def _check_coordinates(by, practice_or_city) -> None:
    rules.require_coordinator_of(by, practice_or_city if isinstance(practice_or_city, City) else practice_or_city.city)


@transaction.atomic
def practice_create(
    *, city: City, by, data: dict | None = None, kind: str = PracticeRevision.Kind.SAVED
) -> GoodPractice:
    """A new draft for `city`; every field may still be empty."""
    _check_coordinates(by, city)
    data = data or {}
    practice = GoodPractice(city=city, created_by=by, status=Status.DRAFT)
    if not data.get("contact_email") and not data.get("contact_person") and getattr(by, "is_authenticated", False):
        if city.pk in rules.coordinated_city_ids(by):
            data = {"contact_person": by.get_full_name(), "contact_email": by.email, **data}
    _apply(practice, data)
    practice.slug = f"draft-{uuid.uuid4().hex[:12]}"
    practice.save()
    _save_secondary(practice, data)
    _record(practice, by=by, kind=kind)
    return practice


def practice_import_docx(*, city: City, by, upload) -> GoodPractice:
    """A draft filled from a Word file of the ICC template; nothing is created when the file cannot be read."""
    from .docx_import import practice_data_from_docx
    from .models import FieldOfAction

    _check_coordinates(by, city)
    data = practice_data_from_docx(upload, fields=list(FieldOfAction.objects.all()))
    return practice_create(city=city, by=by, data=data, kind=PracticeRevision.Kind.IMPORTED)


def practice_update(
    *,
    practice: GoodPractice,
    by,
    data: dict,
    expected_version: int | None = None,
    kind: str = PracticeRevision.Kind.SAVED,
) -> GoodPractice:
    """Saves an edit of a draft (or of a practice whose changes were requested).

    `expected_version` is the version the editor started from; when someone else saved since, the edit is
    refused (PracticeEditConflict) and kept as a "refused" version so that no text is lost.
    """
    _check_coordinates(by, practice)
    with transaction.atomic():
        practice, refused = _update_locked(
            practice=practice, by=by, data=data, expected_version=expected_version, kind=kind
        )
    # Raised outside the atomic block so that the refused text stays saved.
    if refused is not None:
        raise PracticeEditConflict(practice=practice, refused=refused)
    return practice


def _update_locked(*, practice, by, data, expected_version, kind) -> tuple[GoodPractice, PracticeRevision | None]:
    practice = (
        GoodPractice.objects.select_for_update(of=("self",)).select_related("city", "main_field").get(pk=practice.pk)
    )
    if practice.status not in EDITABLE:
        raise StateConflict(
            _("A practice can be edited only as a draft or when changes were requested; it is %(status)s.")
            % {"status": practice.get_status_display().lower()}
        )
    if expected_version is not None and int(expected_version) != practice.version:
        return practice, _keep_refused(practice, by=by, data=data, version=int(expected_version))
    before = practice_snapshot(practice)
    _apply(practice, data)
    practice.save()
    _save_secondary(practice, data)
    if practice_snapshot(practice) != before:
        practice.version += 1
        GoodPractice.objects.filter(pk=practice.pk).update(version=practice.version)
    _record(practice, by=by, kind=kind)
    return practice, None


def _keep_refused(practice: GoodPractice, *, by, data: dict, version: int) -> PracticeRevision:
    current = practice_snapshot(practice)
    mine = GoodPractice(city=practice.city)
    for name in CONTENT_FIELDS:
        if name != "secondary_fields":
            setattr(mine, name, getattr(practice, name))
    _apply(mine, data)
    refused = practice_snapshot(mine)
    refused["secondary_fields"] = (
        sorted(field.code for field in data["secondary_fields"] or [])
        if "secondary_fields" in data
        else current["secondary_fields"]
    )
    return PracticeRevision.objects.create(
        practice=practice, kind=PracticeRevision.Kind.REFUSED, data=refused, version=version, created_by=by
    )


def practice_missing_fields(practice: GoodPractice) -> list[str]:
    """The required fields still empty, by their API names."""
    missing = []
    for name in REQUIRED_FIELDS:
        if name == "period":
            filled = practice.period_start or practice.period_text
        elif name == "main_field":
            filled = practice.main_field_id
        else:
            filled = (getattr(practice, name) or "").strip()
        if not filled:
            missing.append(name)
    return missing


# The workflow


def _transition(
    practice: GoodPractice, *, action: str, to: str, by, comment: str = "", criteria: dict | None = None
) -> PracticeTransition:
    revision = _record(practice, by=by, kind=PracticeRevision.Kind.SAVED)
    step = PracticeTransition.objects.create(
        practice=practice,
        action=action,
        from_status=practice.status,
        to_status=to,
        comment=(comment or "").strip(),
        revision=revision,
        by=by,
    )
    if criteria:
        PracticeReview.objects.create(practice=practice, transition=step, criteria=criteria, reviewer=by)
    practice.status = to
    return step


def _lock(practice: GoodPractice, allowed: set[str], action: str) -> GoodPractice:
    practice = GoodPractice.objects.select_for_update().select_related("city").get(pk=practice.pk)
    if practice.status not in allowed:
        raise StateConflict(
            _("A practice that is %(status)s cannot be %(action)s.")
            % {"status": practice.get_status_display().lower(), "action": action}
        )
    return practice


def _require_comment(comment: str) -> None:
    if not (comment or "").strip():
        raise ValidationError({"comment": [_("Write a comment to the coordinator: it says what to change or why.")]})


@transaction.atomic
def practice_submit(*, practice: GoodPractice, by, comment: str = "") -> GoodPractice:
    """Sends a complete draft to the secretariat for review."""
    _check_coordinates(by, practice)
    practice = _lock(practice, EDITABLE, _("submitted"))
    missing = practice_missing_fields(practice)
    if missing:
        raise PracticeIncomplete(missing)
    practice.form_date = practice.form_date or timezone.localdate()
    practice.submitted_at = timezone.now()
    _transition(practice, action="submit", to=Status.SUBMITTED, by=by, comment=comment)
    practice.save()
    _notify_secretariat(practice, by=by)
    return practice


@transaction.atomic
def practice_request_changes(*, practice: GoodPractice, by, comment: str, criteria: dict | None = None) -> GoodPractice:
    rules.require_secretariat(by)
    _require_comment(comment)
    practice = _lock(practice, {Status.SUBMITTED}, _("sent back for changes"))
    step = _transition(
        practice, action="request_changes", to=Status.CHANGES_REQUESTED, by=by, comment=comment, criteria=criteria
    )
    practice.save()
    _notify_city(practice, "practice_changes_requested", step, link=reverse("practice_desk:edit", args=[practice.pk]))
    return practice


@transaction.atomic
def practice_reject(*, practice: GoodPractice, by, comment: str, criteria: dict | None = None) -> GoodPractice:
    rules.require_secretariat(by)
    _require_comment(comment)
    practice = _lock(practice, {Status.SUBMITTED}, _("rejected"))
    step = _transition(practice, action="reject", to=Status.REJECTED, by=by, comment=comment, criteria=criteria)
    practice.save()
    _notify_city(practice, "practice_rejected", step, link=reverse("practice_desk:history", args=[practice.pk]))
    return practice


@transaction.atomic
def practice_publish(*, practice: GoodPractice, by, comment: str = "", criteria: dict | None = None) -> GoodPractice:
    """Puts a submission online. A new version of a published practice replaces that practice's text (same
    address); the returned practice is then the original, and the new version's history moves onto it."""
    rules.require_secretariat(by)
    practice = _lock(practice, {Status.SUBMITTED, Status.UNPUBLISHED}, _("published"))
    step = _transition(practice, action="publish", to=Status.PUBLISHED, by=by, comment=comment, criteria=criteria)
    now = timezone.now()
    if practice.revision_of_id:
        practice = _merge_into_original(practice, by=by, now=now)
    else:
        practice.published_at = practice.published_at or now
        practice.year = practice.year or (int(practice.period_start[:4]) if practice.period_start else now.year)
        if practice.slug.startswith("draft-"):
            practice.slug = _unique_slug(practice.title, exclude=practice.pk)
        practice.save()
    _record(practice, by=by, kind=PracticeRevision.Kind.PUBLISHED)
    _notify_city(practice, "practice_published", step, link=practice.get_absolute_url())
    return practice


def _merge_into_original(revision: GoodPractice, *, by, now) -> GoodPractice:
    original = GoodPractice.objects.select_for_update().get(pk=revision.revision_of_id)
    data = {name: getattr(revision, name) for name in CONTENT_FIELDS if name != "secondary_fields"}
    data["secondary_fields"] = list(revision.secondary_fields.all())
    _apply(original, data)
    original.status = Status.PUBLISHED
    original.published_at = original.published_at or now
    original.version += 1
    original.save()
    _save_secondary(original, data)
    original.files.all().delete()
    for related in (revision.files, revision.revisions, revision.transitions, revision.reviews):
        related.update(practice=original)
    revision.delete()
    return original


@transaction.atomic
def practice_unpublish(*, practice: GoodPractice, by, comment: str = "") -> GoodPractice:
    """Takes a published practice offline; the secretariat may publish it again later."""
    rules.require_secretariat(by)
    practice = _lock(practice, {Status.PUBLISHED}, _("unpublished"))
    step = _transition(practice, action="unpublish", to=Status.UNPUBLISHED, by=by, comment=comment)
    practice.save()
    _notify_city(practice, "practice_unpublished", step, link=reverse("practice_desk:history", args=[practice.pk]))
    return practice


@transaction.atomic
def practice_revise(*, practice: GoodPractice, by) -> GoodPractice:
    """Starts (or returns the already open) new version of a published practice, as a draft of its own."""
    _check_coordinates(by, practice)
    practice = _lock(practice, {Status.PUBLISHED, Status.UNPUBLISHED}, _("edited"))
    open_version = practice.pending_revisions.filter(status__in=[*EDITABLE, Status.SUBMITTED]).first()
    if open_version:
        return open_version
    copy = GoodPractice(
        city=practice.city, revision_of=practice, created_by=by, status=Status.DRAFT, year=practice.year
    )
    for name in CONTENT_FIELDS:
        if name != "secondary_fields":
            setattr(copy, name, getattr(practice, name))
    copy.slug = f"draft-{uuid.uuid4().hex[:12]}"
    copy.save()
    copy.secondary_fields.set(practice.secondary_fields.all())
    for document in practice.files.all():
        document.pk = None
        document.practice = copy
        document.save()
    _record(copy, by=by, kind=PracticeRevision.Kind.SAVED)
    return copy


# Reference documents


@transaction.atomic
def reference_file_add(*, practice: GoodPractice, by, upload) -> ReferenceFile:
    """Attaches an uploaded document after checking its content (see `uploads.check_reference_upload`)."""
    from .uploads import check_reference_upload

    _check_coordinates(by, practice)
    if practice.status not in EDITABLE:
        raise StateConflict(_("Documents can be added only to a draft or when changes were requested."))
    content_type = check_reference_upload(upload)
    name = (upload.name or "document").replace("/", "_").replace("\\", "_")[-150:]
    document = ReferenceFile(practice=practice, name=name, content_type=content_type, size=upload.size, uploaded_by=by)
    document.file.save(name, upload, save=False)
    document.save()
    return document


@transaction.atomic
def reference_file_delete(*, document: ReferenceFile, by) -> None:
    _check_coordinates(by, document.practice)
    if document.practice.status not in EDITABLE:
        raise StateConflict(_("Documents can be removed only from a draft or when changes were requested."))
    document.delete()


# Notifications (outbox rows written with the change, sent by the worker once the transaction commits)


def _context(practice: GoodPractice, *, by, comment: str = "", link: str) -> dict:
    return {
        "title": practice.title,
        "city": practice.city.name,
        "by": str(by) if by else "",
        "comment": comment,
        "url": absolute_url(link),
    }


def _notify_secretariat(practice: GoodPractice, *, by) -> None:
    context = _context(practice, by=by, link=reverse("review-practice", args=[practice.pk]))
    notify_secretariat(template="practice_submitted", context=context)


def _notify_city(practice: GoodPractice, template: str, step: PracticeTransition, *, link: str) -> None:
    context = _context(practice, by=step.by, comment=step.comment, link=link)
    notify_city_coordinators(city=practice.city, template=template, context=context)
