"""The name search done by the doctor: saved results pages read as the `web-search` result.

When no search engine answers footprint (DuckDuckGo's challenge page, no search key), the
doctor runs the ready-made searches in their own browser and saves each results page. Each
page is recognised and read exactly as `footprint scan saved.html` reads it
(`footprint.lookups.search.saved_results.read_results_page`); every result is then classified
as the `web-search` lookup classifies an engine's answer (`classified_hits`), so a people-search
listing found this way is the same finding with the same steps. The pages themselves are never
kept or sent anywhere.

Opening the pages the results lead to is a separate choice (as `--follow-results` is for
`footprint scan`): `follow_question` words it, and `follow_results` opens only the sites named
in the decision, through the one gated client, scanning each page on this computer as the
`search-pages` lookup does.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from footprint.lookups.search.backends import SearchResult
from footprint.lookups.search.common import (
    DEFAULT_QUERIES,
    QUICK_QUERIES,
    SearchTerms,
    build_queries,
    mentions_name,
    normalise_url,
)
from footprint.lookups.search.engine_chain import manual_search_links
from footprint.lookups.search.findings import hit_observation
from footprint.lookups.search.result_pages import PAGE_LIMIT, SearchResultPagesLookup
from footprint.lookups.search.saved_results import ResultsPage, read_results_page
from footprint.lookups.search.web import classified_hits
from footprint.model.consent import ConsentQuestion, ConsentRecord
from footprint.model.observation import ManualLink, Observation, Outcome
from footprint.model.profile import Profile
from footprint.net.client import FetchLimits, HttpClient

if TYPE_CHECKING:
    from footprint.util.settings import Settings

#: The lookup whose result a saved results page stands for (coverage counts it as the name search).
NAME_SEARCH = "web-search"
#: The consent for opening the pages the saved results lead to.
FOLLOW_ID = "saved-results-pages"
#: Largest saved page read (a results page saved as "HTML only" is well under 2 MB).
MAX_PAGE_BYTES = FetchLimits().max_bytes
#: Pages read from one upload: more searches than the audit suggests, never a folder's worth.
MAX_PAGES = 10


@dataclass(frozen=True)
class SavedSearch:
    """What the doctor's saved results pages gave."""

    pages: list[ResultsPage] = field(default_factory=list)
    not_results: int = 0  # files that are not a results page footprint recognises
    other_searches: list[str] = field(default_factory=list)  # searches not for the doctor's name
    observations: list[Observation] = field(default_factory=list)  # as `web-search` results

    @property
    def counted(self) -> bool:
        """True when at least one page searched the doctor's name: the name search is done."""
        return bool(self.observations)

    @property
    def found(self) -> list[Observation]:
        """Results on a site footprint knows (people-search, profiles, ratings, registers)."""
        return [o for o in self.observations if o.outcome is Outcome.FOUND]

    def to_follow(self, limit: int = PAGE_LIMIT) -> list[tuple[str, str]]:
        """(url, search) of the result pages worth opening, first `limit`, once each."""
        chosen: dict[str, tuple[str, str]] = {}
        for page in self.pages:
            for url in page.to_follow():
                chosen.setdefault(normalise_url(url), (url, _search_of(page)))
        return list(chosen.values())[:limit]


def name_searches(profile: Profile, *, quick: bool) -> list[str]:
    """The searches a patient would type, as the `web-search` lookup sends them."""
    return build_queries(SearchTerms.of(profile), QUICK_QUERIES if quick else DEFAULT_QUERIES)


def search_links(searches: Sequence[str]) -> list[ManualLink]:
    """Each search on Google, Bing and DuckDuckGo, ready to open in the doctor's browser."""
    return manual_search_links(list(searches))


def read_saved_searches(files: Sequence[bytes], profile: Profile) -> SavedSearch:
    """Read each saved page; a results page searching the doctor's name becomes `web-search`
    observations (a found one per known site in its results, else one not-found)."""
    pages: list[ResultsPage] = []
    not_results, other = 0, []
    for data in files[:MAX_PAGES]:
        page = read_results_page(data) if len(data) <= MAX_PAGE_BYTES else None
        if page is None:
            not_results += 1
        elif page.query and not _names_doctor(page.query, profile):
            other.append(page.query)
        else:
            pages.append(page)
    return SavedSearch(pages, not_results, other, _observations(pages, profile))


def _names_doctor(query: str, profile: Profile) -> bool:
    return mentions_name(SearchResult(title=query, url="", snippet="", rank=0), profile)


def _search_of(page: ResultsPage) -> str:
    return page.query or "your name (a saved results page)"


def _observations(pages: list[ResultsPage], profile: Profile) -> list[Observation]:
    observations: list[Observation] = []
    seen: set[str] = set()
    for page in pages:
        search = _search_of(page)
        details = {"engine": f"{page.engine}, a results page you saved"}
        results = [SearchResult(r.title, r.url, "", r.rank) for r in page.results]
        hits = classified_hits(results, profile)
        new = [(r, s) for r, s in hits if normalise_url(r.url) not in seen]
        seen.update(normalise_url(r.url) for r, _ in new)
        links = manual_search_links([page.query]) if page.query else []
        for result, site in new:
            hit = hit_observation(NAME_SEARCH, search, result, site)
            extra = {**hit.details, **details}
            observations.append(hit.model_copy(update={"details": extra, "links": links}))
        if not hits:
            observations.append(
                Observation(
                    lookup_id=NAME_SEARCH,
                    outcome=Outcome.NOT_FOUND,
                    subject=f"search: {search}",
                    search=search,
                    details=details,
                    links=links,
                )
            )
    return observations


def follow_question(to_follow: Sequence[tuple[str, str]]) -> ConsentQuestion:
    """The choice to open the result pages: what is sent (a request for each page) and to whom."""
    hosts = tuple(sorted({(urlsplit(url).hostname or "").lower() for url, _ in to_follow}))
    count = len(to_follow)
    pages = "a request for the page" if count == 1 else f"a request for each of the {count} pages"
    return ConsentQuestion(
        lookup_id=FOLLOW_ID,
        title="Open the pages your saved results lead to",
        sentence=(
            f"{pages} to {', '.join(hosts)}; nothing about you is sent, and each page is "
            "checked on this computer for your personal phone, e-mail and home address"
        ),
        destinations=hosts,
    )


def follow_results(
    to_follow: Sequence[tuple[str, str]],
    profile: Profile,
    settings: Settings,
    grant: ConsentRecord,
    *,
    limits: FetchLimits | None = None,
) -> list[Observation]:
    """Open each page (only the granted sites) and scan it as `search-pages` does: a page that
    could not be opened is "couldn't check", never "nothing found"."""
    if not grant.granted or not to_follow:
        return []
    client = HttpClient(
        limits, allow_private=settings.allow_private, allow_loopback=settings.allow_loopback
    )
    gated = client.bind(grant, frozenset(grant.destinations))
    scanner = SearchResultPagesLookup(settings)
    try:
        with ThreadPoolExecutor(max_workers=min(4, len(to_follow))) as pool:
            done = pool.map(lambda p: scanner.scan_one(p[0], p[1], profile, gated), to_follow)
            return [obs for observations in done for obs in observations]
    finally:
        client.close()
