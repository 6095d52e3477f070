"""E-mail detectors: plain, mailto:, hand-obfuscated and Cloudflare-protected addresses."""

from __future__ import annotations

import pytest

from footprint.detect.emails import decode_cfemail, email_detectors, normalize_email
from footprint.detect.text import parse_page


def emails(html: str, url: str | None = None) -> list[str]:
    page = parse_page(html, url)
    found = [c.normalized for d in email_detectors() for c in d.find(page, "GB")]
    return list(dict.fromkeys(found))


def cf_encode(address: str, key: int = 0x5A) -> str:
    """Cloudflare's encoding: key byte, then every byte XOR key (as hex)."""
    return f"{key:02x}" + "".join(f"{b ^ key:02x}" for b in address.encode())


POSITIVES = [
    ("Write to alex.example@nhs.net today", ["alex.example@nhs.net"]),
    ("Contact: Alex.Example.Home@Gmail.com.", ["alex.example.home@gmail.com"]),
    ("first+tag@sub.practice.example.co.uk", ["first+tag@sub.practice.example.co.uk"]),
    ('<a href="mailto:alex@clinic.example?subject=Booking">E-mail us</a>', ["alex@clinic.example"]),
    ('<a href="MAILTO:a%40b.example">x</a>', ["a@b.example"]),
    ("alex.example.home [at] gmail [dot] com", ["alex.example.home@gmail.com"]),
    ("alex.example.home[at]gmail[dot]com", ["alex.example.home@gmail.com"]),
    ("alex (at) clinic (dot) example (dot) org", ["alex@clinic.example.org"]),
    # (these three used "domain.com", which is now a placeholder: see PLACEHOLDERS)
    ("name(at)practice.nhs.uk", ["name@practice.nhs.uk"]),
    ("name {at} surgery.co.uk", ["name@surgery.co.uk"]),
    ("name AT practice DOT com", ["name@practice.com"]),
    ("name [at] practice [dot] nhs [dot] uk", ["name@practice.nhs.uk"]),
    ("name at practice dot co dot uk", ["name@practice.co.uk"]),
    ("E-mail: a.patel at northside dot nhs dot uk", ["a.patel@northside.nhs.uk"]),
    ("name @ practice . nhs . uk", ["name@practice.nhs.uk"]),
    ("reception @ northside.ie or", ["reception@northside.ie"]),
    ("b . osei @ nhs . net", ["b.osei@nhs.net"]),
    ("Write to jo @ practice.nhs.uk. Next week", ["jo@practice.nhs.uk"]),
    ("alex.example [at] clinic.example.de", ["alex.example@clinic.example.de"]),
    ("alex.example AT clinic DOT example DOT org", ["alex.example@clinic.example.org"]),
    # a dot spelled out in the name as well as the domain: the whole address, never its tail
    ("alex dot example at gmail dot com", ["alex.example@gmail.com"]),
    ("Write to Alex DOT Example AT gmail DOT com today", ["alex.example@gmail.com"]),
    ("alex[dot]example[at]gmail[dot]com", ["alex.example@gmail.com"]),
    ("alex (dot) example (at) clinic (dot) example (dot) org", ["alex.example@clinic.example.org"]),
]

LOOKALIKES = [
    "Meet us at the clinic dot the i's",  # lower-case prose "at"/"dot" is not an address
    "Look AT this",
    '<img src="logo@2x.png"> logo@2x.png',
    "Follow @alex@mastodon.social",  # a fediverse handle, not an e-mail
    "alex@localhost",
    "user@domain",
    "<script>var e = 'x@y.com'</script>",
    "email: [email protected]",
    "Price @ £20.00",
    "Book at reception dot the register",  # spelled out, but no real top-level domain at the end
    "Look at the map dot plan",
    "Lunch @ 12.30 daily",
    "Arrive @ the main entrance.",
    "Join the dot com boom at home dot the end",  # prose with both words, no address
]

# Template and form placeholders: examples of an address, never anyone's.
PLACEHOLDERS = [
    "e.g. emailname@domain.com",
    "Your e-mail (yourname@gmail.com)",
    "email@example.com",
    "email@example.co.uk",
    "name@example.com",
    "you@yourdomain.com",
    "Format: firstname.lastname@example.org",
    "Our addresses are firstname.surname@nhs.net",
    "your.name@nhs.net",
    "info@yourpractice.co.uk",
    '<a href="mailto:you@yourdomain.com">you@yourdomain.com</a>',
    "yourname [at] domain [dot] com",
    "email at domain dot com",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_finds_addresses(text: str, expected: list[str]) -> None:
    assert emails(text) == expected


@pytest.mark.parametrize("text", LOOKALIKES)
def test_ignores_lookalikes(text: str) -> None:
    assert emails(text) == []


@pytest.mark.parametrize("text", PLACEHOLDERS)
def test_ignores_placeholders(text: str) -> None:
    assert emails(text) == []


@pytest.mark.parametrize(
    "address",
    ["alex.home@example.com", "jo@example.org", "alex@clinic.example", "youngs@practice.co.uk"],
)
def test_real_looking_addresses_at_example_domains_still_count(address: str) -> None:
    assert emails(address) == [address]


def test_decodes_cloudflare_data_attribute() -> None:
    hexa = cf_encode("alex.example.home@gmail.com")
    html = (
        f'<p>E-mail: <a href="/cdn-cgi/l/email-protection" class="__cf_email__" '
        f'data-cfemail="{hexa}">[email&#160;protected]</a></p>'
    )
    assert emails(html) == ["alex.example.home@gmail.com"]


def test_decodes_cloudflare_link_fragment() -> None:
    hexa = cf_encode("alex@clinic.example", key=0x33)
    html = f'<a href="/cdn-cgi/l/email-protection#{hexa}">E-mail Dr Example</a>'
    assert emails(html, url="https://clinic.example/team") == ["alex@clinic.example"]


def test_decode_cfemail() -> None:
    # Published vector from a well-known decoder (aidoku helpers): key 0x98.
    assert decode_cfemail("98d1fcf7f4f5d8ebecfdea") == "Idolm@ster"
    assert decode_cfemail("zz") is None
    assert decode_cfemail("abc") is None  # odd length
    assert decode_cfemail("00ff") is None  # not UTF-8


def test_normalize_email() -> None:
    assert normalize_email(" A@B.Example ") == "a@b.example"
    assert normalize_email("a@b.png") is None
    assert normalize_email("no-at-sign") is None
