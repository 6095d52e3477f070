"""What the two search lookups share: the queries a patient would type, the consent wording and
URL normalising. The in-process cache that sends each query once per audit is in
`footprint.lookups.search.cache` (`cached_search` and `clear_search_cache` are re-exported here).

The queries use only the public, work-side parts of the profile (name, title, workplace,
specialty, town). Nothing from the `private:` block is ever part of a query.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import parse_qsl, urlencode, urlsplit

from footprint.lookups.interface import Lookup
from footprint.lookups.search.backends import SearchBackend, SearchResult
from footprint.lookups.search.cache import cached_search, clear_search_cache
from footprint.lookups.search.engine_chain import pick_backends, retired_notes
from footprint.model.profile import Profile

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

__all__ = [
    "DEFAULT_QUERIES",
    "MANUAL_CHECK",
    "QUICK_QUERIES",
    "SearchLookupBase",
    "SearchTerms",
    "build_queries",
    "cached_search",
    "clear_search_cache",
    "mentions_name",
    "normalise_url",
]

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


class SearchLookupBase(Lookup):
    """The backend choice, hosts and query list both search lookups use."""

    manual_check: ClassVar[str] = MANUAL_CHECK
    #: Be gentle with free search pages: one query a second at most.
    min_interval: ClassVar[float] = 1.0

    def __init__(
        self,
        settings: Settings,
        *,
        max_queries: int = DEFAULT_QUERIES,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(settings)
        self.max_queries = max_queries
        self.today = today  # which engines are still open depends on the date (tests fix it)
        # `service` names the URL override `footprint lookups` reports. Here it is the
        # configured backend's, known only once there are settings, so it is set per instance
        # (through __dict__: the base class declares it as a class-level constant).
        self.__dict__["service"] = pick_backends(settings, today=today())[0].service

    def backends(self, profile: Profile) -> list[SearchBackend]:
        """The search engines to try for `profile`, in order (region from the jurisdiction)."""
        return pick_backends(self.settings, str(profile.jurisdiction), self.today())

    def retired(self) -> list[str]:
        """Lines about engines the doctor set up that have closed for good (said, not failed)."""
        return retired_notes(self.settings, self.today())

    def backend(self, profile: Profile) -> SearchBackend:
        """The first search engine tried for `profile`."""
        return self.backends(profile)[0]

    def engine_hosts(self, profile: Profile) -> frozenset[str]:
        """Every search engine host this lookup may contact."""
        return frozenset(b.host for b in self.backends(profile))

    def queries(self, profile: Profile) -> list[str]:
        """The searches this lookup sends (bounded by `max_queries`)."""
        return build_queries(SearchTerms.of(profile), self.max_queries)

    def plain_search(self, profile: Profile) -> str:
        """ "your name and town are sent to DuckDuckGo as searches", in plain words."""
        terms = SearchTerms.of(profile)
        words = ["name"] + [
            label
            for label, value in (
                ("workplace", terms.workplace),
                ("specialty", terms.specialty),
                ("town", terms.town),
            )
            if value
        ]
        what = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
        first, *rest = self.backends(profile)
        where = self.to_whom(first.name, tuple(b.service for b in self.backends(profile)))
        also = " (or to another search engine if it is blocked)" if rest else ""
        verb = "is" if len(words) == 1 else "are"
        return f"your {what} {verb} sent {where} as searches, as a patient would search{also}"

    def search_sentence(self, profile: Profile) -> str:
        """ "your name '…', … as search terms (up to 6 searches) to html.duckduckgo.com"."""
        count = len(self.queries(profile))
        noun = "search" if count == 1 else "searches"
        first, *rest = self.backends(profile)
        fallback = "".join(f", or if it is blocked to {b.destination()}" for b in rest)
        retired = "".join(f". {note}" for note in self.retired())
        return (
            f"{SearchTerms.of(profile).sentence()} as search terms ({count} {noun}) "
            f"to {first.destination()}{fallback}{retired}"
        )
