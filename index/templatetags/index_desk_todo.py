"""The desk's Index part: the areas assigned to me that still have unanswered questions ("you have 2 areas to
answer"), and for the secretariat the submissions waiting to be validated."""

from django import template

from cities import rules

from ..choices import AssessmentStatus
from ..models import AreaAssignment, Assessment
from ..selectors.desk import area_progress

register = template.Library()


@register.simple_tag
def index_todo(user) -> dict:
    if rules.is_secretariat(user):
        return {"to_validate": Assessment.objects.filter(status=AssessmentStatus.SUBMITTED).count()}
    assignments = (
        AreaAssignment.objects.filter(user=user, assessment__status=AssessmentStatus.DRAFT)
        .select_related("assessment__city", "assessment__edition", "area")
        .order_by("assessment_id", "area__position")
    )
    areas = []
    for assignment in assignments:
        answered, total = area_progress(assignment.assessment, [assignment.area])[assignment.area.pk]
        if answered < total:
            areas.append({"assignment": assignment, "answered": answered, "total": total})
    return {"areas": areas}
