"""What the two search lookups share: the queries a patient would type, the consent wording,
URL normalising, and a small in-process cache so one query is never sent twice in an audit.

The queries use only the public, work-side parts of the profile (name, title, workplace,
specialty, town). Nothing from the `private:` block is ever part of a query.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import parse_qsl, urlencode, urlsplit

from footprint.lookups.interface import Lookup
from footprint.lookups.search.backends import SearchBackend, SearchResult
from footprint.lookups.search.chain import pick_backends
from footprint.model.profile import Profile
from footprint.net.client import FetchError, GatedClient

if TYPE_CHECKING:
    from footprint.util.settings import Settings

#: Queries per audit; `--quick` audits use QUICK_QUERIES.
DEFAULT_QUERIES = 6
QUICK_QUERIES = 3

MANUAL_CHECK = (
    "Search your name in a private browser window (so your own accounts do not colour the "
    'results), with the ready-made search links given here or by typing them: "Dr" with '
    'your name, your name with your workplace, and your name with "facebook", "instagram" and '
    '"address". Look through the first two pages for people-search sites, your personal '
    "profiles and anything showing your home address or personal number. To have footprint "
    "read them, save each results page from your browser (Save page as, HTML) and give it "
    "to footprint."
)

_TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|msclkid|ref|ref_src)$", re.IGNORECASE)


@dataclass(frozen=True)
class SearchTerms:
    """The profile values a patient would type, all public or work-side."""

    name: str
    titled: str
    workplace: str | None
    specialty: str | None
    town: str | None

    @classmethod
    def of(cls, profile: Profile) -> SearchTerms:
        work = profile.workplaces[0] if profile.workplaces else None
        town = profile.locality or (work.town if work else None)
        titled = f"{profile.title} {profile.name}" if profile.title else profile.name
        return cls(profile.name, titled, work.name if work else None, profile.specialty, town)

    def sentence(self) -> str:
        """ "your name 'Alex Example', workplace '…', specialty '…' and town '…'"."""
        parts = [f"your name '{self.name}'"]
        for label, value in (
            ("workplace", self.workplace),
            ("specialty", self.specialty),
            ("town", self.town),
        ):
            if value:
                parts.append(f"{label} '{value}'")
        if len(parts) == 1:
            return parts[0]
        return ", ".join(parts[:-1]) + " and " + parts[-1]


def build_queries(terms: SearchTerms, limit: int = DEFAULT_QUERIES) -> list[str]:
    """Searches as a patient would type them, most telling first, at most `limit`."""
    queries = [terms.titled]
    if terms.workplace:
        queries.append(f"{terms.titled} {terms.workplace}")
    if terms.specialty or terms.town:
        queries.append(" ".join(p for p in (terms.titled, terms.specialty, terms.town) if p))
    queries.append(f"{terms.name} facebook")
    queries.append(f"{terms.name} instagram")
    queries.append(" ".join(p for p in (terms.name, terms.town, "address") if p))
    unique = list(dict.fromkeys(q for q in queries if q.strip()))
    return unique[: max(limit, 1)]


def normalise_url(url: str) -> str:
    """A comparable form: lower-case host without www., no fragment, tracking or trailing slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    query = sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k))
    path = parts.path.rstrip("/") or ""
    return f"{host}{path}" + (f"?{urlencode(query)}" if query else "")


def mentions_name(result: SearchResult, profile: Profile) -> bool:
    """Whether the result names the doctor: the surname, as a word, in title, snippet or URL.

    Search engines fill a page with loose matches for rare names; a result that does not even
    carry the surname is not evidence about this doctor.
    """
    surnames = {n.split()[-1].lower().strip(".") for n in [profile.name, *profile.variants] if n}
    haystack = f"{result.title} {result.snippet} {result.url}".lower()
    return any(re.search(rf"(?<![a-z]){re.escape(s)}(?![a-z])", haystack) for s in surnames if s)


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


class SearchLookupBase(Lookup):
    """The backend choice, hosts and query list both search lookups use."""

    manual_check: ClassVar[str] = MANUAL_CHECK
    #: Be gentle with free search pages: one query a second at most.
    min_interval: ClassVar[float] = 1.0

    def __init__(self, settings: Settings, *, max_queries: int = DEFAULT_QUERIES) -> None:
        super().__init__(settings)
        self.max_queries = max_queries
        # `service` names the URL override `footprint lookups` reports. Here it is the
        # configured backend's, known only once there are settings, so it is set per instance
        # (through __dict__: the base class declares it as a class-level constant).
        self.__dict__["service"] = pick_backends(settings)[0].service

    def backends(self, profile: Profile) -> list[SearchBackend]:
        """The search engines to try for `profile`, in order (region from the jurisdiction)."""
        return pick_backends(self.settings, str(profile.jurisdiction))

    def backend(self, profile: Profile) -> SearchBackend:
        """The first search engine tried for `profile`."""
        return self.backends(profile)[0]

    def engine_hosts(self, profile: Profile) -> frozenset[str]:
        """Every search engine host this lookup may contact."""
        return frozenset(b.host for b in self.backends(profile))

    def queries(self, profile: Profile) -> list[str]:
        """The searches this lookup sends (bounded by `max_queries`)."""
        return build_queries(SearchTerms.of(profile), self.max_queries)

    def search_sentence(self, profile: Profile) -> str:
        """ "your name '…', … as search terms (up to 6 searches) to html.duckduckgo.com"."""
        count = len(self.queries(profile))
        noun = "search" if count == 1 else "searches"
        first, *rest = self.backends(profile)
        fallback = "".join(f", or if it is blocked to {b.destination()}" for b in rest)
        return (
            f"{SearchTerms.of(profile).sentence()} as search terms ({count} {noun}) "
            f"to {first.destination()}{fallback}"
        )
