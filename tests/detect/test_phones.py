"""Phone detector: a table of (text, expected E.164 numbers) per region, positives and
look-alikes (dates, times, opening hours, NHS and GMC numbers, prices, references)."""

from __future__ import annotations

import pytest

from footprint.detect.interface import ContactKind, PhoneType
from footprint.detect.phones import PhoneDetector, labelled_not_phone, parse_valid
from footprint.detect.text import parse_page


def phones(html: str, region: str = "GB") -> list[str]:
    return [c.normalized for c in PhoneDetector().find(parse_page(html), region)]


POSITIVES = [
    ("Call 0113 496 0000 to book", "GB", ["+441134960000"]),
    ("Mobile: 07700 900123", "GB", ["+447700900123"]),
    ("Mobile: 07700900123.", "GB", ["+447700900123"]),
    ("Mob +44 (0)7700 900123", "GB", ["+447700900123"]),
    ("Mob +44 7700 900 123", "GB", ["+447700900123"]),
    ("Mobile 07911 123456", "GB", ["+447911123456"]),
    ("London office 020 7946 0123", "GB", ["+442079460123"]),
    ("Reception 0113-496-0000 ext 12", "GB", ["+441134960000"]),
    ("US office: (212) 555-0123", "US", ["+12125550123"]),
    ("International: +1 202 555 0147", "GB", ["+12025550147"]),
    ("Dublin clinic 01 234 5678", "IE", ["+35312345678"]),
    ("Dublin clinic +353 1 234 5678", "GB", ["+35312345678"]),
    ("Sydney rooms (02) 9876 5432", "AU", ["+61298765432"]),
    ("Mobile 0412 345 678", "AU", ["+61412345678"]),
    ("Company tel: 0113 496 0000", "GB", ["+441134960000"]),
    ("Phone number: 0113 496 0000", "GB", ["+441134960000"]),
    # a label word that names whose line it is, not a registration number
    ("NHS secretary: 020 7946 0231", "GB", ["+442079460231"]),
    ("Patient support (646) 555-0111", "US", ["+16465550111"]),
    ("Patient services 0113 496 0000", "GB", ["+441134960000"]),
    ('<a href="tel:+447700900123">Call me</a>', "GB", ["+447700900123"]),
    ('<a href="tel:0113%20496%200000">Reception</a>', "GB", ["+441134960000"]),
    ("<p>07700</p><p>900123</p>", "GB", []),  # two blocks never join into one number
    # UK non-geographic numbers used as a practice's or a person's contact number
    ("Practice line 0300 123 4567", "GB", ["+443001234567"]),
    ("Appointments: 0345 678 9012 (local rate)", "GB", ["+443456789012"]),
    ("Dr Example's secretary: 0333 012 3456", "GB", ["+443330123456"]),
    ("Bookings 0844 477 3000", "GB", ["+448444773000"]),
    ("Freephone 0800 123 4567", "GB", ["+448001234567"]),
    ("Tel: 03001234567", "GB", ["+443001234567"]),
    ("Tel: +44 (0)300 123 4567", "GB", ["+443001234567"]),
    # a label word naming whose line it is, not an identifier
    ("Claims line 0300 123 4567", "GB", ["+443001234567"]),
    ("Tax credits helpline 0345 678 9012", "GB", ["+443456789012"]),
    ("Bookings 0113 496 0000", "GB", ["+441134960000"]),
]

LOOKALIKES = [
    ("Open Monday to Friday 8:00-18:30", "GB"),
    ("Open 08:00 - 18:30, Sat 9.00-12.00", "GB"),
    ("Updated 12/03/2024 at 10:30", "GB"),
    ("Published 2024-03-12 10:30:00", "GB"),
    ("NHS number 943 476 5919", "GB"),
    ("NHS number: 943 476 5919", "US"),  # a valid US shape, but labelled as an NHS number
    ("Your NHS No. 9434765919", "GB"),
    ("GMC number 7654321", "GB"),
    ("GMC no: 7654321", "US"),
    ("Private letter £1,250.00 or £35", "GB"),
    ("Invoice 2024000123", "GB"),
    ("Reference: 0113 496 0000", "GB"),
    ("Reference no. 0113 496 0000", "GB"),
    ("Patient ID: 0113 496 0000", "GB"),
    ("Company reg no: 0113 496 0000", "GB"),
    ("Order #20240312001", "GB"),
    ("Registered charity 1012345", "GB"),
    ("ISBN 978-0-19-852663-6", "GB"),
    ("Population 1,234,567 in 2021", "GB"),
    ('<a href="tel:12345">short code</a>', "GB"),
    ("Serial x07700 900123", "GB"),  # glued to a word
    ("Item 107700 900123", "GB"),
    ("doi:10.1136/bmj.n1234567", "GB"),
    ("DOI 10.1001/jama.2023.12345", "US"),
    ("Sort code 40-11-62, account 21436587", "GB"),
    ("Case no. 0113 496 0000", "GB"),
    ("Case No. 2024-CV-01234", "US"),
    ("In practice 1999-2024, 2010 to 2019", "GB"),
    ("PMID 37012345", "US"),
    ("Health and Care number 320 123 4567", "GB"),
    ("<script>var phone='07700 900123'</script>", "GB"),
    # identifiers of other kinds that happen to have a phone number's digits
    ("Serial number 0113 496 0000", "GB"),
    ("Tracking no. 01134960000", "GB"),
    ("Parcel 0113 496 0000", "GB"),
    ("Consignment 0113 496 0000", "GB"),
    ("Claim number: 0113 496 0000", "GB"),
    ("Ticket no. 0113 496 0000", "GB"),
    ("Voucher code 0113 496 0000", "GB"),
    ("Passport no. 0113 496 0000", "GB"),
    ("National Insurance number 0113 496 0000", "GB"),
    ("UTR 0113 496 0000", "GB"),
    ("Medicare number 0412 345 678", "AU"),
    ("MRN 0113 496 0000", "GB"),
    ("SKU 202-555-0147", "US"),
    ("Batch 0113 496 0000", "GB"),
    ("Product code 0113 496 0000", "GB"),
    ("Confirmation number (212) 555-0123", "US"),
    ("Transaction ID 0113 496 0000", "GB"),
    ("Prescription number 0113 496 0000", "GB"),
    ("Employee number 0113 496 0000", "GB"),
    ("Student number 0113 496 0000", "GB"),
    ("Tax reference 0113 496 0000", "GB"),
]


@pytest.mark.parametrize(("text", "region", "expected"), POSITIVES)
def test_finds_phone_numbers(text: str, region: str, expected: list[str]) -> None:
    assert phones(text, region) == expected


@pytest.mark.parametrize(("text", "region"), LOOKALIKES)
def test_ignores_lookalikes(text: str, region: str) -> None:
    assert phones(text, region) == []


@pytest.mark.parametrize(
    ("text", "region", "kind"),
    [
        ("07700 900123", "GB", PhoneType.MOBILE),
        ("07911 123456", "GB", PhoneType.MOBILE),
        ("0113 496 0000", "GB", PhoneType.LANDLINE),
        ("0800 123 4567", "GB", PhoneType.OTHER),  # toll-free
        ("0300 123 4567", "GB", PhoneType.OTHER),  # UAN: never a mobile
        ("0345 678 9012", "GB", PhoneType.OTHER),
        ("0844 477 3000", "GB", PhoneType.OTHER),  # shared cost
        ("0871 123 4567", "GB", PhoneType.OTHER),
        ("(212) 555-0123", "US", PhoneType.OTHER),  # US numbers are fixed-line-or-mobile
        ("0412 345 678", "AU", PhoneType.MOBILE),
    ],
)
def test_types_numbers(text: str, region: str, kind: PhoneType) -> None:
    (contact,) = PhoneDetector().find(parse_page(f"<p>{text}</p>"), region)
    assert contact.kind is ContactKind.PHONE
    assert contact.phone_type is kind
    assert contact.value == text


def test_context_is_short_and_around_the_number() -> None:
    html = "<p>" + "Lorem ipsum dolor sit amet. " * 10 + "Mobile 07700 900123 " + "etc " * 40
    (contact,) = PhoneDetector().find(parse_page(html), "GB")
    assert "07700 900123" in contact.context
    assert len(contact.context) <= 82


def test_parse_valid_and_labels() -> None:
    assert parse_valid("+44 7700 900123", "US") == ("+447700900123", PhoneType.MOBILE)
    assert parse_valid("12345", "GB") is None
    assert parse_valid("not a number", "GB") is None
    assert labelled_not_phone("NHS number: 943", len("NHS number: "))
    assert not labelled_not_phone("Mobile: 077", len("Mobile: "))
