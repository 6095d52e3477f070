"""Postcode and street detectors: UK shapes, Eircodes, US/AU codes only after a state."""

from __future__ import annotations

import pytest

from footprint.detect.interface import ContactKind
from footprint.detect.pipeline import detect_html
from footprint.detect.postcodes import canonical_postcode, normalize_address, postcode_detectors
from footprint.detect.text import parse_page


def found(text: str, kind: ContactKind) -> list[str]:
    page = parse_page(f"<p>{text}</p>")
    return [
        c.normalized for d in postcode_detectors() for c in d.find(page, "GB") if c.kind is kind
    ]


POSTCODES = [
    ("Exampleton EX1 2AB", ["EX1 2AB"]),
    ("London SW1A 1AA", ["SW1A 1AA"]),
    ("Manchester M1 1AE.", ["M1 1AE"]),
    ("Leeds LS18 5HD", ["LS18 5HD"]),
    ("Glasgow G2 3AX", ["G2 3AX"]),
    ("Dublin D02 X285", ["D02 X285"]),
    ("Galway H91 E2K3", ["H91 E2K3"]),
    ("Dublin 6W: D6W 1234", []),  # D6W is a routing key, but all-digit identifiers are not used
    ("New York, NY 10001", ["10001"]),
    ("Springfield, IL 62704-1234", ["62704-1234"]),
    ("Sydney NSW 2000", ["2000"]),
    ("Melbourne VIC 3000", ["3000"]),
    ("Brisbane QLD 4000", ["4000"]),
    ("Springfield, IL 62704", ["62704"]),
    ("Springfield, Illinois 62704", ["62704"]),
    ("Brisbane, Queensland 4000", ["4000"]),
    ("Parramatta, New South Wales 2150", ["2150"]),
    ("Charleston, West Virginia 25301", ["25301"]),
    ("Canberra ACT 2600", ["2600"]),
    ("Darwin NT 0800", ["0800"]),
    ("Hobart TAS 7000", ["7000"]),
    ("Boise, ID 83702", ["83702"]),
]
NOT_POSTCODES = [
    "Download the MP3 4GB bundle",  # postcode shape, but MP is not a postcode area
    "Laptop with 16GB and AB1 2CD",  # C is never an inward letter
    "Call 10001 or 2000 times",  # digits without a state
    "COVID 19 update",
    "Room B12 is on floor 2",
    "Our fax DO1 2345",
    "Brisbane 4000",  # an Australian postcode needs its state beside it
    "Springfield 62704",  # and so does a ZIP code
    "Fees for SA 2024 are due",  # a year: South Australian postcodes are 5000-5999
    "WA 1999 to 2004",  # a year range, and Western Australian postcodes are 6000-6999
    "Opening hours 8:00 - 18:30",
    "Price: CA 12000 dollars",  # California ZIP codes start with 9
    "Patient ID 83702",  # Idaho's code only after a comma or at the start of a line
    "NY 10001234",  # too many digits
    "Sort code 20-00-00, account 12345678",
    "Victoria 1837 to 1901",  # a name and a year, outside Victoria's postcode ranges
]


@pytest.mark.parametrize(("text", "expected"), POSTCODES)
def test_finds_postcodes(text: str, expected: list[str]) -> None:
    assert found(text, ContactKind.POSTCODE) == expected


@pytest.mark.parametrize("text", NOT_POSTCODES)
def test_ignores_postcode_lookalikes(text: str) -> None:
    assert found(text, ContactKind.POSTCODE) == []


STREETS = [
    ("Home: 12 Fictional Lane, Exampleton", ["12 fictional lane"]),
    ("3 High St. Exampleton", ["3 high street"]),
    ("Flat 2, 14 Oak Road", ["flat 2 14 oak road"]),
    ("221B Baker Street", ["221b baker street"]),
    ("1600 Pennsylvania Avenue", ["1600 pennsylvania avenue"]),
]
NOT_STREETS = [
    "© 2026 Example Street Surgery",
    "A 5 Minute Walk from the station",
    "We have 3 Parking spaces",
    "Open 7 days",
    "Costs £12 Main Road",  # a price is not a house number
]


@pytest.mark.parametrize(("text", "expected"), STREETS)
def test_finds_street_lines(text: str, expected: list[str]) -> None:
    assert found(text, ContactKind.ADDRESS) == expected


@pytest.mark.parametrize("text", NOT_STREETS)
def test_ignores_street_lookalikes(text: str) -> None:
    assert found(text, ContactKind.ADDRESS) == []


def test_canonical_forms() -> None:
    assert canonical_postcode("ex12ab") == "EX1 2AB"
    assert canonical_postcode("sw1a1aa") == "SW1A 1AA"
    assert canonical_postcode("a65f4e2") == "A65 F4E2"
    assert canonical_postcode("10001") == "10001"
    assert canonical_postcode("hello") is None
    assert normalize_address("12, Fictional Ln.") == "12 fictional lane"


def test_pipeline_keeps_one_of_each() -> None:
    contacts = detect_html("<p>EX1 2AB</p><p>ex1 2ab is not matched lower-case</p><p>EX12AB</p>")
    assert [c.normalized for c in contacts] == ["EX1 2AB"]
