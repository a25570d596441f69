"""Who the secretariat is, and the guards that services and views use to refuse what a user may not do.

City roles (coordinator, colleague) live with the memberships in `cities.rules`; they build on these.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _


def is_secretariat(user) -> bool:
    """The secretariat in Strasbourg (and admins, who are also secretariat)."""
    return bool(user and user.is_authenticated and user.is_active and (user.is_secretariat or user.is_superuser))


def require_secretariat(user) -> None:
    """For services: PermissionDenied with a readable message unless `user` is the secretariat."""
    if not is_secretariat(user):
        raise PermissionDenied(_("Only the secretariat may do this."))


def secretariat_required(view):
    """For page views: anonymous users go to the login page, everybody else who is not the secretariat gets 404."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        if not is_secretariat(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped
