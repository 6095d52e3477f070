"""Which search engines the search lookups use, in which order, and the searches to do by hand.

Engines are tried in order for each search: Brave (when FOOTPRINT_BRAVE_KEY is set), SerpApi
(FOOTPRINT_SERPAPI_KEY), Mojeek (FOOTPRINT_MOJEEK_KEY), Google Programmable Search (key and
engine id set, and only before 1 January 2027, see `footprint.lookups.search.google`), a
SearXNG instance (FOOTPRINT_SEARXNG_URL), then DuckDuckGo's HTML page, which needs nothing.
From 1 January 2027 Google is not tried at all: `retired_notes` gives the one line that says
so, which is news about the engines, not a failed search. Keyed engines come first because someone set
them up on purpose and they block automated searches least. An engine that is blocked (bot
check, CAPTCHA, HTTP 202/403/410/429, a retired API) is not asked again during the run; the
next one answers instead, and the observation says which one did. Only when every engine
failed is the search "couldn't check", with each engine's reason.

Whatever happens, the searches a patient would type are also given as ready-made links for
Google, Bing and DuckDuckGo, so the doctor can run them in their own browser (and save the
result pages for `footprint scan`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from footprint.lookups.search.backends import (
    BraveBackend,
    DuckDuckGoBackend,
    SearchBackend,
    SearchFailed,
    SearchResult,
    SearxngBackend,
)
from footprint.lookups.search.cache import cached_search
from footprint.lookups.search.google import RETIRED, WHOLE_WEB_ENDS, GoogleBackend
from footprint.lookups.search.keyed import MojeekBackend, SerpApiBackend
from footprint.model.observation import ManualLink
from footprint.net.client import FetchError, GatedClient
from footprint.util.settings import Settings

#: Where a patient would type the search: (engine name, results page URL before the query).
MANUAL_ENGINES = (
    ("Google", "https://www.google.com/search?"),
    ("Bing", "https://www.bing.com/search?"),
    ("DuckDuckGo", "https://duckduckgo.com/?"),
)


#: Engines that need only their key, in the order tried (set up on purpose, so they go first).
KEYED: tuple[type[SearchBackend], ...] = (BraveBackend, SerpApiBackend, MojeekBackend)


def pick_backends(
    settings: Settings, region: str = "GB", today: date | None = None
) -> list[SearchBackend]:
    """The engines to try on `today` (default: the real date), in order (see the module
    docstring); DuckDuckGo is always last."""
    chain = [k(settings, region) for k in KEYED if settings.key(k.key_env or "")]
    if _google_configured(settings) and not _google_retired(today):
        chain.append(GoogleBackend(settings, region))
    if settings.is_overridden(SearxngBackend.service):
        chain.append(SearxngBackend(settings, region))
    chain.append(DuckDuckGoBackend(settings, region))
    return chain


def pick_backend(
    settings: Settings, region: str = "GB", today: date | None = None
) -> SearchBackend:
    """The first engine tried."""
    return pick_backends(settings, region, today)[0]


#: Every engine by id, whatever the date or settings: for replaying one engine's answers.
ENGINES: dict[str, type[SearchBackend]] = {
    b.id: b
    for b in (
        BraveBackend,
        SerpApiBackend,
        MojeekBackend,
        GoogleBackend,
        SearxngBackend,
        DuckDuckGoBackend,
    )
}


def retired_notes(settings: Settings, today: date | None = None) -> list[str]:
    """One line per engine the doctor set up that has closed for good by `today`."""
    return [RETIRED] if _google_configured(settings) and _google_retired(today) else []


def _google_configured(settings: Settings) -> bool:
    return bool(settings.key(GoogleBackend.key_env) and settings.key(GoogleBackend.cx_env))


def _google_retired(today: date | None) -> bool:
    return (today or date.today()) >= WHOLE_WEB_ENDS


@dataclass
class EngineChain:
    """The engines for one lookup run, remembering which ones have stopped answering."""

    backends: list[SearchBackend]
    stopped: dict[str, str] = field(default_factory=dict)  # engine id -> why it stopped

    def search(self, query: str, http: GatedClient) -> tuple[SearchBackend, list[SearchResult]]:
        """The first engine that answers `query`, and its results.

        Raises `SearchFailed` with every engine's reason when none answered; `stop` is set
        when no engine is left for later searches either.
        """
        reasons: list[str] = []
        for backend in self.backends:
            if backend.id in self.stopped:
                reasons.append(f"{backend.name}: not asked again ({self.stopped[backend.id]})")
                continue
            try:
                return backend, cached_search(backend, query, http)
            except FetchError as err:
                reasons.append(
                    err.reason if len(self.backends) == 1 else f"{backend.name}: {err.reason}"
                )
                if isinstance(err, SearchFailed) and err.stop:
                    self.stopped[backend.id] = err.reason
        all_stopped = all(b.id in self.stopped for b in self.backends)
        raise SearchFailed("; ".join(reasons), stop=all_stopped)


def manual_search_links(queries: list[str]) -> list[ManualLink]:
    """Each search on Google, Bing and DuckDuckGo, as links to open in the doctor's browser."""
    return [
        ManualLink(label=f'Search {engine} for "{query}"', url=base + urlencode({"q": query}))
        for query in queries
        for engine, base in MANUAL_ENGINES
    ]
