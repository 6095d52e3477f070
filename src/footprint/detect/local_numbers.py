"""Phone numbers written without their area code, where the page or the doctor's state makes
the area plain.

A practice page in Brisbane lists "Reception (07) 3555 0100" and, further down, "Dr Example's
rooms: 3555 0142"; a US page gives "(217) 555-0100" at the top and "direct line 555-0142" below.
A patient dials both. The area comes only from evidence, never from a guess:

- Australia: the area of the page's full landline numbers ("(07) ..."), or the state of its
  address block ("Brisbane QLD 4000" is Queensland, area 07), or the doctor's own state or
  territory from the profile when the page gives none;
- US (and the rest of the North American plan): the area code of the page's full numbers, or
  one the page states in words ("all numbers are area code 217") for a doctor in the US.

Exactly one area must be in evidence: a page with numbers in two areas leaves a local number
unread, as does a page with none. The digits must then make a valid number in that area.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import ClassVar

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher
from phonenumbers import PhoneNumberType as NumberType

from footprint.detect.context import snippet
from footprint.detect.interface import Contact, ContactKind, Detector
from footprint.detect.phones import labelled_not_phone, parse_valid
from footprint.detect.states import AU_AREA_CODES, STATE_NAME_PATTERN, postcode_in_state, state_code
from footprint.detect.text import Page

# Not glued to a word, a longer digit run or a path ("943 476 5919", "10.1000/182-3456"). The
# checks look behind the first digit once it is matched, so the pattern still starts with a
# character class and the regex engine can skip quickly to candidate digits.
_FREE_BEFORE = r"(?<![\w/.:#+()$£€-].)(?<!\d[ .-].)(?<!\)[ ].)"
_FREE_AFTER = r"(?![ .-]?\d)(?![\w/])"
# Australian local numbers: eight digits as 4 + 4 (the national style, "3555 0142").
_AU_LOCAL = re.compile(rf"(?P<a>[2-9]{_FREE_BEFORE}\d{{3}})[ -](?P<b>\d{{4}}){_FREE_AFTER}")
# North American local numbers: exchange and line, "555-0142" or "555.0142".
_US_LOCAL = re.compile(rf"(?P<a>[2-9]{_FREE_BEFORE}\d{{2}})[-.](?P<b>\d{{4}}){_FREE_AFTER}")
_YEAR = re.compile(r"(?:19|20)\d\d")
# "All numbers are area code 217": the area said in words.
_AREA_CODE_WORDS = re.compile(r"\barea[ \t]+code:?[ \t]+\(?(?P<code>[2-9]\d\d)\)?(?!\d)", re.I)
_AU_ADDRESS = re.compile(
    rf"\b(?P<state>NSW|ACT|VIC|QLD|SA|WA|TAS|NT|{STATE_NAME_PATTERN}),?[ \t]+(?P<code>\d{{4}})(?!\d)"
)
_NANP_REGIONS = frozenset({"US", "CA"})
_HINT = re.compile(r"\d{3,4}[ .-]\d{4}")
_Dialled = Callable[[re.Match[str]], str]  # the full number a local match stands for


@dataclass(frozen=True)
class Areas:
    """The telephone areas a page gives evidence of, by country calling code."""

    au: frozenset[str]  # trunk area digits: "2", "3", "7", "8"
    nanp: frozenset[str]  # three-digit area codes
    countries: frozenset[int]  # calling codes of every full number on the page

    def only_au(self) -> str | None:
        """The one Australian area, when the page (or profile) gives exactly one."""
        return next(iter(self.au)) if len(self.au) == 1 and self.countries <= {61} else None

    def only_nanp(self) -> str | None:
        """The one North American area code, when the page's full numbers give exactly one."""
        return next(iter(self.nanp)) if len(self.nanp) == 1 and self.countries == {1} else None


def page_areas(text: str, region: str, profile_state: str | None = None) -> Areas:
    """The areas `text` gives evidence of; `profile_state` (e.g. QLD) counts only without any."""
    au: set[str] = set()
    for match in _AU_ADDRESS.finditer(text):
        state = state_code(match.group("state"))
        if state in AU_AREA_CODES and postcode_in_state(match.group("code"), state):
            au.add(AU_AREA_CODES[state])
    # An Australian address block means the page's national numbers are Australian too.
    numbers = _full_numbers(text, "AU" if au else region)
    countries = {n.country_code or 0 for n in numbers} | ({61} if au else set())
    nanp = {str(n.national_number)[:3] for n in numbers if n.country_code == 1}
    if region in _NANP_REGIONS:
        said = {m.group("code") for m in _AREA_CODE_WORDS.finditer(text)}
        nanp |= said
        countries |= {1} if said else set()
    au |= {
        str(n.national_number)[0]
        for n in numbers
        if n.country_code == 61 and phonenumbers.number_type(n) == NumberType.FIXED_LINE
    }
    if not au and not countries and region == "AU" and profile_state in AU_AREA_CODES:
        au.add(AU_AREA_CODES[profile_state])
    return Areas(frozenset(au), frozenset(nanp), frozenset(countries))


def _full_numbers(text: str, region: str) -> list[phonenumbers.PhoneNumber]:
    """The page's full phone numbers (an invoice number is no evidence of an area)."""
    return [
        m.number
        for m in PhoneNumberMatcher(text, region, leniency=Leniency.VALID)
        if not labelled_not_phone(text, m.start)
    ]


class LocalNumberDetector(Detector):
    """Australian 8-digit and North American 7-digit numbers, with the page's one area.

    Built per page by the pipeline, because the doctor's state (`profile_state`) is part of the
    evidence; the page itself always comes first.
    """

    kind: ClassVar[ContactKind] = ContactKind.PHONE

    def __init__(self, profile_state: str | None = None) -> None:
        self.profile_state = profile_state.upper() if profile_state else None

    def find(self, page: Page, region: str) -> Iterator[Contact]:
        text = page.text
        # Reading the page's areas runs the full matcher again: only when a local number could
        # be there (full numbers such as "020 7946 0231" or "(217) 555-0134" are not candidates).
        if not _HINT.search(text) or not (_AU_LOCAL.search(text) or _US_LOCAL.search(text)):
            return
        areas = page_areas(text, region, self.profile_state)
        au, nanp = areas.only_au(), areas.only_nanp()
        if au:
            yield from self._local(text, _AU_LOCAL, lambda m: f"+61{au}{m['a']}{m['b']}")
        if nanp:
            yield from self._local(text, _US_LOCAL, lambda m: f"+1{nanp}{m['a']}{m['b']}")

    def _local(self, text: str, pattern: re.Pattern[str], full: _Dialled) -> Iterator[Contact]:
        for match in pattern.finditer(text):
            if _YEAR.fullmatch(match["a"]) and _YEAR.fullmatch(match["b"]):
                continue  # "2019 2024" is two years
            if labelled_not_phone(text, match.start()):
                continue
            parsed = parse_valid(full(match), "ZZ")
            if parsed is None:
                continue
            yield Contact(
                kind=self.kind,
                value=match.group(0),
                normalized=parsed[0],
                context=snippet(text, match.start(), match.end()),
                phone_type=parsed[1],
            )
