"""What the exchange adds to other apps' pages (the home page, a city page, a practice page and its cards, the desk),
each read in a fixed number of queries."""

from django import template

register = template.Library()


@register.simple_tag
def latest_news(city=None, limit: int = 3):
    from ..selectors.news import latest_news as latest

    return latest(city=city, limit=limit)
