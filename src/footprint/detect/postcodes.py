"""Postcodes and street address lines.

- UK postcodes: the validated shape from the Royal Mail / gov.uk bulk data transfer standard
  (outward code letters exclude Q, V, X in first place; inward letters exclude C, I, K, M, O, V).
- Irish Eircodes: routing key (letter + 2 digits, or D6W) and a 4-character unique identifier
  from the Eircode alphabet (no B, G, I, J, L, M, O, Q, S, U, Z), as published by Eircode.
- US ZIP codes and Australian postcodes are plain digits, so they count only right after a state,
  as a code or a name ("NY 10001", "Illinois 62704", "NSW 2000", "Queensland 4000"), and only
  when the digits fall in that state's range ("SA 2024" is a year, not an Adelaide postcode):
  a bare 5- or 4-digit number is far more often something else. The ranges are in `states`.
- Street lines: a house number, one to four capitalised words and a street word ("12 Fictional
  Lane", "3 High St").
"""

from __future__ import annotations

import re
from typing import ClassVar

from footprint.detect.interface import ContactKind, Detector, PatternDetector
from footprint.detect.states import STATE_NAME_PATTERN, postcode_in_state

_UK = re.compile(
    r"\b(?P<out>[A-PR-UWYZ](?:[0-9][0-9]?|[A-HK-Y][0-9][0-9]?|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]))"
    r" ?(?P<in>[0-9][ABD-HJLNP-UW-Z]{2})\b"
)
# The 124 postcode areas (Royal Mail), so "MP3 4GB" is not taken for a postcode.
_UK_AREAS = frozenset(
    """AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN
    DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA
    LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG
    SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO
    ZE""".split()
)
_EIRCODE = re.compile(r"\b(?P<out>[AC-FHKNPRTV-Y][0-9]{2}|D6W) ?(?P<in>[0-9AC-FHKNPRTV-Y]{4})\b")
# A state code or name, then the digits; whether they belong together is checked on each match.
_STATE_CODE = re.compile(
    rf"\b(?P<state>[A-Z]{{2,3}}|{STATE_NAME_PATTERN}),?[ \t]+(?P<code>\d{{5}}(?:-\d{{4}})?|\d{{4}})"
    r"(?![\d-])"
)

# Street words and the abbreviations folded into them for comparison.
_STREET_WORDS = {
    "street": "street",
    "st": "street",
    "road": "road",
    "rd": "road",
    "lane": "lane",
    "ln": "lane",
    "avenue": "avenue",
    "ave": "avenue",
    "close": "close",
    "drive": "drive",
    "way": "way",
    "court": "court",
    "ct": "court",
    "place": "place",
    "pl": "place",
    "crescent": "crescent",
    "cres": "crescent",
    "terrace": "terrace",
    "gardens": "gardens",
    "grove": "grove",
    "square": "square",
    "sq": "square",
    "hill": "hill",
    "boulevard": "boulevard",
    "blvd": "boulevard",
    "row": "row",
    "mews": "mews",
    "walk": "walk",
    "parade": "parade",
    "green": "green",
    "park": "park",
    "rise": "rise",
    "view": "view",
    "highway": "highway",
}
_STREET_ALT = "|".join(sorted((w.capitalize() for w in _STREET_WORDS), key=len, reverse=True))
_STREET = re.compile(
    rf"(?<![\w£$€.,:/-])(?:(?:Flat|Unit|Apt\.?|Suite)\s+\w{{1,4}},?\s+)?\d{{1,5}}[A-Za-z]?,?"
    rf"\s+(?:[A-Z][a-z'’]+\s+){{1,4}}(?:{_STREET_ALT})\b\.?"
    # "© 2026 Example Street Surgery" names a business, not a street line
    r"(?!\s+(?:Surgery|Medical|Practice|Clinic|Health|Centre|Center|Pharmacy|Dental|Hospital))"
)

_NOT_STREET = re.compile(r"^\d+\w? (?:minutes?|hours?|miles?|mins?|days?|weeks?|years?|steps?)\b")


def canonical_postcode(raw: str) -> str | None:
    """'ex12ab' -> 'EX1 2AB', 'a65f4e2' -> 'A65 F4E2'; US/AU digits as given; None otherwise."""
    compact = re.sub(r"\s+", "", raw).upper()
    uk = _UK.fullmatch(f"{compact[:-3]} {compact[-3:]}") if len(compact) >= 5 else None
    if uk and _uk_area_ok(uk.group("out")):
        return f"{uk.group('out')} {uk.group('in')}"
    eircode = _EIRCODE.fullmatch(f"{compact[:3]} {compact[3:]}") if len(compact) == 7 else None
    if eircode:
        return f"{eircode.group('out')} {eircode.group('in')}"
    if re.fullmatch(r"\d{5}(?:-\d{4})?|\d{4}", compact):
        return compact
    return None


def _uk_area_ok(outward: str) -> bool:
    area = outward[:2] if outward[1:2].isalpha() else outward[:1]
    return area in _UK_AREAS


def normalize_address(raw: str) -> str:
    """Lower case, punctuation dropped, street abbreviations spelled out: for comparison."""
    words = re.sub(r"[^\w\s]", " ", raw.lower()).split()
    return " ".join(_STREET_WORDS.get(w, w) if i else w for i, w in enumerate(words))


class UkPostcodeDetector(PatternDetector):
    """UK postcodes of a valid shape."""

    kind: ClassVar[ContactKind] = ContactKind.POSTCODE
    patterns = (_UK,)

    def normalize(self, match: re.Match[str], text: str) -> str | None:
        if not _uk_area_ok(match.group("out")):
            return None
        return f"{match.group('out')} {match.group('in')}"


class EircodeDetector(PatternDetector):
    """Irish Eircodes. Both halves must contain a digit and a letter mix typical of Eircodes."""

    kind: ClassVar[ContactKind] = ContactKind.POSTCODE
    patterns = (_EIRCODE,)

    def normalize(self, match: re.Match[str], text: str) -> str | None:
        unique = match.group("in")
        if unique.isdigit() or unique.isalpha():
            return None  # "D02 2024" or "K45 FREE" is a date or a word, not an Eircode
        return f"{match.group('out')} {unique}"


class StatePostcodeDetector(PatternDetector):
    """US ZIP codes and Australian postcodes, only right after a state."""

    kind: ClassVar[ContactKind] = ContactKind.POSTCODE
    patterns = (_STATE_CODE,)

    def value(self, match: re.Match[str]) -> str:
        return match.group("code")

    def normalize(self, match: re.Match[str], text: str) -> str | None:
        state, code = match.group("state"), match.group("code")
        if state == "ID" and not re.search(r"(?:^|,|\n)[ \t]*$", text[: match.start()]):
            return None  # "Patient ID 83702": Idaho's code only after a comma or on its own line
        return code if postcode_in_state(code, state) else None


class StreetAddressDetector(PatternDetector):
    """Street address lines such as '12 Fictional Lane'."""

    kind: ClassVar[ContactKind] = ContactKind.ADDRESS
    patterns = (_STREET,)

    def normalize(self, match: re.Match[str], text: str) -> str | None:
        normalized = normalize_address(match.group(0))
        if _NOT_STREET.search(normalized):
            return None  # "5 Minute Walk", "24 Hour Park"
        return normalized


def postcode_detectors() -> tuple[Detector, ...]:
    """Every postcode and address detector."""
    return (
        UkPostcodeDetector(),
        EircodeDetector(),
        StatePostcodeDetector(),
        StreetAddressDetector(),
    )
