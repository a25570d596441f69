"""The cache of a single machine without Redis (`CACHE_URL=file://…`, the embedded default): Django's
FileBasedCache, except that it does not list its whole directory on every `set()`.

Django's backend lists every file to decide whether to cull, on every set: 13 ms at 6,500 entries, paid by every page
the page cache stores. Here a process lists them once every CULL_EVERY sets; between two listings the cache may hold
up to CULL_EVERY entries per process more than MAX_ENTRIES. A cull goes back below MAX_ENTRIES, then removes
1/CULL_FREQUENCY of MAX_ENTRIES more, chosen at random as Django does.
"""

import itertools
import random

from django.core.cache.backends.filebased import FileBasedCache

CULL_EVERY = 100


class FileCache(FileBasedCache):
    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._sets = itertools.count()

    def _cull(self):
        if next(self._sets) % CULL_EVERY:
            return
        files = self._list_cache_files()
        if len(files) < self._max_entries:
            return
        if self._cull_frequency == 0:
            self.clear()
            return
        excess = len(files) - self._max_entries + self._max_entries // self._cull_frequency
        for name in random.sample(files, min(excess, len(files))):
            self._delete(name)
