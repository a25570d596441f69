"""Who reaches the desk's pages: the practices of the cities one coordinates (others are 404), and a login that
loses nothing typed (a form posted while the session had expired is kept and saved after login)."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from ..models import GoodPractice
from ..selectors import practices_coordinated_by

PENDING_POST = "goodpractices.pending_post"


def desk_practice(request, pk) -> GoodPractice:
    """The practice, when the user may act for its city; 404 otherwise (another city's practice is not there)."""
    return get_object_or_404(practices_coordinated_by(user=request.user), pk=pk)


def login_keeping_post(view):
    """Like login_required, but a form posted after the session expired is kept in the session and saved
    once the coordinator has logged in again (Django keeps session data across login)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if request.method == "POST":
            data = {key: values for key, values in request.POST.lists() if key != "csrfmiddlewaretoken"}
            data.pop("action", None)
            request.session[PENDING_POST] = {"path": _edit_path(request), "data": data}
            if request.headers.get("x-autosave"):
                return JsonResponse(
                    {
                        "detail": _("Your session has expired. Log in again: what you typed is kept."),
                        "login_url": reverse("login") + "?next=" + _edit_path(request),
                    },
                    status=401,
                )
        return redirect_to_login(_edit_path(request) if request.method == "POST" else request.get_full_path())

    return wrapper


def _edit_path(request) -> str:
    """Autosave and submit post elsewhere; after login the coordinator comes back to the form itself."""
    match = request.resolver_match
    if match and "pk" in match.kwargs:
        return reverse("practice_desk:edit", args=[match.kwargs["pk"]])
    return request.path


def pop_pending_post(request) -> QueryDict | None:
    """The form kept for this page when the session expired, once (None when there is none)."""
    pending = request.session.pop(PENDING_POST, None)
    if not pending or pending.get("path") != request.path:
        return None
    query = QueryDict(mutable=True)
    for key, values in pending["data"].items():
        query.setlist(key, values)
    return query
