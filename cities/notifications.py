"""Notifications to a city's coordinators, built on the kernel's outbox-backed `notify_users`."""

from accounts.models import User
from core.notifications import notify_users

from .models import City, Membership


def city_coordinators(city: City):
    """The active coordinators of `city` (not the colleagues who only help with the Index)."""
    return User.objects.filter(
        is_active=True, memberships__city=city, memberships__role=Membership.Role.COORDINATOR
    ).distinct()


def notify_city_coordinators(*, city: City, template: str, context: dict) -> None:
    """One e-mail per language to the city's coordinators, each in the language of their profile."""
    notify_users(template=template, users=city_coordinators(city), context=context)
