"""schema.org structured data: JSON-LD and microdata contacts of people and places of care.

Formats follow schema.org (https://schema.org/Physician, https://schema.org/PostalAddress) and
the HTML microdata spec (itemscope / itemtype / itemprop).
"""

from __future__ import annotations

import json

from footprint.detect.interface import ContactKind, PhoneType
from footprint.detect.structured import StructuredDataDetector
from footprint.detect.text import parse_page


def structured(html: str) -> list[tuple[str, str]]:
    page = parse_page(html)
    return [(str(c.kind), c.normalized) for c in StructuredDataDetector().find(page, "GB")]


def json_ld(data: object) -> str:
    return (
        f'<html><head><script type="application/ld+json">{json.dumps(data)}</script></head></html>'
    )


PHYSICIAN = {
    "@context": "https://schema.org",
    "@type": "Physician",
    "name": "Dr Alex Example",
    "telephone": "+44 7700 900123",
    "email": "mailto:Alex.Example.Home@gmail.com",
    "address": {
        "@type": "PostalAddress",
        "streetAddress": "12 Fictional Lane",
        "postalCode": "ex1 2ab",
    },
    "sameAs": ["https://www.instagram.com/alex.example/", "https://clinic.example/"],
}


def test_json_ld_physician() -> None:
    assert structured(json_ld(PHYSICIAN)) == [
        ("phone", "+447700900123"),
        ("email", "alex.example.home@gmail.com"),
        ("social", "https://www.instagram.com/alex.example/"),
        ("address", "12 fictional lane"),
        ("postcode", "EX1 2AB"),
    ]


def test_json_ld_graph_and_nested_people() -> None:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "telephone": "0113 496 0999"},  # not a person or place of care
            {
                "@type": ["MedicalClinic", "LocalBusiness"],
                "telephone": "0113 496 0000",
                "employee": {"@type": "Person", "name": "Alex", "telephone": ["07700 900123"]},
                "address": "1 Example Street, Exampleton",
            },
        ],
    }
    assert structured(json_ld(data)) == [
        ("phone", "+441134960000"),
        ("address", "1 example street exampleton"),
        ("phone", "+447700900123"),
    ]


def test_broken_json_ld_is_ignored() -> None:
    html = '<script type="application/ld+json">{"@type": "Person", "telephone": </script>'
    assert structured(html) == []


def test_deeply_nested_json_ld_is_bounded() -> None:
    node: dict[str, object] = {"@type": "Person", "telephone": "07700 900123"}
    for _ in range(50):
        node = {"@type": "Thing", "child": node}
    assert structured(json_ld(node)) == []


def test_invalid_values_are_dropped() -> None:
    data = {"@type": "Person", "telephone": "12", "email": "nope", "address": {"postalCode": "??"}}
    assert structured(json_ld(data)) == []


MICRODATA = """
<div itemscope itemtype="https://schema.org/Physician">
  <h2 itemprop="name">Dr Alex Example</h2>
  <span itemprop="telephone" content="+447700900123">Call my mobile</span>
  <a itemprop="email" href="mailto:alex@clinic.example">E-mail</a>
  <div itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">
    <span itemprop="streetAddress">20 Sample Road</span>
    <span itemprop="postalCode">EX2 3DE</span>
  </div>
</div>
"""


def test_microdata_physician() -> None:
    assert structured(MICRODATA) == [
        ("phone", "+447700900123"),
        ("email", "alex@clinic.example"),
        ("address", "20 sample road"),
        ("postcode", "EX2 3DE"),
    ]


def test_context_names_the_type() -> None:
    (phone, *_) = StructuredDataDetector().find(parse_page(json_ld(PHYSICIAN)), "GB")
    assert phone.kind is ContactKind.PHONE
    assert phone.phone_type is PhoneType.MOBILE
    assert phone.context.startswith("schema.org Physician (Dr Alex Example): telephone")


def test_json_ld_nested_100k_deep_is_ignored_not_a_recursion_error() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    html = (
        f'<script type="application/ld+json">{deep}</script>'
        f'<script type="application/ld+json">{json.dumps(PHYSICIAN)}</script>'
    )
    found = structured(html)
    assert ("phone", "+447700900123") in found  # the honest block next to it is still read


def test_json_ld_just_too_deep_for_the_walker_is_ignored() -> None:
    node: object = {"@type": "Person", "telephone": "0113 496 0000"}
    for _ in range(70):
        node = {"@graph": [node]}
    assert structured(json_ld(node)) == []
