"""Local numbers (no area code): read only when the page or the doctor's state gives the area.

Fictional ranges: ACMA's (02) 5550 xxxx, (03) 7010 xxxx, (07) 5550 xxxx... and 0491 570 xxx for
drama; in North America 555-0100 to 555-0199 in any area code.
"""

from __future__ import annotations

import pytest

from footprint.detect.interface import ContactKind
from footprint.detect.local_numbers import LocalNumberDetector, page_areas
from footprint.detect.pipeline import detect_html
from footprint.detect.text import parse_page


def local(html: str, region: str, profile_state: str | None = None) -> list[str]:
    page = parse_page(html)
    return [c.normalized for c in LocalNumberDetector(profile_state).find(page, region)]


def phones(html: str, region: str, profile_state: str | None = None) -> list[str]:
    found = detect_html(html, region=region, profile_state=profile_state)
    return [c.normalized for c in found if c.kind is ContactKind.PHONE]


POSITIVES = [
    # the area from another full number on the page
    ("<p>Reception (02) 5550 1234</p><p>Dr Example's rooms: 5550 1299</p>", "AU", None,
     ["+61255501299"]),
    # the area from the address block's state and postcode
    ("<address>1 Example St, Brisbane QLD 4000</address><p>Phone 5550 1234</p>", "AU", None,
     ["+61755501234"]),
    ("<p>12 Example Rd, Melbourne, Victoria 3000</p><p>Rooms 7010 1234</p>", "AU", None,
     ["+61370101234"]),
    # an Australian page read by a doctor whose country is GB: the address says Australia
    ("<p>Perth WA 6000</p><p>Call 5550 1234</p>", "GB", None, ["+61855501234"]),
    # no area on the page: the doctor's own state
    ("<p>Call the rooms on 5550 1234</p>", "AU", "NSW", ["+61255501234"]),
    # a US area code given once, at the top
    ("<p>Main line (217) 555-0100</p><p>Dr Example direct: 555-0142</p>", "US", None,
     ["+12175550142"]),
    ("<p>Office 312.555.0100 · Nurse line 555.0177</p>", "US", None, ["+13125550177"]),
    ("<p>All our numbers are area code 217.</p><p>Front desk 555-0100</p>", "US", None,
     ["+12175550100"]),
    # a number labelled as something else is no evidence of a second area
    ("<p>(646) 555-0111. Nurse: 555-0190.</p><p>Invoice 2024000123</p>", "US", None,
     ["+16465550190"]),
]  # fmt: skip

# No area in evidence, two areas, or not a phone number at all.
NEGATIVES = [
    ("<p>Dr Example's rooms: 5550 1299</p>", "AU", None),  # no context: no match
    ("<p>Direct: 555-0142</p>", "US", None),
    ("<p>Direct: 555-0142</p>", "US", "IL"),  # a US state has many area codes
    ("<p>Area code 217, or (312) 555-0100</p><p>Direct 555-0142</p>", "US", None),
    ("<p>Sydney (02) 5550 1234, Brisbane (07) 5550 1235</p><p>Rooms 5550 1299</p>", "AU", None),
    ("<p>(217) 555-0100 or (312) 555-0101</p><p>Direct 555-0142</p>", "US", None),
    ("<p>(217) 555-0100, London +44 20 7946 0123</p><p>Direct 555-0142</p>", "US", None),
    # near-misses on a page that does give an area
    ("<p>(02) 5550 1234</p><p>Open 8:00 - 18:30, fees $1,250.00</p>", "AU", None),
    ("<p>(02) 5550 1234</p><p>Established 2019 2024</p>", "AU", None),
    ("<p>(02) 5550 1234</p><p>Serving Sydney 1999-2024</p>", "AU", None),
    ("<p>(02) 5550 1234</p><p>ABN 5123 4567</p>", "AU", None),
    ("<p>(02) 5550 1234</p><p>Account 5550-1299</p>", "AU", None),
    ("<p>(217) 555-0100</p><p>NHS number 943 476 5919, 943-476-5919</p>", "US", None),
    ("<p>(217) 555-0100</p><p>GMC 1234567</p>", "US", None),
    ("<p>(217) 555-0100</p><p>doi:10.1000/182-3456</p>", "US", None),
    ("<p>(217) 555-0100</p><p>Case 555-0199</p>", "US", None),
    ("<p>(217) 555-0100</p><p>ISBN 978-0-19-852-6636</p>", "US", None),
    ("<p>(217) 555-0100</p><p>Springfield, IL 62704-1234</p>", "US", None),
    ("<p>(217) 555-0100</p><p>Sort code 20-00-00, updated 12.03.2024</p>", "US", None),
    ("<p>(217) 555-0100</p><p>Price $555.0142</p>", "US", None),
]


@pytest.mark.parametrize(("html", "region", "state", "expected"), POSITIVES)
def test_reads_local_numbers_with_their_area(
    html: str, region: str, state: str | None, expected: list[str]
) -> None:
    assert local(html, region, state) == expected


@pytest.mark.parametrize(("html", "region", "state"), NEGATIVES)
def test_no_area_in_evidence_no_match(html: str, region: str, state: str | None) -> None:
    assert local(html, region, state) == []


def test_the_pipeline_keeps_the_full_sighting_and_adds_the_local_one() -> None:
    html = "<p>Reception (02) 5550 1234</p><p>Dr Example: 5550 1299</p>"
    assert phones(html, "AU") == ["+61255501234", "+61255501299"]


def test_page_areas_page_first_then_profile() -> None:
    assert page_areas("Brisbane QLD 4000", "AU", "NSW").only_au() == "7"
    assert page_areas("nothing here", "AU", "NSW").only_au() == "2"
    assert page_areas("nothing here", "GB", "NSW").only_au() is None
    assert page_areas("(217) 555-0100", "US").only_nanp() == "217"


def test_the_page_scan_reads_local_numbers_with_the_profiles_state() -> None:
    # The scan (footprint scan, page-scan) calls the same pipeline, with the profile's state.
    from footprint.detect.match import ProfileMatcher
    from footprint.lookups.pages.scanner import scan_page
    from footprint.model.profile import Profile

    profile = Profile(
        name="Sam Sample", jurisdiction="AU", region="NSW", private={"phones": ["(02) 5550 3457"]}
    )
    page = parse_page("<p>Dr Sam Sample can be paged on 5550 3457.</p>")
    (found,) = scan_page(page, "AU", ProfileMatcher.from_profile(profile))
    assert found.normalized == "+61255503457"
    assert found.matches is not None
    assert scan_page(page, "AU", None) == []  # no profile, no state, no area: no match
