"""`page-scan`: look for the doctor's own contact details on the pages they listed.

It fetches the profile's `urls:` and each workplace's `url:`, then, on the same site, follows a
few links that look like team, staff, contact or about pages (a personal mobile is most often
found on a practice "Our team" page). Every page's contact details are matched, on this machine,
with the profile: a private detail is a critical finding, an unknown mobile, personal-looking
e-mail or social account in the doctor's name on a page that names them is one to review, and a
page that could not be fetched is couldn't-check (never "nothing found").
"""

from __future__ import annotations

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import urldefrag, urlsplit

from footprint.detect.interface import PhoneType
from footprint.detect.match import ProfileMatcher
from footprint.detect.text import Page
from footprint.lookups.interface import Lookup
from footprint.lookups.pages.exposures import exposure_for
from footprint.lookups.pages.scanner import (
    ScanContact,
    page_problem,
    scan_page_safely,
    site_hosts,
)
from footprint.model.observation import Observation, Outcome
from footprint.net.client import FetchError

if TYPE_CHECKING:
    from footprint.model.profile import Profile
    from footprint.net.client import GatedClient

# Links worth following, best first: where practices list staff, then contact and about pages.
_FOLLOW = (
    re.compile(
        r"team|staff|people|doctors|clinicians|our-gps|\bgps\b|consultants|meet|who-we-are", re.I
    ),
    re.compile(r"contact", re.I),
    re.compile(r"about", re.I),
)
_NOT_PAGES = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|webp|svg|zip|mp[34]|ics)$", re.I)


class PageScanLookup(Lookup):
    """Scans the pages the doctor listed (and their team/contact pages) for personal details."""

    id: ClassVar[str] = "page-scan"
    title: ClassVar[str] = "Pages about you"
    max_follow: ClassVar[int] = 6  # linked team/contact/about pages per listed page
    manual_check: ClassVar[str] = (
        "Open each page about you (practice team page, hospital or clinic profile, event "
        "speaker pages) and search it (Ctrl+F, or 'Find in page' on a phone) for your personal "
        "mobile number, personal e-mail address and home address."
    )

    def start_urls(self, profile: Profile) -> list[str]:
        """The listed pages (profile `urls:` and workplace `url:`), http/https only, in order."""
        urls = [*profile.urls, *(w.url for w in profile.workplaces if w.url)]
        listed = [u.strip() for u in urls if u and urlsplit(u.strip()).scheme in ("http", "https")]
        return list(dict.fromkeys(listed))

    def skip_reason(self, profile: Profile) -> str | None:
        if not self.start_urls(profile):
            return "no pages listed in your profile (add them under urls: or a workplace's url:)"
        return super().skip_reason(profile)

    def hosts(self, profile: Profile) -> frozenset[str]:
        return frozenset(h for url in self.start_urls(profile) for h in site_hosts(url))

    def sends(self, profile: Profile) -> str:
        urls = self.start_urls(profile)
        named = list(dict.fromkeys((urlsplit(u).hostname or "").lower() for u in urls))
        pages = "page" if len(urls) == 1 else "pages"
        return (
            f"the addresses of {len(urls)} {pages} you listed ({', '.join(named)}) are fetched, "
            f"with up to {self.max_follow} linked team, contact or about pages on the same site for "
            "each; "
            "nothing about you is sent"
        )

    def plain(self, profile: Profile) -> str:
        urls = self.start_urls(profile)
        named = list(dict.fromkeys((urlsplit(u).hostname or "").lower() for u in urls))
        pages = (
            "the page you listed is" if len(urls) == 1 else f"the {len(urls)} pages you listed are"
        )
        return (
            f"{pages} opened ({', '.join(named)}), as any visitor would open them; nothing about "
            "you is sent"
        )

    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        crawl = _Crawl(self, http, ProfileMatcher.from_profile(profile), str(profile.jurisdiction))
        # Listed pages are claimed first, so one linked from another is still scanned as listed.
        starts = [url for url in self.start_urls(profile) if crawl.claim(url)]
        # Listed pages in parallel (the client still limits requests per host); results keep
        # the order of the profile so reports do not reshuffle between runs.
        with ThreadPoolExecutor(max_workers=min(len(starts), 4) or 1) as pool:
            per_start = list(pool.map(crawl.site, starts))
        return [obs for group in per_start for obs in group]

    def visit(
        self, crawl: _Crawl, url: str, out: list[Observation], *, listed: bool = True
    ) -> Page | None:
        """Fetch and scan one page; append its observations; the parsed page if it loaded."""
        subject = f"page {_short(url)}"
        try:
            response = crawl.http.get(url)
        except FetchError as exc:
            out.append(self.couldnt_check(subject, exc.reason, url))
            return None
        reason = page_problem(response)
        if reason and not listed and response.status in (404, 410):
            # A broken menu link on the site: there is no page to check, and listing it as
            # "couldn't check, check by hand" would send the doctor looking for nothing.
            return None
        if reason:
            out.append(self.couldnt_check(subject, reason, url))
            return None
        crawl.claim(response.final_url)
        page, contacts, problem = scan_page_safely(
            response.text, response.final_url, crawl.region, crawl.matcher
        )
        if page is None:  # a hostile page: its own couldn't-check, the other pages still count
            out.append(self.couldnt_check(subject, problem, url))
            return None
        found = [
            self._found(subject, response.final_url, c)
            for c in contacts
            if c.matches == "private" or c.review
        ]
        out.extend(found or [self.not_found(subject, response.final_url)])
        return page

    def _found(self, subject: str, url: str, contact: ScanContact) -> Observation:
        private = contact.matches == "private"
        mobile = contact.phone_type is PhoneType.MOBILE
        return Observation(
            lookup_id=self.id,
            outcome=Outcome.FOUND,
            subject=subject,
            url=url,
            snippet=contact.context,
            matched=contact.value,
            exposure=exposure_for(contact.kind, private=private, mobile=mobile),
            details={"kind": str(contact.kind), "match": "private" if private else "to review"},
        )


class _Crawl:
    """One run's shared state: the client, the matcher and the pages already visited."""

    def __init__(
        self, lookup: PageScanLookup, http: GatedClient, matcher: ProfileMatcher, region: str
    ) -> None:
        self.lookup = lookup
        self.http = http
        self.matcher = matcher
        self.region = region
        self._seen: set[str] = set()
        self._lock = threading.Lock()

    def claim(self, url: str) -> bool:
        """True the first time `url` (ignoring www., fragment, trailing slash) is claimed."""
        with self._lock:
            key = _key(url)
            if key in self._seen:
                return False
            self._seen.add(key)
            return True

    def seen(self) -> set[str]:
        with self._lock:
            return set(self._seen)

    def site(self, start: str) -> list[Observation]:
        """A listed page, then up to `max_follow` of its team/contact/about links."""
        out: list[Observation] = []
        page = self.lookup.visit(self, start, out)
        if page is None:
            return out
        try:
            links = follow_links(page, self.seen())[: self.lookup.max_follow]
        except ValueError:  # a malformed link on a hostile page: keep what this page gave
            return out
        for link in links:
            if self.claim(link):
                self.lookup.visit(self, link, out, listed=False)
        return out


def follow_links(page: Page, seen: set[str]) -> list[str]:
    """Same-site links that look like team, staff, contact or about pages, best first."""
    if not page.url:
        return []
    site = (urlsplit(page.url).hostname or "").removeprefix("www.")
    ranked: dict[str, int] = {}
    for link in page.links:
        url = urldefrag(link.href)[0]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or _key(url) in seen:
            continue
        if (parts.hostname or "").removeprefix("www.") != site or _NOT_PAGES.search(parts.path):
            continue
        label = f"{parts.path} {link.text}"
        for rank, pattern in enumerate(_FOLLOW):
            if pattern.search(label):
                ranked.setdefault(url, rank)
                break
    return sorted(ranked, key=lambda u: ranked[u])


def _key(url: str) -> str:
    parts = urlsplit(urldefrag(url)[0])
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/') or '/'}?{parts.query}"


def _short(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.netloc}{parts.path}" or url
