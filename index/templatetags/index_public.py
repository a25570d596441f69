"""The city page's Index section: the city's latest published result, with its areas as a small bar chart."""

from django import template

from ..choices import AssessmentStatus
from ..models import Assessment

register = template.Library()


@register.simple_tag
def latest_published_result(city) -> dict | None:
    assessment = (
        Assessment.objects.filter(city=city, status=AssessmentStatus.PUBLISHED, core__isnull=False)
        .select_related("edition")
        .order_by("-year", "-pk")
        .first()
    )
    if assessment is None:
        return None
    scores = assessment.area_scores or {}
    areas = [
        {"title": area.title, "score": scores[area.code], "width": max(0.0, min(100.0, scores[area.code]))}
        for area in assessment.edition.areas.order_by("position")
        if scores.get(area.code) is not None
    ]
    return {"assessment": assessment, "core": assessment.core, "areas": areas}


@register.filter
def optional_areas(edition) -> list:
    """An edition's optional areas, from its prefetched areas."""
    return [area for area in edition.areas.all() if area.optional]


@register.filter
def bar_width(score) -> float:
    """A score as the width of a bar out of 100 (scores are 0–100; a stray value never draws outside its track)."""
    return max(0.0, min(100.0, float(score or 0)))
