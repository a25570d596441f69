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
