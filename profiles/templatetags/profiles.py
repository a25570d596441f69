import base64

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def score(value) -> str:
    """A score with one decimal in the reader's language (contract rule 8); a dash when there is none."""
    return "–" if value is None else number_format(value, 1)


@register.filter
def svg_data_uri(svg: str) -> str:
    """The chart as a data: URL for an <img> with alternative text (tagged as a Figure in the PDF)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@register.filter
def change_for(areas: list[dict], code: str) -> str:
    for area in areas:
        if area["code"] == code:
            change = area["change"]
            return ("+" if change > 0 else "") + number_format(change, 1)
    return "–"


@register.simple_tag(takes_context=True)
def city_profile(context, city) -> dict:
    """What the city page offers: the current PDF per language and the previous editions, for those who may read."""
    from .. import selectors

    user = context["request"].user
    if not selectors.may_read(user, city):
        return {"visible": False}
    documents = list(selectors.ready_documents(city))
    current = {}
    for document in documents:
        current.setdefault(document.language, document)
    return {
        "visible": True,
        "current": list(current.values()),
        "previous": [d for d in documents if d not in current.values()][:6],
        "is_secretariat": selectors.rules.is_secretariat(user),
    }
