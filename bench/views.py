from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.template import engines

FLOOR_TEMPLATE = Path(__file__).resolve().with_name("floor.html")


@cache
def _floor_template():
    # Compiled once, as the cached loader keeps the product's templates; it extends the product's base.html.
    return engines["django"].from_string(FLOOR_TEMPLATE.read_text(encoding="utf-8"))


def floor(request):
    """A page with no database access, through the whole middleware stack and base.html: the benchmark's floor,
    what any page costs before it does its own work."""
    return HttpResponse(_floor_template().render({}, request))
