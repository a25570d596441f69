"""Template helpers of the coordinator's desk and of the practice page's private parts."""

from django import template

from cities import rules
from cities.models import City

from ..privacy import may_see_contact_email

register = template.Library()


@register.filter
def coordinated_cities(user) -> list[City]:
    """The cities the user coordinates (colleagues who only help with the Index coordinate none)."""
    return list(City.objects.filter(pk__in=rules.coordinated_city_ids(user)).order_by("name"))


@register.simple_tag(takes_context=True)
def contact_email_for(context, practice) -> str:
    """The practice's contact e-mail when the viewer may see it (see goodpractices.privacy), else "". A PDF,
    rendered without a viewer, never has it."""
    user = context.get("user")
    return practice.contact_email if practice.contact_email and may_see_contact_email(user, practice) else ""


@register.simple_tag
def practice_todo(user) -> dict:
    """What the desk asks a person to do about practices: changes the secretariat requested (with its comment and
    per-criterion notes), drafts to finish; for the secretariat, the practices waiting for review."""
    from ..models import GoodPractice

    if rules.is_secretariat(user):
        return {"to_review": GoodPractice.objects.filter(status="submitted").count()}
    practices = GoodPractice.objects.filter(city_id__in=rules.coordinated_city_ids(user)).select_related("city")
    changes = list(practices.filter(status="changes_requested").order_by("-updated_at"))
    for practice in changes:
        request = practice.transitions.filter(action="request_changes").first()
        practice.request_comment = request.comment if request else ""
        practice.criteria_notes = _criteria_notes(request)
    drafts = list(practices.filter(status="draft").order_by("-updated_at"))
    return {"changes": changes, "drafts": drafts}


@register.simple_tag
def criteria_notes(transition) -> list[tuple[str, str]]:
    """The secretariat's per-criterion notes of a step (for the practice form's "Changes requested" banner)."""
    return _criteria_notes(transition)


def _criteria_notes(transition) -> list[tuple[str, str]]:
    """The reviewer's notes per quality criterion, with the criterion's name (never its code)."""
    from ..guidance import QUALITY_CRITERIA
    from ..models import PracticeReview

    names = {code: label for code, label, *_rest in QUALITY_CRITERIA}
    review = PracticeReview.objects.filter(transition=transition).first() if transition else None
    criteria = review.criteria if review else {}
    notes = []
    for code, value in criteria.items():
        note = value.get("note") if isinstance(value, dict) else ""
        if note:
            notes.append((names.get(code, code), note))
    return notes
