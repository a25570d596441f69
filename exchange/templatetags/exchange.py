"""What the exchange adds to other apps' pages (the home page, a city page, a practice page and its cards, the desk),
each read in a fixed number of queries."""

from django import template

register = template.Library()


@register.simple_tag
def latest_news(city=None, limit: int = 3):
    from ..selectors.news import latest_news as latest

    return latest(city=city, limit=limit)


@register.simple_tag
def cities_like(city):
    from ..selectors.likeness import cities_like as like

    return like(city)


@register.simple_tag
def strong_where_weak(city):
    from ..selectors.likeness import strong_where_weak as strong

    return strong(city)


@register.simple_tag(takes_context=True)
def coordinated_cities(context):
    """The cities the signed-in user coordinates (the desk's sections are per city)."""
    from cities import rules
    from cities.models import City

    user = context["request"].user
    return list(City.objects.filter(pk__in=rules.coordinated_city_ids(user)).order_by("name"))


@register.simple_tag(takes_context=True)
def may_request_visit(context, city) -> bool:
    """A coordinator of another city may ask this one to host a study visit."""
    from cities import rules

    user = context["request"].user
    return city.status == "member" and bool(rules.coordinated_city_ids(user) - {city.pk})


@register.simple_tag(takes_context=True)
def practice_exchange(context, practice) -> dict:
    """A practice page's adoptions (both ways), published follow-ups in order, and the forms its reader may use."""
    from cities import rules

    from ..selectors import practices
    from ..views.practices import adoption_form

    user = context["request"].user
    published = practice.status == "published"
    adopted_by, adapted_from = practices.adoptions_both_ways(practice)
    return {
        "adoptions": adopted_by if published else [],
        "adapted_from": adapted_from,
        "follow_ups": practices.published_follow_ups(practice) if published else [],
        "owner": published and user.is_authenticated and rules.can_coordinate(user, practice.city),
        "adoption_form": adoption_form(user, practice) if published and user.is_authenticated else None,
    }


@register.simple_tag
def practice_updates(practices) -> dict:
    """For a page of practice cards: each practice's last follow-up date, in one query."""
    from ..selectors.practices import last_updates

    return last_updates(practice.id for practice in practices)


@register.filter
def updated_on(updates: dict, practice_id):
    return updates.get(practice_id) if updates else None


@register.filter
def query_string(query: dict) -> str:
    from urllib.parse import urlencode

    return urlencode(query or {})


@register.filter
def describe_query(value) -> str:
    """A saved search's name, or its filters in words."""
    from ..services.alerts import describe

    return describe(value) if isinstance(value, dict) else value
