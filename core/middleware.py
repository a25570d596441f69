"""Headers every response carries, and errors people and programs can read."""

import json
import logging
import sys

from django.conf import settings
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.core.signals import got_request_exception
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.utils.translation import gettext as _

from . import errorpages
from .http import is_api_request

logger = logging.getLogger("django.request")

# Headers an error answer keeps when the API's safety net turns it into JSON.
_KEPT_HEADERS = ("Retry-After", "WWW-Authenticate", "Allow")


class PermissionsPolicyMiddleware:
    """`Permissions-Policy`: the browser features the portal never uses stay off, even for injected content."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class ErrorMiddleware:
    """What an exception becomes, instead of Django's debug page, a bare "Server Error" or an HTML page on the API.

    - The database is down or its connection broke: 503 with Retry-After (a page, or JSON on the API). Nothing is
      kept from the failed connection, so the portal recovers by itself when the database is back.
    - On the API every error is JSON: a bug in a view (500, logged with its traceback), and, as a last net, any
      error answer in HTML that another layer produced (Django's 404 for an unknown path, a CSRF failure, ...).

    It sits near the top of MIDDLEWARE so that the net sees the answers of every layer below it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and errorpages.is_database_outage(getattr(request, "_uncaught_exception", None)):
            # The database failed outside a view (in a middleware or an error page): Django answered 500.
            response = errorpages.database_unavailable(request)
        if is_api_request(request) and response.status_code >= 400 and not _is_json(response):
            response = _as_json(response)
        return response

    def process_exception(self, request, exception):
        if errorpages.is_database_outage(exception):
            logger.warning("Database unavailable: %s (%s)", request.path, exception.__class__.__name__)
            return _logged(errorpages.database_unavailable(request))
        if not is_api_request(request) or isinstance(exception, Http404 | PermissionDenied | SuspiciousOperation):
            return None  # Django's handlers (core.errorpages) answer these, as JSON on the API
        logger.error("Internal Server Error: %s", request.path, exc_info=exception)
        return _logged(errorpages.server_error(request))


def _remember_uncaught_exception(sender, request=None, **kwargs):
    """Django signals every exception it turns into an error answer; keep it for `ErrorMiddleware.__call__`."""
    if request is not None:
        request._uncaught_exception = sys.exc_info()[1]


got_request_exception.connect(_remember_uncaught_exception, dispatch_uid="core.middleware.uncaught_exception")


def _is_json(response) -> bool:
    return response.get("Content-Type", "").split(";")[0].strip().endswith("json")


def _as_json(response):
    replacement = JsonResponse({"detail": response.reason_phrase}, status=response.status_code)
    for header in _KEPT_HEADERS:
        if header in response:
            replacement[header] = response[header]
    replacement._has_been_logged = getattr(response, "_has_been_logged", False)
    return replacement


def _logged(response):
    # Django logs every error answer; these were logged here already (or by the layer that produced them).
    response._has_been_logged = True
    return response


class RequestEdgeMiddleware:
    """Two kinds of request are refused here, before any view runs.

    * A path holding a NUL names nothing (no slug, code or id holds one, and PostgreSQL cannot compare text with
      one: `/api/v1/cities/a%00b/` was a 500): 404.
    * A body sent with `Transfer-Encoding: chunked`: Django reads a body by its Content-Length only, so it would see
      none, and the development server then read the chunks as a second request and sent a broken reply after the
      first. 411 Length Required. The reply carries no Content-Length (it is streamed), which makes the development
      server close the connection after it instead of reading the chunks as a request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            raise Http404
        if "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            return _length_required(request)
        return self.get_response(request)


def _length_required(request) -> StreamingHttpResponse:
    message = _("Send the request body with a Content-Length header; chunked transfer encoding is not accepted.")
    if is_api_request(request):
        return StreamingHttpResponse([json.dumps({"detail": message})], status=411, content_type="application/json")
    return StreamingHttpResponse([message], status=411, content_type="text/plain; charset=utf-8")
