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

from footprint.detect.context import one_line, snippet
from footprint.model.vocab import StrEnum

if TYPE_CHECKING:
    from footprint.detect.text import Page


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
                    value=one_line(self.value(match)),
                    normalized=normalized,
                    context=snippet(text, match.start(), match.end()),
                )
