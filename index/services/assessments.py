"""Starting an assessment, the optional areas it takes, and the team that fills it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import User
from cities import rules
from cities.models import City, Membership
from cities.services import member_invite

from ..choices import AssessmentEventKind
from ..models import AreaAssignment, Assessment, IndexArea, IndexEdition
from .common import lock, log, require_answerable, require_coordinator


@transaction.atomic
def assessment_create(
    *, city: City, edition: IndexEdition, year: int, optional_areas: list[str] = (), by: User
) -> Assessment:
    """Start a draft: one per city, edition and year; optional areas are named by code."""
    if not rules.can_coordinate(by, city):
        raise PermissionDenied(_("Only the city's coordinators and the secretariat start an assessment."))
    problems = []
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        problems.append(_("The year must be a year between 2000 and 2100."))
    optional = {a.code: a for a in edition.areas.filter(optional=True)}
    unknown = [code for code in optional_areas if code not in optional]
    if unknown:
        problems.append(_unknown_optional(unknown, optional))
    already = _("%(city)s already has an assessment of %(edition)s for %(year)s.") % {
        "city": city.name,
        "edition": edition.code,
        "year": year,
    }
    if not problems and Assessment.objects.filter(city=city, edition=edition, year=year).exists():
        problems.append(already)
    if problems:
        raise ValidationError(problems)
    try:
        with transaction.atomic():
            assessment = Assessment.objects.create(city=city, edition=edition, year=year, created_by=by)
    except IntegrityError as error:  # a concurrent request created it first
        raise ValidationError(already) from error
    assessment.optional_areas.set([optional[code] for code in optional_areas])
    log(assessment, AssessmentEventKind.CREATED, by)
    return assessment


def _unknown_optional(unknown: list, optional: dict) -> str:
    return _("Unknown optional area(s): %(unknown)s (this edition offers: %(offered)s).") % {
        "unknown": ", ".join(map(str, unknown)),
        "offered": ", ".join(optional) or _("none"),
    }


@transaction.atomic
def assessment_set_optional_areas(*, assessment: Assessment, codes: list[str], by: User) -> Assessment:
    """Change the optional areas a draft takes. Answers already given in an area that is dropped are kept
    (they count again if the area is taken back)."""
    require_coordinator(assessment, by)
    assessment = lock(assessment)
    require_answerable(assessment)
    optional = {a.code: a for a in assessment.edition.areas.filter(optional=True)}
    unknown = [c for c in codes if c not in optional]
    if unknown:
        raise ValidationError(_unknown_optional(unknown, optional))
    before = set(assessment.optional_areas.values_list("code", flat=True))
    assessment.optional_areas.set([optional[c] for c in codes])
    if before != set(codes):
        titles = ", ".join(str(optional[c].title) for c in codes) or "–"
        log(assessment, AssessmentEventKind.OPTIONAL_AREAS, by, titles)
    return assessment


@transaction.atomic
def area_assign(*, assessment: Assessment, area: IndexArea, user: User, by: User) -> AreaAssignment:
    """Ask a member of the city's team to answer an area."""
    require_coordinator(assessment, by)
    if area.edition_id != assessment.edition_id:
        raise ValidationError(
            _("Area '%(area)s' is not part of %(edition)s.") % {"area": area.code, "edition": assessment.edition.code}
        )
    if not Membership.objects.filter(city=assessment.city, user=user).exists():
        raise ValidationError(
            _("%(email)s is not a member of %(city)s's team.") % {"email": user.email, "city": assessment.city.name}
        )
    assignment, _created = AreaAssignment.objects.get_or_create(
        assessment=assessment, area=area, user=user, defaults={"assigned_by": by}
    )
    return assignment


@transaction.atomic
def area_unassign(*, assessment: Assessment, area: IndexArea, user: User, by: User) -> None:
    require_coordinator(assessment, by)
    AreaAssignment.objects.filter(assessment=assessment, area=area, user=user).delete()


@transaction.atomic
def colleague_invite(
    *,
    assessment: Assessment,
    email: str,
    areas: list[IndexArea],
    by: User,
    first_name: str = "",
    last_name: str = "",
    department: str = "",
    language: str = "en",
) -> Membership:
    """Invite a colleague from another department (an account tied to the city) and assign them areas."""
    require_coordinator(assessment, by)
    membership = member_invite(
        city=assessment.city,
        email=email,
        invited_by=by,
        role=Membership.Role.COLLEAGUE,
        first_name=first_name,
        last_name=last_name,
        department=department,
        language=language,
    )
    for area in areas:
        area_assign(assessment=assessment, area=area, user=membership.user, by=by)
    return membership
