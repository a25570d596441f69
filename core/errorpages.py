"""Error answers people and programs can read: a page in the visitor's language, or JSON on the API.

`icc_portal.urls` names these as Django's handler400/403/404/500; `core.middleware.ErrorMiddleware` uses them for
errors Django would otherwise show as its debug page or a bare "Server Error", and answers 503 while the database
is unreachable. The 500 and 503 pages need no database (no request context, no user): they must render when the
database is what failed.
"""

import psycopg
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

from .http import is_api_request

# Connection refused, the server restarting, "too many clients", a connection that broke mid-request. Django wraps
# psycopg's errors in its own classes; a connection pool may raise psycopg's directly.
DATABASE_OUTAGE_ERRORS = (OperationalError, InterfaceError, psycopg.OperationalError, psycopg.InterfaceError)
RETRY_AFTER_SECONDS = 30


def is_database_outage(exception) -> bool:
    return isinstance(exception, DATABASE_OUTAGE_ERRORS)


def error_response(request, status: int, *, detail: str, template: str, with_request: bool = True) -> HttpResponse:
    """JSON `{"detail"}` for the API; otherwise `template`, rendered with the request's context when `with_request`."""
    if request is not None and is_api_request(request):
        return JsonResponse({"detail": detail}, status=status)
    body = loader.render_to_string(template, {"detail": detail}, request if with_request else None)
    return HttpResponse(body, status=status)


@requires_csrf_token
def bad_request(request, exception=None):
    return error_response(request, 400, detail=_("The request could not be understood."), template="400.html")


@requires_csrf_token
def permission_denied(request, exception=None):
    return error_response(request, 403, detail=_("You do not have permission to do this."), template="403.html")


@requires_csrf_token
def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without its token, or from another site (a stale page, usually)."""
    detail = _("This form has expired or did not come from the portal. Go back, reload the page and send it again.")
    return error_response(request, 403, detail=detail, template="403.html")


@requires_csrf_token
def page_not_found(request, exception=None):
    return error_response(request, 404, detail=_("Not found."), template="404.html")


def server_error(request):
    return error_response(
        request, 500, detail=_("Something went wrong on our side."), template="500.html", with_request=False
    )


def database_unavailable(request):
    """503 with Retry-After: the database cannot be reached; the next request tries again by itself."""
    response = error_response(
        request,
        503,
        detail=_("The portal is briefly unavailable. Please try again in a minute."),
        template="503.html",
        with_request=False,
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
