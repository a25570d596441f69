"""Writing a practice's content: drafts, saves (with optimistic locking), Word imports and saved versions."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cities import rules
from cities.models import City

from .. import template
from ..choices import PracticeStatus as Status
from ..models import GoodPractice, PracticeRevision
from ..workflow import PRACTICE_WORKFLOW

# Autosaves by the same person within this window update one saved version instead of adding many.
AUTOSAVE_WINDOW = datetime.timedelta(minutes=10)

# Words of the routes under /good-practices/ (and a few kept for later ones): a practice slugged so would be
# shadowed by the route. `test_reserved_slugs_cover_every_route_under_good_practices` keeps this list complete.
RESERVED_SLUGS = frozenset({"export", "feed", "fields", "files", "new", "pdf", "search", "map", "api"})


class PracticeIncomplete(Exception):
    """Required fields are empty; `missing` names them (see template.requirements)."""

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
    return template.snapshot(practice)


def apply_content(practice: GoodPractice, data: dict) -> None:
    """Sets the given template fields on a practice, except those saved after it (`save_many_to_many`)."""
    for field in template.TEMPLATE:
        if field.name in data and field.kind != template.Kind.FIELDS_OF_ACTION:
            setattr(practice, field.name, template.cleaned(field, data[field.name]))


def save_many_to_many(practice: GoodPractice, data: dict) -> None:
    for field in template.many_to_many():
        if field.name in data:
            # A field of action is the main one or a secondary one, never both.
            values = [value for value in data[field.name] or [] if value != practice.main_field]
            getattr(practice, field.name).set(values)


def copy_content(source: GoodPractice, target: GoodPractice) -> dict:
    """Copies the source's content onto the target; returns it as `data` for `save_many_to_many`."""
    data = {field.name: getattr(source, field.name) for field in template.TEMPLATE}
    for field in template.many_to_many():
        data[field.name] = list(data[field.name].all())
    apply_content(target, data)
    return data


def check_coordinates(by, practice_or_city) -> None:
    rules.require_coordinator_of(by, practice_or_city if isinstance(practice_or_city, City) else practice_or_city.city)


def unique_slug(title: str, *, exclude: int | None = None) -> str:
    base = slugify(title)[:200] or "practice"
    slug, n = base, 1
    if slug in RESERVED_SLUGS:
        n += 1
        slug = f"{base}-{n}"
    while GoodPractice.objects.filter(slug=slug).exclude(pk=exclude).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def draft_slug() -> str:
    """A placeholder until publication gives the practice a slug from its title."""
    return f"draft-{uuid.uuid4().hex[:12]}"


def record(practice: GoodPractice, *, by, kind: str) -> PracticeRevision | None:
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


@transaction.atomic
def practice_create(
    *, city: City, by, data: dict | None = None, kind: str = PracticeRevision.Kind.SAVED
) -> GoodPractice:
    """A new draft for `city`; every field may still be empty."""
    check_coordinates(by, city)
    data = data or {}
    practice = GoodPractice(city=city, created_by=by, status=Status.DRAFT)
    if not data.get("contact_email") and not data.get("contact_person") and getattr(by, "is_authenticated", False):
        if city.pk in rules.coordinated_city_ids(by):
            data = {"contact_person": by.get_full_name(), "contact_email": by.email, **data}
    apply_content(practice, data)
    practice.slug = draft_slug()
    practice.save()
    save_many_to_many(practice, data)
    record(practice, by=by, kind=kind)
    return practice


def practice_import_docx(*, city: City, by, upload) -> GoodPractice:
    """A draft filled from a Word file of the ICC template; nothing is created when the file cannot be read."""
    from ..docx_import import practice_data_from_docx
    from ..models import FieldOfAction

    check_coordinates(by, city)
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
    refused (PracticeEditConflict) and kept as a "refused" version so that no text is lost. The desk, the API
    and the admin all save through here.
    """
    check_coordinates(by, practice)
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
    PRACTICE_WORKFLOW.check(
        practice,
        "edit",
        _("A practice can be edited only as a draft or when changes were requested; it is %(status)s.")
        % {"status": practice.get_status_display().lower()},
    )
    if expected_version is not None and int(expected_version) != practice.version:
        return practice, _keep_refused(practice, by=by, data=data, version=int(expected_version))
    before = practice_snapshot(practice)
    apply_content(practice, data)
    practice.save()
    save_many_to_many(practice, data)
    if practice_snapshot(practice) != before:
        practice.version += 1
        GoodPractice.objects.filter(pk=practice.pk).update(version=practice.version)
    record(practice, by=by, kind=kind)
    return practice, None


def _keep_refused(practice: GoodPractice, *, by, data: dict, version: int) -> PracticeRevision:
    """The refused edit as a saved version: the current content with the editor's changes on top."""
    current = practice_snapshot(practice)
    mine = GoodPractice(city=practice.city)
    copy_content(practice, mine)
    apply_content(mine, data)
    refused = practice_snapshot(mine)
    for field in template.many_to_many():
        refused[field.name] = (
            sorted(item.code for item in data[field.name] or []) if field.name in data else current[field.name]
        )
    return PracticeRevision.objects.create(
        practice=practice, kind=PracticeRevision.Kind.REFUSED, data=refused, version=version, created_by=by
    )


def practice_missing_fields(practice: GoodPractice) -> list[str]:
    """The requirements still unmet, by their API names (`period` for the months or the words)."""
    return template.missing_requirements(practice)
