"""Search engines behind one small interface: DuckDuckGo (HTML), SearXNG, Brave, Google.

Each backend sends one query and returns the top results as `SearchResult`s, or raises
`SearchFailed` (a `FetchError`) with a plain-words reason when it could not give an answer:
blocked, rate-limited, a captcha page, a refused key, or a format we no longer recognise. A
failure is never an empty list, because an empty list means "nothing found".

Formats (sources in tests/fixtures/web_search/README.md):
- DuckDuckGo HTML: results are `div.result` blocks inside `div#links`, the title link is
  `a.result__a` (often a `//duckduckgo.com/l/?uddg=<target>` redirect), the snippet is
  `.result__snippet`; a bot check is a page with `form#challenge-form` (anomaly modal).
- SearXNG: `GET /search?q=..&format=json`, JSON `results[]` with `url`, `title`, `content`;
  HTTP 403 when the instance has the JSON format turned off.
- DuckDuckGo's bot check can also come as HTTP 202 (a challenge page instead of results).
- Brave: `GET /res/v1/web/search?q=..` with header `X-Subscription-Token`; `web.results[]` with
  `url`, `title`, `description`.
- SearXNG answers HTTP 200 with `"results": []` and every engine listed in
  `unresponsive_engines` when its engines are blocked: that is a blocked search, not an empty one.
- Google Programmable Search: `footprint.lookups.search.google`.
- SerpApi and Mojeek (keyed, whole-web after Google's end): `footprint.lookups.search.keyed`.
- Which engines are tried, in which order: `footprint.lookups.search.engine_chain`.

API keys are read from settings when a request is made and are never put in a reason.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from footprint.lookups.safe_get import json_object
from footprint.net.client import FetchError, GatedClient, Response
from footprint.util.settings import Settings

#: Results kept per query: roughly the first page a patient would read.
TOP_RESULTS = 10
_HTML = ("text/html", "application/xhtml+xml")
_JSON = ("application/json",)
#: DuckDuckGo region codes (`kl`), country-language as used by DDG's own form.
_DDG_REGIONS = {"GB": "uk-en", "US": "us-en", "IE": "ie-en", "AU": "au-en"}


@dataclass(frozen=True)
class SearchResult:
    """One search result as the engine showed it."""

    title: str
    url: str
    snippet: str
    rank: int  # 1 = top result


class SearchFailed(FetchError):
    """A search gave no usable answer. `stop`: later queries would fail the same way."""

    def __init__(self, reason: str, *, stop: bool = False) -> None:
        super().__init__(reason)
        self.stop = stop


class SearchBackend(ABC):
    """One search engine. `service` names its `FOOTPRINT_<SERVICE>_URL` override."""

    id: ClassVar[str]
    name: ClassVar[str]
    service: ClassVar[str]
    default_url: ClassVar[str]
    #: The settings key the engine needs (FOOTPRINT_<NAME>_KEY), if any.
    key_env: ClassVar[str | None] = None
    #: Who receives the searches, for the consent sentence when the host does not say it.
    about: ClassVar[str] = ""

    def __init__(self, settings: Settings, region: str = "GB") -> None:
        self.settings = settings
        self.region = region

    @property
    def base_url(self) -> str:
        """The base URL in use: the override if set, else the real service."""
        return self.settings.url(self.service, self.default_url)

    @property
    def host(self) -> str:
        """The one host this backend contacts."""
        return (urlsplit(self.base_url).hostname or "").lower()

    def destination(self) -> str:
        """Where queries go, for the consent sentence; an override is said plainly."""
        real = (urlsplit(self.default_url).hostname or "").lower()
        if not self.settings.is_overridden(self.service):
            return f"{real} ({self.about})" if self.about else real
        env = f"FOOTPRINT_{self.service.upper()}_URL"
        return f"{_display_url(self.base_url)} (your replacement for {real}, set in {env})"

    @abstractmethod
    def search(self, query: str, http: GatedClient) -> list[SearchResult]:
        """The top results for `query`; raises `SearchFailed`/`FetchError` when blocked."""

    def _get(
        self,
        http: GatedClient,
        path: str,
        params: dict[str, str],
        accept: tuple[str, ...],
        headers: dict[str, str] | None = None,
    ) -> Response:
        response = http.get(self.base_url + path, params=params, headers=headers, accept=accept)
        if response.status != 200:
            raise self.failure(response)
        return response

    def failure(self, response: Response) -> SearchFailed:
        """The couldn't-check reason for a non-200 answer (status code only, no URL)."""
        status, name = response.status, self.name
        if status == 429:
            return SearchFailed(f"{name} is limiting how often we can search (HTTP 429)", stop=True)
        if status in (401, 403):
            return SearchFailed(f"{name} refused the search (HTTP {status})", stop=True)
        if status == 202:  # DuckDuckGo's bot check arrives as 202 with a challenge page
            return SearchFailed(
                f"{name} answered with a bot check instead of results (HTTP 202)", stop=True
            )
        if status == 410:
            return SearchFailed(f"{name} says this search service is gone (HTTP 410)", stop=True)
        if status >= 500:
            return SearchFailed(f"{name} had a server problem (HTTP {status})")
        return SearchFailed(f"{name} gave an unexpected answer (HTTP {status})")

    def _json(self, response: Response) -> dict[str, Any]:
        data = json_object(response)
        if data is None:
            raise SearchFailed(f"{self.name} answered in an unexpected format")
        return data

    def _results(self, rows: Any, url_key: str, snippet_key: str) -> list[SearchResult]:
        """Turn a JSON list of result objects into `SearchResult`s; odd shapes fail loudly."""
        if rows is None:
            return []
        if not isinstance(rows, list):
            raise SearchFailed(f"{self.name} answered in an unexpected format")
        results: list[SearchResult] = []
        for row in rows:
            if not isinstance(row, dict) or not isinstance(row.get(url_key), str):
                raise SearchFailed(f"{self.name} answered in an unexpected format")
            results.append(
                SearchResult(
                    title=_text(row.get("title")),
                    url=row[url_key],
                    snippet=_text(row.get(snippet_key)),
                    rank=len(results) + 1,
                )
            )
        return results[:TOP_RESULTS]


class DuckDuckGoBackend(SearchBackend):
    """DuckDuckGo's no-JavaScript HTML page: no key, but it may show a bot check."""

    id = "duckduckgo"
    name = "DuckDuckGo"
    service = "duckduckgo"
    default_url = "https://html.duckduckgo.com"

    def search(self, query: str, http: GatedClient) -> list[SearchResult]:
        params = {"q": query}
        if self.region in _DDG_REGIONS:
            params["kl"] = _DDG_REGIONS[self.region]
        response = self._get(http, "/html/", params, _HTML)
        return parse_duckduckgo_html(response.text)


def parse_duckduckgo_html(page: str) -> list[SearchResult]:
    """Results from DuckDuckGo's HTML page; raises `SearchFailed` on a bot check or new format."""
    soup = BeautifulSoup(page, "lxml")
    if soup.select_one("form#challenge-form, .anomaly-modal__modal") or (
        "bots use DuckDuckGo too" in soup.get_text()
    ):
        raise SearchFailed("DuckDuckGo showed a 'are you a robot?' check (captcha)", stop=True)
    links = soup.select_one("#links")
    blocks = soup.select("div.result")
    if links is None and not blocks:
        if soup.select_one(".no-results"):
            return []
        raise SearchFailed("DuckDuckGo's results page has changed format; we could not read it")
    results: list[SearchResult] = []
    for block in blocks:
        if "result--ad" in (block.get("class") or []):
            continue  # sponsored results are not what a search "finds"
        anchor = block.select_one("a.result__a")
        href = anchor.get("href") if anchor else None
        if anchor is None or not isinstance(href, str):
            continue
        url = unwrap_duckduckgo_link(href)
        if url is None:
            continue
        snippet = block.select_one(".result__snippet")
        results.append(
            SearchResult(
                title=_text(anchor.get_text()),
                url=url,
                snippet=_text(snippet.get_text() if snippet else ""),
                rank=len(results) + 1,
            )
        )
    return results[:TOP_RESULTS]


def unwrap_duckduckgo_link(href: str) -> str | None:
    """The real target of a result link; None for DuckDuckGo's own (ad) links."""
    if href.startswith("//"):
        href = "https:" + href
    parts = urlsplit(href)
    host = (parts.hostname or "").lower()
    if host == "duckduckgo.com" or host.endswith(".duckduckgo.com"):
        target = parse_qs(parts.query).get("uddg")
        return target[0] if target and target[0].startswith(("http://", "https://")) else None
    return href if parts.scheme in ("http", "https") else None


class SearxngBackend(SearchBackend):
    """A SearXNG instance the user names in FOOTPRINT_SEARXNG_URL (its JSON API)."""

    id = "searxng"
    name = "SearXNG"
    service = "searxng"
    default_url = "https://searx.example.org"  # never used: only picked when configured

    def search(self, query: str, http: GatedClient) -> list[SearchResult]:
        response = http.get(
            self.base_url + "/search", params={"q": query, "format": "json"}, accept=_JSON
        )
        if response.status == 403:
            raise SearchFailed(
                "this SearXNG instance has JSON output turned off (HTTP 403); ask its admin to "
                "add json to search.formats, or use another instance",
                stop=True,
            )
        if response.status != 200:
            raise self.failure(response)
        data = self._json(response)
        results = self._results(data.get("results"), "url", "content")
        if not results and _unresponsive(data.get("unresponsive_engines")):
            raise SearchFailed(
                "every search engine behind this SearXNG instance was blocked or failed ("
                + "; ".join(_unresponsive(data.get("unresponsive_engines")))
                + "), so an empty answer does not mean nothing was found",
                stop=True,
            )
        return results

    def destination(self) -> str:
        return _display_url(self.base_url)


class BraveBackend(SearchBackend):
    """Brave Search API (key in FOOTPRINT_BRAVE_KEY)."""

    id = "brave"
    name = "Brave Search"
    service = "brave"
    default_url = "https://api.search.brave.com"
    key_env = "FOOTPRINT_BRAVE_KEY"

    def search(self, query: str, http: GatedClient) -> list[SearchResult]:
        key = self.settings.key(self.key_env) or ""
        params = {"q": query, "count": str(TOP_RESULTS)}
        if self.region in _DDG_REGIONS:
            params["country"] = self.region
        headers = {"X-Subscription-Token": key, "Accept": "application/json"}
        response = self._get(http, "/res/v1/web/search", params, _JSON, headers)
        web = self._json(response).get("web")
        if web is None:
            return []
        if not isinstance(web, dict):
            raise SearchFailed(f"{self.name} answered in an unexpected format")
        return self._results(web.get("results"), "url", "description")


def _unresponsive(value: object) -> list[str]:
    """SearXNG's `unresponsive_engines` ([[engine, error], ...]) as "engine: error" strings."""
    if not isinstance(value, list):
        return []
    return [
        ": ".join(item[:2])
        for item in value
        if isinstance(item, list) and item and all(isinstance(p, str) for p in item)
    ]


def _text(value: object) -> str:
    """A one-line string from a title or snippet (HTML tags already stripped by the engine)."""
    if not isinstance(value, str):
        return ""
    if "<" in value:  # some engines mark matches with <b>; keep the words only
        value = BeautifulSoup(value, "lxml").get_text()
    return " ".join(value.split())


def _display_url(url: str) -> str:
    """`url` without credentials, query or fragment, for the consent sentence."""
    parts = urlsplit(url)
    netloc = (parts.hostname or "") + (f":{parts.port}" if parts.port else "")
    return parts._replace(netloc=netloc, query="", fragment="").geturl()
