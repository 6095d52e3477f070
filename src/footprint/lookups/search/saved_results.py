"""Search-results pages the doctor saved from their own browser (Google, Bing, DuckDuckGo).

When search engines block footprint, the doctor can still run the searches themselves (the
report gives them as links) and save each results page ("Save page as…, Web page, HTML only").
`footprint scan saved.html` then recognises the page, reads its results in rank order,
classifies each with `checklists/sites.yaml`, and with `--follow-results` scans the result
pages like any named page. The saved file never leaves the computer.

Result markup (sources in tests/fixtures/saved_results/README.md):
- Google: result blocks `div.MjjYud` (older `div.g`), title `h3` inside the result link,
  snippet `div[data-sncf]` or `.VwiC3b`; pages without JavaScript link through
  `/url?q=<target>`. SearXNG's Google engine (`searx/engines/google.py`: results_xpath
  `//div[contains(@class, "MjjYud")]`, title `.//h3[1]`, href `.//a/@href`, content
  `.//div[@data-sncf]`).
- Bing: `ol#b_results > li.b_algo`, link `h2 a`, snippet `p`; links may go through
  `https://www.bing.com/ck/a?...&u=a1<base64url of the target>` (SearXNG `searx/engines/bing.py`).
- DuckDuckGo: `article[data-testid="result"]` with `a[data-testid="result-title-a"]` on the
  JavaScript site, `a.result__a` on the HTML one (links via `/l/?uddg=`; see search_backends).
"""

from __future__ import annotations

import base64
import binascii
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Tag
from pydantic import BaseModel, ConfigDict

from footprint.content.sites import classify
from footprint.lookups.search.backends import unwrap_duckduckgo_link

#: Results read from one saved page: about the first page a patient would read.
MAX_RESULTS = 20
#: Followed by `--follow-results`; social networks, registers and people-search sites are
#: behind logins or bot checks (as in the `search-pages` lookup), so they are listed only.
NOT_FOLLOWED = frozenset({"social-network", "register", "people-search"})
_ENGINE_HOSTS = ("google.", "bing.com", "duckduckgo.com")


class SavedResult(BaseModel):
    """One result on a saved results page, classified with sites.yaml when it is known."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rank: int
    title: str
    url: str
    site: str | None = None  # the sites.yaml name, e.g. "192.com"
    category: str | None = None  # people-search, rating-site, social-network, ...


class ResultsPage(BaseModel):
    """A saved search-results page: which engine, what was searched, what it showed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    engine: str
    query: str | None
    results: list[SavedResult]

    def to_follow(self) -> list[str]:
        """Result URLs worth scanning for the doctor's details (see NOT_FOLLOWED)."""
        return [r.url for r in self.results if r.category not in NOT_FOLLOWED]


#: Most elements (counted as "<") in a page read: a saved results page has a few thousand, even
#: with its scripts; one of hundreds of thousands would take minutes to read.
MAX_PAGE_TAGS = 50_000


def read_results_page(html: str | bytes) -> ResultsPage | None:
    """The saved page as a results page, or None if it is not one we recognise."""
    elements = html.count("<") if isinstance(html, str) else html.count(b"<")
    if elements > MAX_PAGE_TAGS:
        return None  # read in seconds, not minutes: no results page has that many elements
    soup = BeautifulSoup(html, "lxml")
    for engine, anchors in (
        ("Bing", _bing),
        ("DuckDuckGo", _duckduckgo),
        ("Google", _google),
    ):
        found = anchors(soup)
        if found is not None:
            return ResultsPage(engine=engine, query=_query(soup), results=_classified(found))
    return None


def _google(soup: BeautifulSoup) -> list[tuple[str, str]] | None:
    blocks = soup.select("div.MjjYud, div.g")
    if not blocks and not soup.select_one("#rso, #search"):
        return None
    if not _is_google(soup):
        return None
    found = []
    for block in blocks or soup.select("#rso, #search"):
        for title in block.select("h3"):
            link = title.find_parent("a")
            href = link.get("href") if isinstance(link, Tag) else None
            if isinstance(href, str):
                found.append((title.get_text(" ", strip=True), _unwrap_google(href)))
    return found


def _is_google(soup: BeautifulSoup) -> bool:
    title = soup.title.get_text() if soup.title else ""
    form = soup.select_one('form[action="/search"], form[action$="google.com/search"]')
    return "Google" in title or form is not None


def _bing(soup: BeautifulSoup) -> list[tuple[str, str]] | None:
    if soup.select_one("#b_results") is None:
        return None
    found = []
    for link in soup.select("#b_results li.b_algo h2 a"):
        href = link.get("href")
        if isinstance(href, str):
            found.append((link.get_text(" ", strip=True), _unwrap_bing(href)))
    return found


def _duckduckgo(soup: BeautifulSoup) -> list[tuple[str, str]] | None:
    links = soup.select('a[data-testid="result-title-a"], a.result__a')
    if not links and soup.select_one('[data-testid="result"], #links.results') is None:
        return None
    found = []
    for link in links:
        href = link.get("href")
        target = unwrap_duckduckgo_link(href) if isinstance(href, str) else None
        if target:
            found.append((link.get_text(" ", strip=True), target))
    return found


def _unwrap_google(href: str) -> str:
    """The target of Google's `/url?q=` (or `url=`) redirect; other links as they are."""
    parts = urlsplit(href)
    if parts.path == "/url":
        query = parse_qs(parts.query)
        target = (query.get("q") or query.get("url") or [""])[0]
        return target or href
    return href


def _unwrap_bing(href: str) -> str:
    """The target of Bing's `ck/a` redirect (`u=a1` + base64url of the URL)."""
    parts = urlsplit(href)
    if not parts.path.startswith("/ck/a"):
        return href
    encoded = (parse_qs(parts.query).get("u") or [""])[0]
    if not encoded.startswith("a1"):
        return href
    try:
        padded = encoded[2:] + "=" * (-len(encoded[2:]) % 4)
        return base64.urlsafe_b64decode(padded).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return href


def _query(soup: BeautifulSoup) -> str | None:
    """What was searched: the search box's value as the page was saved."""
    box = soup.select_one('input[name="q"], textarea[name="q"]')
    if box is None:
        return None
    value = box.get("value") if box.name == "input" else box.get_text()
    return " ".join(str(value).split()) or None if value else None


def _classified(found: list[tuple[str, str]]) -> list[SavedResult]:
    results: list[SavedResult] = []
    seen: set[str] = set()
    for title, url in found:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if parts.scheme not in ("http", "https") or url in seen:
            continue
        if any(h in host for h in _ENGINE_HOSTS):
            continue  # the engine's own links: images, maps, "more results"
        seen.add(url)
        site = classify(url)
        results.append(
            SavedResult(
                rank=len(results) + 1,
                title=" ".join(title.split()),
                url=url,
                site=site.name if site else None,
                category=site.category if site else None,
            )
        )
    return results[:MAX_RESULTS]
