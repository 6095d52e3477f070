"""Phone numbers, found and typed with the phonenumbers library (a port of Google's
libphonenumber).

`PhoneNumberMatcher` at leniency VALID does the hard part: it only reports numbers that are
valid in the numbering plan of their country, written with the region's national prefix rules,
and it already skips dates, times and opening hours. On top of that we drop numbers labelled as
something else (an NHS number, a GMC number, a reference), and read `tel:` links.

Ofcom reserves 07700 900000-900999 for fiction (TV and radio drama); libphonenumber marks that
range invalid, so we accept it explicitly. Real people never hold these numbers, and the demo and
tests use them for the fictional doctor's "personal mobile".
Source: Ofcom, "Telephone numbers for use in TV and radio drama programmes".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar
from urllib.parse import unquote

import phonenumbers
from phonenumbers import Leniency, NumberParseException, PhoneNumber, PhoneNumberMatcher
from phonenumbers import PhoneNumberType as NumberType

from footprint.detect.context import snippet
from footprint.detect.interface import Contact, ContactKind, Detector, PhoneType
from footprint.detect.text import Page

_TYPES = {
    NumberType.MOBILE: PhoneType.MOBILE,
    NumberType.FIXED_LINE: PhoneType.LANDLINE,
}

# Ofcom's drama range for mobiles, in any of the usual written forms.
# (Searched from the literal "7700", then the prefix is checked: much faster than a pattern
# that starts with the optional prefix.)
_DRAMA_CORE = re.compile(r"7700\s?900\s?\d{3}(?!\d)")
_DRAMA_PREFIX = re.compile(r"(?:\+44\s?(?:\(0\)\s?)?|(?<![\w+])0)$")
_DRAMA_E164 = re.compile(r"^\+447700900\d{3}$")

# A label right before a number that says it is not a phone number ("NHS number", "GMC no.",
# "Reference:"). Only number words may stand between the label and the number: in
# "NHS secretary: 020 ..." or "Patient support (646) ..." the label names whose line it is.
_NOT_A_PHONE_LABEL = re.compile(
    r"\b(?:nhs|chi|gmc|gdc|gphc|nmc|hcpc|npi|dea|ahpra|mcrn|imc|ods|vat|abn|acn|ein|ssn|"
    r"company|charity|registration|reg|reference|ref|invoice|order|account|acct|case|patient|"
    r"policy|member|membership|licen[cs]e|id|isbn|issn|doi|pmid|"
    # identifiers of other kinds: parcels, tickets, products, payroll, tax, records
    r"serial|tracking|parcel|consignment|claim|ticket|voucher|passport|insurance|utr|medicare|"
    r"mrn|sku|batch|product|confirmation|transaction|prescription|employee|student|tax)"
    r"\b(?P<tail>[\w\s.#:/-]{0,14})$",
    re.IGNORECASE,
)
_NUMBER_WORDS = frozenset(
    "number numbers no nos num code id is reg registration registered ref reference e g eg".split()
)
_LABEL_WINDOW = 28


def phone_type(number: PhoneNumber) -> PhoneType:
    """Mobile, landline or other (US numbers are usually 'fixed line or mobile': other)."""
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if _DRAMA_E164.match(e164):
        return PhoneType.MOBILE
    return _TYPES.get(phonenumbers.number_type(number), PhoneType.OTHER)


def to_e164(raw: str, region: str) -> str | None:
    """`raw` in E.164 if it parses at all (valid or not): for comparing with the profile."""
    try:
        number = phonenumbers.parse(raw, region)
    except NumberParseException:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def parse_valid(raw: str, region: str) -> tuple[str, PhoneType] | None:
    """(E.164, type) when `raw` is a valid number (or in Ofcom's drama range), else None."""
    try:
        number = phonenumbers.parse(raw, region)
    except NumberParseException:
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if phonenumbers.is_valid_number(number) or _DRAMA_E164.match(e164):
        return e164, phone_type(number)
    return None


def labelled_not_phone(text: str, start: int) -> bool:
    """Whether the words just before `start` say the number is an NHS number, a reference..."""
    line_start = text.rfind("\n", max(start - _LABEL_WINDOW, 0), start) + 1
    window = text[max(line_start, start - _LABEL_WINDOW) : start]
    label = _NOT_A_PHONE_LABEL.search(window)
    if label is None:
        return False
    words = re.findall(r"[a-z]+", label.group("tail").lower())
    return all(word in _NUMBER_WORDS for word in words)


class PhoneDetector(Detector):
    """Phone numbers in the visible text and in `tel:` links."""

    kind: ClassVar[ContactKind] = ContactKind.PHONE

    def find(self, page: Page, region: str) -> Iterator[Contact]:
        yield from self._in_text(page.text, region)
        yield from self._drama(page.text)
        yield from self._in_links(page, region)

    def _in_text(self, text: str, region: str) -> Iterator[Contact]:
        for match in PhoneNumberMatcher(text, region, leniency=Leniency.VALID):
            if labelled_not_phone(text, match.start):
                continue
            number = match.number
            yield Contact(
                kind=self.kind,
                value=match.raw_string,
                normalized=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
                context=snippet(text, match.start, match.end),
                phone_type=phone_type(number),
            )

    def _drama(self, text: str) -> Iterator[Contact]:
        if "7700" not in text:
            return
        for match in _DRAMA_CORE.finditer(text):
            prefix = _DRAMA_PREFIX.search(text, max(match.start() - 8, 0), match.start())
            if prefix is None:
                continue
            start, end = prefix.start(), match.end()
            e164 = to_e164(text[start:end], "GB")
            if e164 and not labelled_not_phone(text, start):
                yield Contact(
                    kind=self.kind,
                    value=text[start:end],
                    normalized=e164,
                    context=snippet(text, start, end),
                    phone_type=PhoneType.MOBILE,
                )

    def _in_links(self, page: Page, region: str) -> Iterator[Contact]:
        for link in page.links:
            scheme, _, rest = link.href.partition(":")
            if scheme.lower() not in ("tel", "callto", "sms") or not rest:
                continue
            raw = unquote(rest.split("?", 1)[0].split(";", 1)[0]).strip()
            parsed = parse_valid(raw, region)
            if parsed:
                yield Contact(
                    kind=self.kind,
                    value=raw,
                    normalized=parsed[0],
                    context=link.context,
                    phone_type=parsed[1],
                )
