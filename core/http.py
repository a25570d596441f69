"""Facts about a request that several layers must agree on: who the client is, and whether it speaks JSON."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    """The client's address, trusting X-Forwarded-For only as far as `TRUSTED_PROXY_COUNT` proxies wrote it.

    Any client can send an X-Forwarded-For header; only the entries our own proxies appended are true. Each proxy
    appends the address it received the request from, so behind N proxies the client is the N-th entry from the
    end. With no trusted proxy (the default) the header is ignored. The same rule as DRF's `NUM_PROXIES`, which
    the settings set to the same number, so the API's throttle and the login lockout see the same client.
    """
    remote_addr = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if proxies <= 0 or not forwarded:
        return remote_addr
    entries = [entry.strip() for entry in forwarded.split(",")]
    candidate = entries[-min(proxies, len(entries))]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:  # a misconfigured proxy chain: fall back to the address we can vouch for
        return remote_addr


def is_api_request(request) -> bool:
    """Requests to the REST API get JSON errors; everything else gets an HTML page."""
    return request.path_info.startswith("/api/")
