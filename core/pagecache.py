"""Public pages served from the shared cache, and dropped the moment what they show changes.

Only what no visitor can make personal is cached: GET requests of anonymous visitors (not logged in, no
Authorization header, no message waiting for them) to the views named in settings.PAGE_CACHE["views"], answered 200
without a cookie, a CSRF token, a message, a changed session or a private Cache-Control. Anything else goes to the
view as usual. The key is the URL with its query string, the scheme and host, the language, whether HTML was asked
for and the htmx headers; an entry keeps the versions (core.cache) of the namespaces its view shows and is served
only while they are current. Every cached page carries an ETag and a Last-Modified (the last change of what it shows)
for conditional GETs, answered 304 by Django's ConditionalGetMiddleware.
"""

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from django.utils.translation import get_language

from .cache import lookup, store

HTMX_HEADERS = ("HTTP_HX_REQUEST", "HTTP_HX_BOOSTED", "HTTP_HX_TARGET", "HTTP_HX_HISTORY_RESTORE_REQUEST")
PRIVATE = ("private", "no-store", "no-cache")
KEY_PREFIX = "page:"


class PageCacheMiddleware:
    """Sits below authentication and messages (it needs both) and above the views' own middleware."""

    def __init__(self, get_response):
        self.get_response = get_response
        config = getattr(settings, "PAGE_CACHE", {})
        self.views = config.get("views", {})
        self.seconds = config.get("seconds", 0)
        self.max_bytes = config.get("max_bytes", 1_000_000)

    def __call__(self, request):
        response = self.get_response(request)
        plan = getattr(request, "page_cache", None)
        if plan and not getattr(response, "from_page_cache", False) and self._storable(request, response):
            self._store(plan, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        namespaces = self.views.get(request.resolver_match.view_name)
        if not self.seconds or namespaces is None or request.method != "GET" or not _anonymous(request):
            return None
        key = _key(request)
        entry, current = lookup(key, namespaces)
        if entry is not None:
            response = HttpResponse(entry["content"], status=entry["status"], headers=entry["headers"])
            response.from_page_cache = True
            response["X-Page-Cache"] = "hit"
            return response
        request.page_cache = (key, current)
        return None

    def _storable(self, request, response) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and len(response.content) <= self.max_bytes
            and not response.cookies
            # The page holds a CSRF token (rendering one flags the cookie for an update): it is this visitor's.
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not any(word in cache_control for word in PRIVATE)
            # Checked again: the API authenticates inside the view, and a view may have added a message.
            and _anonymous(request)
            and not getattr(getattr(request, "session", None), "modified", False)
        )

    def _store(self, plan, response) -> None:
        key, current = plan
        response["ETag"] = '"' + hashlib.md5(response.content, usedforsecurity=False).hexdigest() + '"'
        response["Last-Modified"] = http_date(max(current) // 1_000_000_000)
        # Browsers and proxies may keep the page but must ask again (a 304 when nothing changed).
        patch_cache_control(response, no_cache=True)
        entry = {"status": response.status_code, "headers": dict(response.headers), "content": response.content}
        store(key, entry, current, self.seconds)
        response["X-Page-Cache"] = "miss"


def _anonymous(request) -> bool:
    if "HTTP_AUTHORIZATION" in request.META or request.user.is_authenticated:
        return False
    messages = getattr(request, "_messages", None)
    return messages is None or len(messages) == 0


def _key(request) -> str:
    parts = [
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        get_language() or "",
        "html" if "text/html" in request.META.get("HTTP_ACCEPT", "") else "",
        *(request.META.get(header, "") for header in HTMX_HEADERS),
    ]
    return KEY_PREFIX + hashlib.sha256("\n".join(parts).encode()).hexdigest()
