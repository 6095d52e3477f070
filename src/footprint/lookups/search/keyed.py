"""Keyed search APIs that still search the whole web after Google's ends: SerpApi and Mojeek.

Why these two (docs/search-engines.md has the sources and dates):
- SerpApi returns Google's own results page as JSON, so it is the closest to what a patient
  sees; it has a free plan (a few hundred searches a month), enough for several audits.
- Mojeek runs its own independent index from the UK, with a paid API and a documented format.

Formats (fixtures in data/samples/serpapi and data/samples/mojeek, taken from each provider's
documentation because no recorded answer was found; see sources.json):
- SerpApi: `GET /search.json?engine=google&q=..&api_key=..`; JSON `organic_results[]` with
  `position`, `title`, `link`, `snippet`. Errors are HTTP 401 (bad key), 429 (out of searches
  or too fast), or HTTP 200 with `search_metadata.status` "Error" and a top-level `error`.
  A search with no results says so in `search_information.organic_results_state`.
- Mojeek: `GET /search?q=..&fmt=json&api_key=..`; JSON `response.status` ("OK", or "ERROR: …"
  such as "ERROR: Daily Limit Reached" on HTTP 200) and `response.results[]` with `url`,
  `title`, `desc`.

Both take the key as a URL parameter (neither documents a header); reasons never quote a URL.
"""

from __future__ import annotations

from typing import Any

from footprint.lookups.search.backends import (
    TOP_RESULTS,
    SearchBackend,
    SearchFailed,
    SearchResult,
)
from footprint.net.client import GatedClient

_JSON = ("application/json",)
#: Google's country codes (`gl`) as SerpApi takes them; the UK is "uk", not "gb".
_SERPAPI_COUNTRY = {"GB": "uk", "US": "us", "IE": "ie", "AU": "au"}
#: Words in an error that mean the account cannot search again this run.
_QUOTA_WORDS = ("run out", "limit", "exceeded", "quota")


class SerpApiBackend(SearchBackend):
    """Google's results through SerpApi (key in FOOTPRINT_SERPAPI_KEY)."""

    id = "serpapi"
    name = "SerpApi (Google results)"
    service = "serpapi"
    default_url = "https://serpapi.com"
    key_env = "FOOTPRINT_SERPAPI_KEY"
    about = "SerpApi, which runs each search on Google for footprint and passes back the results"

    def search(self, query: str, http: GatedClient) -> list[SearchResult]:
        params = {
            "engine": "google",
            "q": query,
            "num": str(TOP_RESULTS),
            "hl": "en",
            "api_key": self.settings.key(self.key_env) or "",
        }
        if self.region in _SERPAPI_COUNTRY:
            params["gl"] = _SERPAPI_COUNTRY[self.region]
        response = self._get(http, "/search.json", params, _JSON)
        return self.read(self._json(response))

    def read(self, data: dict[str, Any]) -> list[SearchResult]:
        """Results from a SerpApi answer; an error inside a 200 answer is a failure."""
        meta = data.get("search_metadata")
        status = meta.get("status") if isinstance(meta, dict) else None
        error = data.get("error")
        if status == "Error" or (isinstance(error, str) and "organic_results" not in data):
            return self._error(str(error or "no reason given"))
        return self._results(data.get("organic_results"), "link", "snippet")

    def _error(self, message: str) -> list[SearchResult]:
        words = message.lower()
        if "hasn't returned any results" in words:
            return []  # SerpApi's wording for a search with no results at all
        stop = any(w in words for w in _QUOTA_WORDS)
        reason = "has run out of searches for now" if stop else "could not run the search"
        raise SearchFailed(f"{self.name} {reason}", stop=stop)


class MojeekBackend(SearchBackend):
    """Mojeek's own independent index (key in FOOTPRINT_MOJEEK_KEY)."""

    id = "mojeek"
    name = "Mojeek"
    service = "mojeek"
    default_url = "https://www.mojeek.com"
    key_env = "FOOTPRINT_MOJEEK_KEY"
    about = "Mojeek, a UK search engine with its own index"

    def search(self, query: str, http: GatedClient) -> list[SearchResult]:
        params = {
            "q": query,
            "fmt": "json",
            "t": str(TOP_RESULTS),
            "api_key": self.settings.key(self.key_env) or "",
        }
        if self.region:
            params.update({"rb": self.region, "rbb": "10"})  # prefer pages from the region
        response = self._get(http, "/search", params, _JSON)
        return self.read(self._json(response))

    def read(self, data: dict[str, Any]) -> list[SearchResult]:
        """Results from a Mojeek answer; a status other than OK is a failure."""
        body = data.get("response")
        if not isinstance(body, dict):
            raise SearchFailed(f"{self.name} answered in an unexpected format")
        status = str(body.get("status") or "")
        if status != "OK":
            words = status.lower()
            if any(w in words for w in _QUOTA_WORDS):
                raise SearchFailed(f"{self.name} says today's searches are used up", stop=True)
            if "key" in words or "auth" in words:
                raise SearchFailed(f"{self.name} refused the API key", stop=True)
            raise SearchFailed(f"{self.name} could not run the search")
        return self._results(body.get("results"), "url", "desc")
