"""Who sees and works on which assessment, and which areas a person answers."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from cities import rules

from ..choices import AssessmentStatus
from ..models import AreaAssignment, Assessment, IndexArea


def assessment_visible_to(*, user) -> QuerySet[Assessment]:
    """Published assessments for everyone; a city's members see their city's; the secretariat sees all."""
    queryset = Assessment.objects.select_related("city__country", "edition")
    return rules.city_content_visible_to(queryset, user, public=Q(status=AssessmentStatus.PUBLISHED))


def assessment_workable_by(*, user) -> QuerySet[Assessment]:
    """Assessments the user works on from the desk: their cities' (any status), or all for the secretariat."""
    queryset = Assessment.objects.select_related("city__country", "edition")
    if rules.is_secretariat(user):
        return queryset
    return queryset.filter(city_id__in=rules.member_city_ids(user))


def taken_areas(assessment: Assessment) -> list[IndexArea]:
    """The core areas and the optional areas the city chose, in questionnaire order."""
    optional = {a.pk for a in assessment.optional_areas.all()}
    return [a for a in assessment.edition.areas.select_related("group") if not a.optional or a.pk in optional]


def answerable_area_ids(*, user, assessment: Assessment) -> set[int]:
    """Coordinators and the secretariat answer every area taken; a colleague only the areas assigned to them."""
    if rules.can_coordinate(user, assessment.city):
        return {a.pk for a in taken_areas(assessment)}
    if rules.is_member_of(user, assessment.city):
        return set(AreaAssignment.objects.filter(assessment=assessment, user=user).values_list("area_id", flat=True))
    return set()


def assessment_in(queryset: QuerySet[Assessment], pk) -> Assessment | None:
    """The assessment with this id among `queryset`, or None; an id that is not a number names none."""
    if not (str(pk).isascii() and str(pk).isdigit()):
        return None
    return queryset.filter(pk=pk).first()
