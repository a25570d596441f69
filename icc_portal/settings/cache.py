"""The shared cache (pages, content versions, the API throttle) and which public pages are cached (core.pagecache).

CACHE_URL picks the cache every web and worker process shares: `redis://host:6379/1` in production (a database
number of its own: clearing the cache empties it), `file:///path` on one machine (the default, under var/cache),
`locmem://` or `dummy://` for experiments. PAGE_CACHE_SECONDS=0 turns the page cache off.
"""

from urllib.parse import urlsplit

from ..env import VAR_DIR, env_str


def cache_from_url(url: str) -> dict:
    scheme = urlsplit(url).scheme
    if scheme in ("redis", "rediss", "unix"):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "file":
        return {"BACKEND": "core.filecache.FileCache", "LOCATION": urlsplit(url).path,
                "OPTIONS": {"MAX_ENTRIES": 20_000}}  # fmt: skip
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if scheme == "dummy":
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    raise ValueError(f"CACHE_URL: unknown scheme {scheme!r} (redis://, file://, locmem://, dummy://)")


CACHES = {
    "default": cache_from_url(env_str("CACHE_URL") or env_str("REDIS_URL") or f"file://{VAR_DIR / 'cache'}"),
}

# The namespaces each page shows; a change in one of them (core.cache.bump) drops the page. A page not named here
# is never cached. Every page shows city names, and the city page has sections from every app.
_PRACTICES = ("goodpractices", "cities")
# A practice's page shows its adoptions and follow-ups (exchange).
_PRACTICE_PAGE = (*_PRACTICES, "exchange")
_EVERYTHING = ("goodpractices", "cities", "index", "events", "profiles", "exchange")
PAGE_CACHE = {
    "seconds": int(env_str("PAGE_CACHE_SECONDS", "600")),
    "max_bytes": 2_000_000,
    "views": {
        "home": _EVERYTHING,
        "goodpractices:list": _PRACTICES,
        "goodpractices:detail": _PRACTICE_PAGE,
        "goodpractices:pdf": _PRACTICES,
        "goodpractices:fields": _PRACTICES,
        "goodpractices:field": _PRACTICES,
        "goodpractices:feed": _PRACTICES,
        "goodpractices:field-feed": _PRACTICES,
        "cities:list": ("cities",),
        "events:list": ("events", "cities"),
        "events:detail": ("events", "cities", "goodpractices"),
        "cities:detail": _EVERYTHING,
        "index:public": ("index", "cities"),
        "index:method": ("index",),
        "index_city:results": ("index", "cities"),
        "index_city:wave": ("index", "cities"),
        "api:goodpractice-list": _PRACTICES,
        "api:goodpractice-detail": _PRACTICES,
        "api:fieldofaction-list": ("goodpractices",),
        "api:city-list": ("cities",),
        "api:city-detail": ("cities",),
        "api:index-edition-list": ("index",),
        "api:index-edition-detail": ("index",),
        "api:index-assessment-results": ("index", "cities"),
    },
}
