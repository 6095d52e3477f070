"""The name search done by hand: the doctor's saved results pages kept as its result.

Searching the doctor's name is the check that matters most (coverage withholds the score
while it is open). When no search engine answered footprint, the doctor searches in their own
browser and hands over the saved results pages; what they show is kept as the `web-search`
lookup's result, in the store, exactly like an engine's answer, so coverage, score and a
resumed audit all count it. Reading the pages is `footprint.lookups.search.saved_search`'s.
"""

from __future__ import annotations

from collections.abc import Sequence

from footprint.audit.flow import AuditFlow
from footprint.lookups.search.saved_search import (
    NAME_SEARCH,
    SavedSearch,
    follow_question,
    follow_results,
    name_searches,
    read_saved_searches,
    search_links,
)
from footprint.model.consent import ConsentQuestion, decide
from footprint.model.observation import ManualLink, Observation, Outcome
from footprint.net.client import FetchLimits

#: How the choice to open the result pages was made, in the consent record.
FOLLOW_HOW = "asked with the saved results page"


class NameSearchByHand:
    """One audit's name search, when the doctor does it in their own browser."""

    def __init__(self, flow: AuditFlow, granted_by: str) -> None:
        self.flow = flow
        self.granted_by = granted_by

    def _observations(self) -> list[Observation]:
        # A copy: lookup threads append while a page reads.
        return [o for o in list(self.flow.state.observations) if o.lookup_id == NAME_SEARCH]

    def is_open(self) -> bool:
        """True once the name search has an outcome and none is an answer (blocked, refused,
        not run offline): the doctor can do it by hand. False while it has not reported yet."""
        seen = self._observations()
        return bool(seen) and not any(o.outcome in (Outcome.FOUND, Outcome.NOT_FOUND) for o in seen)

    def searches(self) -> list[str]:
        """The searches to run by hand: those the lookup tried, else those it would send."""
        tried = [o.search for o in self._observations() if o.search]
        if tried:
            return list(dict.fromkeys(tried))
        return name_searches(self.flow.state.profile, quick=self.flow.options.quick)

    def links(self) -> list[ManualLink]:
        """Each search on Google, Bing and DuckDuckGo, ready to open."""
        return search_links(self.searches())

    def record(self, files: Sequence[bytes]) -> SavedSearch:
        """Read the saved pages and keep what they show as the name search's result (stored at
        once); the lookup counts as done, so a resumed audit keeps it and does not run it."""
        saved = read_saved_searches(files, self.flow.state.profile)
        for observation in saved.observations:
            self.flow.observe(observation)
        if saved.counted and NAME_SEARCH not in self.flow.state.lookup_runs:
            self.flow.lookup_done(NAME_SEARCH, 0.0, [])
        return saved

    def follow_question(self, saved: SavedSearch) -> ConsentQuestion | None:
        """The question to ask before opening the result pages (None: nothing to open)."""
        pages = saved.to_follow()
        return follow_question(pages) if pages else None

    def follow(
        self, saved: SavedSearch, granted: bool, *, limits: FetchLimits | None = None
    ) -> list[Observation]:
        """Record the decision; if granted, open the pages and keep what they show."""
        question = self.follow_question(saved)
        if question is None:
            return []
        grant = decide(question, granted, granted_by=self.granted_by, how=FOLLOW_HOW)
        self.flow.consent(grant)
        found = follow_results(
            saved.to_follow(), self.flow.state.profile, self.flow.settings, grant, limits=limits
        )
        for observation in found:
            self.flow.observe(observation)
        return found
