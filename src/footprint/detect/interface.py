"""What a detector is and what it finds.

A detector is a small declarative unit: it reads a parsed `Page` (visible text, links and
markup, see `footprint.detect.text`) and yields `Contact`s. Pattern detectors only declare their
regular expressions and how to normalise a match; a `None` from `normalize` rejects a look-alike.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from footprint.model.vocab import StrEnum

if TYPE_CHECKING:
    from footprint.detect.text import Page

CONTEXT_CHARS = 80


class ContactKind(StrEnum):
    """The kinds of contact detail the scanner reports (DESIGN.md `footprint scan`)."""

    PHONE = "phone"
    EMAIL = "email"
    POSTCODE = "postcode"
    ADDRESS = "address"
    SOCIAL = "social"


class PhoneType(StrEnum):
    """What kind of line a phone number is, from the numbering plan."""

    MOBILE = "mobile"
    LANDLINE = "landline"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Contact:
    """One contact detail seen on a page.

    `value` is as it appears; `normalized` is comparable across pages and with the profile:
    E.164 for phones, lower case for e-mails and addresses, the canonical postcode, or the
    profile URL for social accounts.
    """

    kind: ContactKind
    value: str
    normalized: str
    context: str = ""
    phone_type: PhoneType | None = None


_SPACES = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"\s*\n\s*")


def _near_lines(segment: str, *, before: bool) -> str:
    """Keep the current line and at most one more line of `segment` next to the match."""
    pieces = _LINE_BREAK.split(segment)
    if before:
        return " ".join(pieces[-2:])
    return " ".join(pieces[:2])


def snippet(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """A short, single-line piece of `text` around `text[start:end]` (at most ~`width` chars).

    It stays within the match's own line and the next line either side, so a link in a
    navigation bar is not described by the paragraph three blocks away.
    """
    spare = max(width - (end - start), 0)
    left = max(start - spare // 2, 0)
    right = min(end + spare - (start - left), len(text))
    before = _near_lines(text[left:start], before=True)
    after = _near_lines(text[end:right], before=False)
    cut_left = left > 0 or len(before) < start - left
    cut_right = right < len(text) or len(after) < right - end
    piece = _SPACES.sub(" ", before + text[start:end] + after).strip()
    return (
        ("…" if cut_left and before.strip() else "")
        + piece
        + ("…" if cut_right and after.strip() else "")
    )


def clip(text: str, width: int = CONTEXT_CHARS) -> str:
    """`text` on one line, cut to `width` characters."""
    flat = _SPACES.sub(" ", text).strip()
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


class Detector(ABC):
    """Finds one kind of contact detail in a page."""

    kind: ClassVar[ContactKind]

    @abstractmethod
    def find(self, page: Page, region: str) -> Iterator[Contact]:
        """Every contact of this kind in `page`; `region` is a CLDR code such as GB or US."""


class PatternDetector(Detector):
    """A detector declared by regular expressions over the page's visible text."""

    patterns: ClassVar[tuple[re.Pattern[str], ...]]
    #: A cheap pattern that must occur somewhere for any of `patterns` to match (speed only).
    hint: ClassVar[re.Pattern[str] | None] = None

    @abstractmethod
    def normalize(self, match: re.Match[str], text: str) -> str | None:
        """The normalised value of `match`, or None when it is a look-alike."""

    def value(self, match: re.Match[str]) -> str:
        """The text that is reported as `value` (by default, the whole match)."""
        return match.group(0)

    def find(self, page: Page, region: str) -> Iterator[Contact]:
        text = page.text
        if self.hint is not None and not self.hint.search(text):
            return
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                normalized = self.normalize(match, text)
                if normalized is None:
                    continue
                yield Contact(
                    kind=self.kind,
                    value=_SPACES.sub(" ", self.value(match)).strip(),
                    normalized=normalized,
                    context=snippet(text, match.start(), match.end()),
                )
