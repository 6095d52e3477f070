"""Google Programmable Search (Custom Search JSON API), and the end of its whole-web search.

`GET /customsearch/v1?cx=..&q=..` answers `{"kind": "customsearch#search", "items": [...]}`
with `link`, `title`, `snippet` per item (recorded sample: data/samples/google). The key goes
in the `X-Goog-Api-Key` header (a Google system parameter) rather than the URL, so it can
never end up in a logged or reported URL.

Google closed the Custom Search JSON API to new customers and ends its whole-web search on
1 January 2027 (https://developers.google.com/custom-search/v1/overview: "Existing Custom
Search JSON API customers have until January 1, 2027 to transition"; announced January 2026,
see docs/search-engines.md). From that date the engine chain does not try Google at all and
says so in one line (`RETIRED`). Before it, an error that says the API is closed or gone is
"couldn't check" with what to use instead, and stops further Google searches; if a run is
still going at midnight, any answer that is not a normal results page is treated the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from footprint.lookups.safe_get import JSON, json_object
from footprint.lookups.search.backends import (
    TOP_RESULTS,
    SearchBackend,
    SearchFailed,
    SearchResult,
)
from footprint.net.client import GatedClient

#: Google's announced end of whole-web results in the Custom Search JSON API.
WHOLE_WEB_ENDS = date(2027, 1, 1)
USE_INSTEAD = (
    "use Brave Search (FOOTPRINT_BRAVE_KEY), SerpApi (FOOTPRINT_SERPAPI_KEY), Mojeek "
    "(FOOTPRINT_MOJEEK_KEY) or a SearXNG instance (FOOTPRINT_SEARXNG_URL) instead"
)
#: What a run says from 1 January 2027 when a Google key is still set: news, not a failure.
RETIRED = (
    "Google's whole-web search API closed on 1 January 2027, so Google was not asked; "
    f"to search with a key, {USE_INSTEAD}"
)
ENDED = (
    "Google's Custom Search JSON API no longer searches the whole web (closed to new customers; "
    f"whole-web search ends on 1 January 2027); {USE_INSTEAD}"
)
#: Words in Google's error message that say the API itself is closed to this project.
_CLOSED_WORDS = (
    "does not have the access to custom search",
    "custom search json api",
    "discontinued",
    "no longer",
    "deprecated",
    "shut down",
    "not available",
)


class GoogleBackend(SearchBackend):
    """Google Programmable Search (FOOTPRINT_GOOGLE_KEY and FOOTPRINT_GOOGLE_CX)."""

    id = "google"
    name = "Google Programmable Search"
    service = "google"
    default_url = "https://www.googleapis.com"
    key_env = "FOOTPRINT_GOOGLE_KEY"
    cx_env = "FOOTPRINT_GOOGLE_CX"
    #: Today's date; tests replace it to see the behaviour after the end date.
    today: Callable[[], date] = staticmethod(date.today)

    def search(self, query: str, http: GatedClient) -> list[SearchResult]:
        key = self.settings.key(self.key_env) or ""
        cx = self.settings.key(self.cx_env) or ""
        params = {"cx": cx, "q": query, "num": str(TOP_RESULTS)}
        response = http.get(
            self.base_url + "/customsearch/v1",
            params=params,
            headers={"X-Goog-Api-Key": key},
            accept=JSON,
        )
        ended = self.today() >= WHOLE_WEB_ENDS
        data = json_object(response)
        if response.status != 200:
            if ended or response.status == 410 or _says_closed(data):
                raise SearchFailed(ENDED, stop=True)
            raise self.failure(response)
        if data is None or (ended and data.get("kind") != "customsearch#search"):
            raise SearchFailed(
                ENDED if ended else f"{self.name} answered in an unexpected format", stop=ended
            )
        return self._results(data.get("items"), "link", "snippet")


def _says_closed(data: dict[str, Any] | None) -> bool:
    """Whether a Google error body says the API is closed or gone for this project."""
    error = data.get("error") if data else None
    if not isinstance(error, dict):
        return False
    words = str(error.get("message") or "").lower()
    for item in error.get("errors") or []:
        if isinstance(item, dict):
            words += " " + str(item.get("message") or "").lower()
    return any(w in words for w in _CLOSED_WORDS)
