"""A small in-process cache so one search query is never sent twice in an audit.

Used by the engine chain (`footprint.lookups.search.engine_chain`) for every search it sends; kept in
its own module so the chain and the search lookups' shared parts do not import each other.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from footprint.lookups.search.backends import SearchBackend, SearchResult
from footprint.net.client import FetchError, GatedClient


class _SearchCache:
    """(backend, base URL, query) -> results or the failure; waits if the same search is running.

    Both search lookups may run at once; the second one waits for the first and reuses its
    answer, so the search engine sees each query once. Entries expire after `ttl` seconds.
    """

    def __init__(self, ttl: float = 600.0) -> None:
        self.ttl = ttl
        self._lock = threading.Lock()
        self._key_locks: dict[tuple[str, str, str], threading.Lock] = {}
        self._entries: dict[
            tuple[str, str, str], tuple[float, list[SearchResult] | FetchError]
        ] = {}

    def get(
        self, key: tuple[str, str, str], fetch: Callable[[], list[SearchResult]]
    ) -> list[SearchResult]:
        with self._lock:
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:
            entry = self._entries.get(key)
            if entry is None or time.monotonic() - entry[0] > self.ttl:
                try:
                    value: list[SearchResult] | FetchError = fetch()
                except FetchError as err:
                    value = err
                entry = (time.monotonic(), value)
                self._entries[key] = entry
        if isinstance(entry[1], FetchError):
            raise entry[1]
        return list(entry[1])

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._key_locks.clear()


_CACHE = _SearchCache()


def cached_search(backend: SearchBackend, query: str, http: GatedClient) -> list[SearchResult]:
    """`backend.search(query)`, sent at most once per audit process (see `_SearchCache`)."""
    key = (backend.id, backend.base_url, query)
    return _CACHE.get(key, lambda: backend.search(query, http))


def clear_search_cache() -> None:
    """Forget cached searches (tests; a new audit in the same process)."""
    _CACHE.clear()
