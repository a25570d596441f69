"""Who may do what: the one place views, the API and the admin ask.

Roles: the anonymous public; a city's members (coordinators, and colleagues from other departments
invited to help with the Index); the secretariat; admins (superusers, who are also secretariat).
Object rules of each app build on these predicates in that app's `selectors.py`. Who the secretariat is, and its
guards, come from the kernel (`core.permissions`); the city roles live here, beside the memberships they read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from core.permissions import is_secretariat, require_secretariat, secretariat_required  # noqa: F401  (one entry)

if TYPE_CHECKING:
    from .models import City


def is_coordinator(user) -> bool:
    """Coordinates at least one city."""
    return bool(user and user.is_authenticated and coordinated_city_ids(user))


def coordinated_city_ids(user) -> set[int]:
    """Cities the user coordinates (not those where they only help as a colleague)."""
    if not (user and user.is_authenticated and user.is_active):
        return set()
    cache = getattr(user, "_coordinated_city_ids", None)
    if cache is None:
        from .models import Membership

        cache = set(
            Membership.objects.filter(user=user, role=Membership.Role.COORDINATOR).values_list("city_id", flat=True)
        )
        user._coordinated_city_ids = cache
    return cache


def member_city_ids(user) -> set[int]:
    """Cities the user belongs to in any role."""
    if not (user and user.is_authenticated and user.is_active):
        return set()
    cache = getattr(user, "_member_city_ids", None)
    if cache is None:
        from .models import Membership

        cache = set(Membership.objects.filter(user=user).values_list("city_id", flat=True))
        user._member_city_ids = cache
    return cache


def can_coordinate(user, city: City) -> bool:
    """May act for the city: submit its practices, manage its Index assessments, register its people."""
    return is_secretariat(user) or city.pk in coordinated_city_ids(user)


def require_coordinator_of(user, city: City) -> None:
    """For services: PermissionDenied unless `user` coordinates `city` or is the secretariat."""
    if not can_coordinate(user, city):
        raise PermissionDenied(_("Only the city's coordinators and the secretariat may do this."))


def is_member_of(user, city: City) -> bool:
    return city.pk in member_city_ids(user)


def can_see_desk(user) -> bool:
    return bool(user and user.is_authenticated and (is_secretariat(user) or member_city_ids(user)))


def can_manage_cities(user) -> bool:
    """Invite coordinators, edit city records, see membership warnings."""
    return is_secretariat(user)


def city_content_visible_to(queryset: QuerySet, user, *, public: Q) -> QuerySet:
    """A city's content (practices, assessments): everyone sees the rows `public` selects, a city's members also
    see all of their cities' rows, the secretariat sees everything. Others get 404s, never a hint it exists."""
    if is_secretariat(user):
        return queryset
    member_of = member_city_ids(user)
    if member_of:
        return queryset.filter(public | Q(city_id__in=member_of))
    return queryset.filter(public)
