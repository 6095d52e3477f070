"""Run every detector over a page and keep one contact per (kind, normalised value).

This is the one entry point for detection: `footprint scan`, the page-scan and search-result
lookups and the re-check of a done action all call `detect` (or `detect_html`), so a page is
judged by the same detectors every time, and a page that has been fixed is recognised as fixed.
"""

from __future__ import annotations

from footprint.detect.emails import email_detectors
from footprint.detect.interface import Contact, ContactKind, Detector
from footprint.detect.local_numbers import LocalNumberDetector
from footprint.detect.phones import PhoneDetector
from footprint.detect.postcodes import postcode_detectors
from footprint.detect.social import SocialDetector
from footprint.detect.structured import StructuredDataDetector
from footprint.detect.text import Page, parse_page

# Order matters only for which sighting of a duplicate is kept: visible text first, because
# its context is what a patient would read.
DETECTORS: tuple[Detector, ...] = (
    PhoneDetector(),
    *email_detectors(),
    *postcode_detectors(),
    SocialDetector(),
    StructuredDataDetector(),
)

_KIND_ORDER = {kind: i for i, kind in enumerate(ContactKind)}


def detect(page: Page, region: str = "GB", profile_state: str | None = None) -> list[Contact]:
    """Every contact detail in `page`, de-duplicated, in kind order then page order.

    `region` is the doctor's country (CLDR code, e.g. GB), for numbers written nationally;
    `profile_state` is the profile's state or territory (e.g. QLD), which tells the area of a
    local number on a page that does not give it (`footprint.detect.local_numbers`).
    """
    seen: dict[tuple[ContactKind, str], Contact] = {}
    # Local numbers after the full ones, so a number written both ways keeps its full sighting.
    for detector in (*DETECTORS, LocalNumberDetector(profile_state)):
        for contact in detector.find(page, region):
            seen.setdefault((contact.kind, contact.normalized), contact)
    return sorted(seen.values(), key=lambda c: _KIND_ORDER[c.kind])


def detect_html(
    html: str | bytes, url: str | None = None, region: str = "GB", profile_state: str | None = None
) -> list[Contact]:
    """Parse `html` and detect every contact detail in it."""
    return detect(parse_page(html, url), region, profile_state)
