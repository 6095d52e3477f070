"""Run every detector over a page and keep one contact per (kind, normalised value)."""

from __future__ import annotations

from footprint.detect.emails import email_detectors
from footprint.detect.interface import Contact, ContactKind, Detector
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


def detect(page: Page, region: str = "GB") -> list[Contact]:
    """Every contact detail in `page`, de-duplicated, in kind order then page order."""
    seen: dict[tuple[ContactKind, str], Contact] = {}
    for detector in DETECTORS:
        for contact in detector.find(page, region):
            seen.setdefault((contact.kind, contact.normalized), contact)
    return sorted(seen.values(), key=lambda c: _KIND_ORDER[c.kind])


def detect_html(html: str | bytes, url: str | None = None, region: str = "GB") -> list[Contact]:
    """Parse `html` and detect every contact detail in it."""
    return detect(parse_page(html, url), region)
