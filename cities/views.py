from django.shortcuts import get_object_or_404, render

from . import rules
from .filters import CityFilterSet
from .maps import member_map
from .selectors import city_list


def city_directory(request):
    filterset = CityFilterSet(request.GET or None, queryset=city_list(user=request.user))
    cities = filterset.qs if filterset.is_bound and filterset.is_valid() else filterset.queryset
    return render(request, "cities/city_list.html", {"filterset": filterset, "cities": cities})


def city_detail(request, slug):
    city = get_object_or_404(city_list(user=request.user), slug=slug)
    context = {
        "city": city,
        "can_coordinate": rules.can_coordinate(request.user, city),
        "warnings": city.membership_warnings() if rules.can_manage_cities(request.user) else [],
        "city_sections": _city_sections(),
        "map": member_map([city]),
        "contact_template": _contact_template(),
    }
    return render(request, "cities/city_detail.html", context)


def _contact_template() -> str | None:
    """The contact form of the exchange app (a relay: the coordinator's address is never shown), once installed."""
    from django.apps import apps

    return "exchange/city_contact.html" if apps.is_installed("exchange") else None


def _city_sections() -> list[str]:
    """Templates that other apps contribute to the city page (practices, Index results, events)."""
    from django.apps import apps

    return [
        f"{config.label}/city_section.html"
        for config in apps.get_app_configs()
        if getattr(config, "has_city_section", False)
    ]
