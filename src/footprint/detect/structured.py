"""schema.org structured data: JSON-LD blocks and microdata items.

Sites often describe a doctor or clinic for search engines with schema.org types such as
Person, Physician and MedicalClinic (https://schema.org/Physician), whose `telephone`, `email`,
`address` (a PostalAddress with `streetAddress` and `postalCode`) and `sameAs` (profile links)
are contact details even when the visible page does not show them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from footprint.detect.context import clip
from footprint.detect.emails import found_email
from footprint.detect.interface import Contact, ContactKind, Detector
from footprint.detect.phones import parse_valid
from footprint.detect.postcodes import canonical_postcode, normalize_address
from footprint.detect.social import social_profile
from footprint.detect.text import MicrodataItem, Page
from footprint.util import jsonsafe

# Types whose contact properties describe a person or a place of care.
WANTED_TYPES = frozenset(
    """Person Physician MedicalClinic MedicalOrganization MedicalBusiness Dentist Hospital
    Optician Pharmacy Organization LocalBusiness ProfessionalService Place""".split()
)
_MAX_DEPTH = 12  # hostile JSON nested deeper than this is ignored
_MAX_PARSE_DEPTH = 64  # a JSON-LD block nested deeper is not parsed at all


def _types(node: dict[str, Any]) -> set[str]:
    raw = node.get("@type", [])
    names = raw if isinstance(raw, list) else [raw]
    return {str(t).rstrip("/").rsplit("/", 1)[-1] for t in names}


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _load_json_ld(raw: str) -> Any:
    text = raw.strip()
    text = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", text)
    text = re.sub(r"^<!--|-->$", "", text.strip())
    try:
        # Bounded: a block nested 100,000 deep costs only itself, never a RecursionError.
        return jsonsafe.loads(text, max_depth=_MAX_PARSE_DEPTH)
    except ValueError:  # malformed or too deep: the block is ignored, the page still read
        return None


def microdata_to_dict(item: MicrodataItem, depth: int = 0) -> dict[str, Any]:
    """A microdata item as a JSON-LD-like dict, so one walker reads both.

    Items nested deeper than the walker reads are left out (the parser bounds them too).
    """
    node: dict[str, Any] = {"@type": list(item.types)}
    for name, values in item.props.items():
        node[name] = [
            microdata_to_dict(v, depth + 1) if isinstance(v, MicrodataItem) else v
            for v in values
            if depth < _MAX_DEPTH or not isinstance(v, MicrodataItem)
        ]
    return node


class StructuredDataDetector(Detector):
    """Telephone, email, address and sameAs of schema.org people and places of care.

    Yields contacts of several kinds (phone, e-mail, postcode, address, social).
    """

    kind: ClassVar[ContactKind] = ContactKind.PHONE  # nominal: this detector yields all kinds

    def find(self, page: Page, region: str) -> Iterator[Contact]:
        for raw in page.json_ld:
            yield from self._walk(_load_json_ld(raw), region, 0)
        for item in page.microdata:
            yield from self._walk(microdata_to_dict(item), region, 0)

    def _walk(self, node: Any, region: str, depth: int) -> Iterator[Contact]:
        if depth > _MAX_DEPTH:
            return
        if isinstance(node, list):
            for child in node:
                yield from self._walk(child, region, depth + 1)
            return
        if not isinstance(node, dict):
            return
        types = _types(node)
        if types & WANTED_TYPES:
            yield from self._contacts(node, sorted(types & WANTED_TYPES)[0], region)
        for key, child in node.items():
            if key != "address" and isinstance(child, (dict, list)):
                yield from self._walk(child, region, depth + 1)

    def _contacts(self, node: dict[str, Any], type_: str, region: str) -> Iterator[Contact]:
        names = _strings(node.get("name"))
        about = f"schema.org {type_}" + (f" ({names[0]})" if names else "")
        for raw in _strings(node.get("telephone")):
            parsed = parse_valid(raw, region)
            if parsed:
                context = clip(f"{about}: telephone {raw}")
                yield Contact(ContactKind.PHONE, raw, parsed[0], context, parsed[1])
        for raw in _strings(node.get("email")):
            address = raw.removeprefix("mailto:")
            normalized = found_email(address)
            if normalized:
                yield Contact(ContactKind.EMAIL, address, normalized, clip(f"{about}: email"))
        for url in _strings(node.get("sameAs")) + _strings(node.get("url")):
            found = social_profile(url)
            if found:
                yield Contact(ContactKind.SOCIAL, url, found[1], clip(f"{about}: sameAs"))
        yield from self._address(node.get("address"), about)

    def _address(self, value: Any, about: str) -> Iterator[Contact]:
        for address in value if isinstance(value, list) else [value]:
            if isinstance(address, str) and address.strip():
                context = clip(f"{about}: address {address}")
                yield Contact(ContactKind.ADDRESS, address, normalize_address(address), context)
            elif isinstance(address, dict):
                for street in _strings(address.get("streetAddress")):
                    context = clip(f"{about}: streetAddress {street}")
                    yield Contact(ContactKind.ADDRESS, street, normalize_address(street), context)
                for code in _strings(address.get("postalCode")):
                    canonical = canonical_postcode(code)
                    if canonical:
                        context = clip(f"{about}: postalCode {code}")
                        yield Contact(ContactKind.POSTCODE, code, canonical, context)
