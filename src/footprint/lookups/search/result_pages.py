"""`search-pages`: open the top search results and look for the doctor's personal details.

A separate consent from `web-search`, because it contacts whichever websites the search
returns. It reuses `web-search`'s answers (the in-process search cache), so each query reaches
the search engine once, then fetches a bounded number of the top result pages, skipping social
networks, registers and people-search sites (reported by `web-search`, and mostly behind logins
or bot checks), and runs the page scanner on each. A personal mobile on a running club's
committee page is found this way. The doctor's private details are compared on this machine
only; a page that could not be fetched is "couldn't check".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from footprint.content.sites import classify
from footprint.lookups.pages.scanner import page_problem
from footprint.lookups.search.backends import SearchFailed
from footprint.lookups.search.common import (
    DEFAULT_QUERIES,
    SearchLookupBase,
    normalise_url,
)
from footprint.lookups.search.engine_chain import EngineChain
from footprint.lookups.search.result_scan import scan_page
from footprint.model.observation import Observation
from footprint.model.profile import Profile
from footprint.net.client import ANY_HOST, FetchError, GatedClient

if TYPE_CHECKING:
    from footprint.util.settings import Settings

#: Result pages fetched per audit: about the first page of results a patient would open.
PAGE_LIMIT = 8
#: Reported by `web-search` already, or behind logins and bot checks.
SKIPPED_CATEGORIES = frozenset({"social-network", "register", "people-search"})


class SearchResultPagesLookup(SearchLookupBase):
    """Fetch the top search results and scan them for the doctor's personal details."""

    id = "search-pages"
    title = "Your personal details on pages found by searching your name"

    def __init__(
        self,
        settings: Settings,
        *,
        max_queries: int = DEFAULT_QUERIES,
        max_pages: int = PAGE_LIMIT,
    ) -> None:
        super().__init__(settings, max_queries=max_queries)
        self.max_pages = max_pages

    def hosts(self, profile: Profile) -> frozenset[str]:
        # The pages' sites are only known once the search has answered; the sentence says so.
        return self.engine_hosts(profile) | {ANY_HOST}

    def sends(self, profile: Profile) -> str:
        return (
            f"{self.search_sentence(profile)}; then opens up to {self.max_pages} of the top "
            "result pages, on whichever websites the search returns (not social networks, "
            "registers or people-search sites), and checks them on this computer for your "
            "personal phone, e-mail and home address, which are never sent"
        )

    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        pages, failures = self._top_pages(profile, http)
        observations: list[Observation] = []
        if not pages and failures:
            reason = f"the search could not be done ({failures[0]}), so no pages were opened"
            return [self.couldnt_check("top search results", reason)]
        if not pages:
            return [self.not_found("top search results")]
        for url, query in pages:
            observations.extend(self.scan_one(url, query, profile, http))
        return observations

    def _top_pages(
        self, profile: Profile, http: GatedClient
    ) -> tuple[list[tuple[str, str]], list[str]]:
        """(url, query that found it) for the first `max_pages` result pages worth opening."""
        chain = EngineChain(self.backends(profile))
        pages: dict[str, tuple[str, str]] = {}
        failures: list[str] = []
        for query in self.queries(profile):
            try:
                _, results = chain.search(query, http)
            except SearchFailed as err:
                failures.append(err.reason)
                continue
            for result in results:
                site = classify(result.url)
                if site is not None and site.category in SKIPPED_CATEGORIES:
                    continue
                pages.setdefault(normalise_url(result.url), (result.url, query))
        return list(pages.values())[: self.max_pages], failures

    def scan_one(
        self, url: str, query: str, profile: Profile, http: GatedClient
    ) -> list[Observation]:
        """Open one result page and scan it; also used for pages a saved results page lists."""
        subject = f"page: {url}"
        try:
            response = http.get(url)
        except FetchError as err:
            return [self._tagged(self.couldnt_check(subject, err.reason, url), query)]
        reason = page_problem(response)
        if reason:
            return [self._tagged(self.couldnt_check(subject, reason, url), query)]
        observations = scan_page(self.id, response.text, response.final_url, profile, query)
        return observations or [self._tagged(self.not_found(subject, url), query)]

    @staticmethod
    def _tagged(observation: Observation, query: str) -> Observation:
        return observation.model_copy(update={"search": query})
