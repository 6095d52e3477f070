"""Run the page scanner on one fetched search-result page and say what it means.

Detection and matching are the scanner's (`footprint.lookups.pages.scanner.scan_page`, the same code `page-scan`
and `footprint scan` use); the advice is `page-scan`'s, so a leaked mobile gets the same steps
wherever it is found. What differs is how the doctor came to the page: by searching their name.
So keys are `search-pages.*` (one finding per kind, each result page as evidence with the search
that finds it) and titles say the page comes up in a search for the doctor's name.
"""

from __future__ import annotations

from footprint.detect.interface import PhoneType
from footprint.detect.match import ProfileMatcher
from footprint.detect.text import parse_page
from footprint.lookups.pages.exposures import exposure_for
from footprint.lookups.pages.scanner import ScanContact
from footprint.lookups.pages.scanner import scan_page as scan_contacts
from footprint.lookups.search.findings import RESULTS_ABOUT_YOU
from footprint.model.observation import Exposure, Observation, Outcome
from footprint.model.profile import Profile

_SEARCHED = "a page that comes up when someone searches your name"


def scan_page(
    lookup_id: str, html: str, url: str, profile: Profile, query: str
) -> list[Observation]:
    """`found` observations for the doctor's details on the page at `url` (empty: none).

    Only the doctor's private details and unknown personal-looking ones on a page that names
    them are reported; work details and unrelated numbers are not.
    """
    matcher = ProfileMatcher.from_profile(profile)
    contacts = scan_contacts(parse_page(html, url), str(profile.jurisdiction), matcher)
    return [
        Observation(
            lookup_id=lookup_id,
            outcome=Outcome.FOUND,
            subject=f"page: {url}",
            url=url,
            snippet=contact.context or None,
            matched=contact.value,
            search=query,
            exposure=searched_exposure(contact),
            details={"kind": str(contact.kind), "match": contact.matches or "to review"},
        )
        for contact in contacts
        if contact.matches == "private" or contact.review
    ]


def searched_exposure(contact: ScanContact) -> Exposure:
    """`page-scan`'s exposure for `contact`, titled and keyed for a search result page."""
    base = exposure_for(
        contact.kind,
        private=contact.matches == "private",
        mobile=contact.phone_type is PhoneType.MOBILE,
        where=_SEARCHED,
    )
    links = [*base.links, RESULTS_ABOUT_YOU] if RESULTS_ABOUT_YOU not in base.links else base.links
    return base.model_copy(
        update={
            "key": "search-pages." + base.key.split(".", 1)[-1],
            "links": links,
        }
    )
