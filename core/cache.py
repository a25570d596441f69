"""Versions of what the public pages show, so that a cached page is dropped the moment what it shows changes.

Each namespace (an app's label: "goodpractices", "cities", "index", …) has a version in the shared cache: the time
of its last change, in nanoseconds. A cached page records the versions it was built from (core.pagecache) and is
served only while they are still current. Apps declare what is public with `watch(Model, when=…)` in their
AppConfig.ready(), so that no service has to remember to call `bump()`; code that writes around the ORM's signals
(COPY, queryset.update() of public rows) calls `bump(namespace)` itself.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

PREFIX = "content-version:"


def version_key(namespace: str) -> str:
    return PREFIX + namespace


def bump(*namespaces: str) -> None:
    """Marks the namespaces changed now, and again once the transaction commits: a page rendered in between from
    the rows as they were before the commit was stored under the first version and is dropped by the second."""
    _set(namespaces)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: _set(namespaces))


def _set(namespaces: Iterable[str]) -> None:
    now = time.time_ns()
    cache.set_many({version_key(namespace): now for namespace in namespaces}, timeout=None)


def versions(namespaces: Iterable[str], found: dict) -> tuple[int, ...]:
    """The current version of each namespace, read from `found` (the result of a get_many that included their
    keys). A version the cache lost (evicted, cleared) starts again from now, so nothing older matches it."""
    values = []
    for namespace in namespaces:
        value = found.get(version_key(namespace))
        if value is None:
            cache.add(version_key(namespace), time.time_ns(), timeout=None)
            value = cache.get(version_key(namespace))
        values.append(value)
    return tuple(values)


def lookup(key: str, namespaces: Iterable[str]) -> tuple[object | None, tuple[int, ...]]:
    """The value stored under `key` if it was stored at the namespaces' current versions (else None), and those
    versions, in one round trip to the cache."""
    namespaces = tuple(namespaces)
    found = cache.get_many([key, *(version_key(namespace) for namespace in namespaces)])
    current = versions(namespaces, found)
    entry = found.get(key)
    return (entry["value"] if entry and entry["versions"] == current else None), current


def store(key: str, value, current: tuple[int, ...], timeout: int | None = None) -> None:
    """Stores `value` as computed at the versions `current` (read by lookup() before computing it)."""
    cache.set(key, {"versions": current, "value": value}, timeout)


def remember(key: str, namespaces: Iterable[str], compute: Callable[[], object], timeout: int | None = None):
    """`compute()`, run once per change of the namespaces (and per `timeout`) for every process sharing the cache.

    Each process also keeps the values it read (the last LOCAL_ENTRIES of them), by the versions they were computed
    at: a call then reads only the versions from the shared cache, and a large value (every city's traits or scores)
    is unpickled once per change, not on every request. Callers must not modify what they are given."""
    namespaces = tuple(namespaces)
    current = versions(namespaces, cache.get_many([version_key(namespace) for namespace in namespaces]))
    with _local_lock:
        kept = _local.get(key)
        if kept is not None and kept[0] == current and kept[2] > time.monotonic():
            _local.move_to_end(key)
            return kept[1]
    value, current = lookup(key, namespaces)
    if value is None:
        value = compute()
        store(key, value, current, timeout)
    with _local_lock:
        _local[key] = (current, value, time.monotonic() + (timeout or LOCAL_SECONDS))
        _local.move_to_end(key)
        while len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)
    return value


# What remember() keeps in each process: a few hundred values (filter options per language, the network's data per
# set of fields or edition), each for at most LOCAL_SECONDS even when nothing changes.
LOCAL_ENTRIES = 256
LOCAL_SECONDS = 600
_local: OrderedDict[str, tuple[tuple[int, ...], object, float]] = OrderedDict()
_local_lock = threading.Lock()


def watch(model, *, namespace: str | None = None, when: Callable[[object], bool] | None = None) -> None:
    """Bumps `namespace` (the model's app label by default) when a row of `model` is saved or deleted, or when one
    of its many-to-many relations changes; with `when`, only for rows it says are public."""
    namespace = namespace or model._meta.app_label

    def changed(sender, instance, action="post_save", **kwargs):
        if action.startswith("pre_"):  # many-to-many changes signal before and after; after is enough
            return
        # A many-to-many change seen from the other side hands over the other model's row: assume it is public.
        if when is None or not isinstance(instance, model) or when(instance):
            bump(namespace)

    uid = f"core.cache.watch:{model._meta.label}"
    post_save.connect(changed, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(changed, sender=model, weak=False, dispatch_uid=uid)
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(changed, sender=field.remote_field.through, weak=False, dispatch_uid=f"{uid}.{field.name}")
