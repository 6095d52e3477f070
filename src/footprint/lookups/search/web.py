"""`web-search`: what a patient finds when they search the doctor's name.

A handful of searches, typed the way a patient would ("Dr Alex Example", with the workplace,
with the specialty and town, with "facebook", "instagram", "address"), go to one search engine
(DuckDuckGo by default; Brave, SerpApi, Mojeek, SearXNG or, before 2027, Google when
configured). Each result is classified with `checklists/sites.yaml`: a people-search listing,
a personal profile, a rating-site profile, a register or employer page each become an
observation carrying the search that finds it and the steps to close it. A blocked search is
"couldn't check", never "nothing found", and says how to do it by hand (`BY_HAND`).

`search-pages` (separate consent, `footprint.lookups.search.result_pages`) fetches the top results and
scans them for the doctor's personal details; it reuses these searches rather than resending.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from footprint.content.sites import Site, classify
from footprint.lookups.search.backends import SearchFailed, SearchResult
from footprint.lookups.search.common import (
    SearchLookupBase,
    mentions_name,
    normalise_url,
)
from footprint.lookups.search.engine_chain import EngineChain, manual_search_links
from footprint.lookups.search.findings import hit_observation
from footprint.lookups.search.result_pages import SearchResultPagesLookup
from footprint.model.observation import Observation
from footprint.model.profile import Profile
from footprint.net.client import GatedClient

__all__ = ["BY_HAND", "SearchResultPagesLookup", "WebSearchLookup"]

#: The way on when every engine failed a search: the doctor's own browser is never blocked.
BY_HAND = (
    "Do this search yourself: open the ready-made search links, save each results page "
    "(Save page as, HTML) and give the pages to footprint, which reads them as this search"
)


class WebSearchLookup(SearchLookupBase):
    """Search the doctor's name like a patient and classify what comes back."""

    id = "web-search"
    title = "What a patient finds by searching your name"

    def hosts(self, profile: Profile) -> frozenset[str]:
        return self.engine_hosts(profile)

    def sends(self, profile: Profile) -> str:
        return self.search_sentence(profile)

    def plain(self, profile: Profile) -> str:
        return self.plain_search(profile)

    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        chain = EngineChain(self.backends(profile))
        queries = self.queries(profile)
        observations: list[Observation] = []
        seen: set[str] = set()
        stopped: str | None = None
        for query in queries:
            subject = f"search: {query}"
            if stopped:
                reason = f"not sent, because every search engine stopped answering: {stopped}"
                observations.append(self._couldnt(subject, query, f"{reason}. {BY_HAND}"))
                continue
            try:
                backend, results = chain.search(query, http)
            except SearchFailed as err:  # every engine failed this search
                observations.append(self._couldnt(subject, query, f"{err.reason}. {BY_HAND}"))
                stopped = err.reason if err.stop else None
                continue
            engine = {"engine": backend.name}
            hits = classified_hits(results, profile)
            if not hits:
                found_nothing = self.not_found(subject)
                observations.append(
                    found_nothing.model_copy(update={"search": query, "details": engine})
                )
            for result, site in hits:
                page = normalise_url(result.url)
                if page in seen:
                    continue  # already reported under the first search that found it
                seen.add(page)
                hit = hit_observation(self.id, query, result, site)
                observations.append(hit.model_copy(update={"details": {**hit.details, **engine}}))
        # Each search as ready-made links, on every observation it led to: a doctor can always
        # run it in their own browser, and must when it could not be done here.
        linked = [
            o.model_copy(update={"links": manual_search_links([o.search])}) if o.search else o
            for o in observations
        ]
        return with_retired_note(linked, self.retired())

    def not_run(self, profile: Profile, reason: str) -> list[Observation]:
        """One open check per search a patient would type, each with links to run it by hand:
        the name search matters most, and a doctor must be able to do it themselves."""
        return [
            self.skipped(f"search: {q}", reason).model_copy(
                update={"search": q, "links": manual_search_links([q])}
            )
            for q in self.queries(profile)
        ]

    def _couldnt(self, subject: str, query: str, reason: str) -> Observation:
        return self.couldnt_check(subject, reason).model_copy(update={"search": query})


#: A result on the site of one of the profile's workplaces (its `url`), which no list can know.
WORKPLACE_SITE = Site(
    domain="workplace",
    name="your workplace's website",
    category="employer",
    country="INT",
    removal=(
        "Your name on your workplace's site is expected. Ask the practice or trust to show only "
        "work contact details for you: no personal mobile, days worked or family details."
    ),
    source="domain-facts.md 1.2",
    reviewed="2026-11",
)


def site_for(url: str, profile: Profile) -> Site | None:
    """The `sites.yaml` entry for `url`, or the workplace entry for a workplace's own site."""
    site = classify(url)
    if site is not None:
        return site
    host = _bare_host(url)
    if host and any(w.url and _bare_host(w.url) == host for w in profile.workplaces):
        return WORKPLACE_SITE
    return None


def classified_hits(
    results: list[SearchResult], profile: Profile
) -> list[tuple[SearchResult, Site]]:
    """Results on a known or workplace site that name the doctor, in rank order."""
    hits = []
    for result in results:
        site = site_for(result.url, profile)
        if site is not None and mentions_name(result, profile):
            hits.append((result, site))
    return hits


def with_retired_note(observations: list[Observation], notes: list[str]) -> list[Observation]:
    """The run's observations, the first carrying the line about engines closed for good (said
    once, as news for the report, never as a failure of a search)."""
    if not notes or not observations:
        return observations
    first = observations[0]
    note = {"retired": "; ".join(notes)}
    return [first.model_copy(update={"details": {**first.details, **note}}), *observations[1:]]


def _bare_host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")
