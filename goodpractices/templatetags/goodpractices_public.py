from django import template

from ..selectors import published_practices

register = template.Library()
CITY_SECTION_SIZE = 10


@register.simple_tag
def city_practices(city):
    """A city's newest published practices, for its page."""
    newest = published_practices().summaries().filter(city=city).order_by("-published_at", "-id")
    return list(newest[:CITY_SECTION_SIZE])
