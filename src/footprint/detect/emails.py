"""E-mail addresses: plain, `mailto:` links, hand-obfuscated forms and Cloudflare's protection.

Hand obfuscation people use on practice pages: "name [at] domain [dot] com", "name(at)domain.com",
"name AT domain DOT com", "name at practice dot co dot uk" and "name @ practice . nhs . uk".
Spelled-out "at ... dot ..." counts only when the last word is a real top-level domain, so
ordinary prose ("meet us at the clinic dot ...") is left alone.

Templates and forms show placeholder addresses ("yourname@domain.com", "email@example.com"):
those are examples of an address, never someone's, so they are not reported (`placeholders`).

Cloudflare "Email Address Obfuscation" replaces an address with `data-cfemail="HEX"` or a link to
`/cdn-cgi/l/email-protection#HEX`. HEX is reversible: its first byte is an XOR key for every
following byte (Cloudflare's own email-decode.min.js; e.g. github.com/JustYuuto/cf-email-decode).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar
from urllib.parse import unquote

from footprint.detect.interface import Contact, ContactKind, Detector, PatternDetector
from footprint.detect.placeholders import is_placeholder_email
from footprint.detect.text import Page

# File names that look like addresses ("logo@2x.png") and never are.
_NOT_TLDS = frozenset(
    "png jpg jpeg gif webp svg ico bmp tif tiff css js mjs json map xml pdf txt zip woff woff2 ttf".split()
)
_ADDRESS = re.compile(
    r"^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$"
)


def found_email(raw: str) -> str | None:
    """`raw` normalised, when it is a real-looking address on a page (not a placeholder)."""
    address = normalize_email(raw)
    return None if address is None or is_placeholder_email(address) else address


def normalize_email(raw: str) -> str | None:
    """Lower case, if `raw` has the shape of a real address; None for look-alikes."""
    address = raw.strip().strip(".").lower()
    if len(address) > 254 or not _ADDRESS.match(address):
        return None
    if address.rsplit(".", 1)[-1] in _NOT_TLDS:
        return None
    return address


def decode_cfemail(hexa: str) -> str | None:
    """Decode Cloudflare's `data-cfemail` hex (first byte XOR key), or None if malformed."""
    hexa = hexa.strip()
    if len(hexa) < 4 or len(hexa) % 2 or not re.fullmatch(r"[0-9a-fA-F]+", hexa):
        return None
    data = bytes.fromhex(hexa)
    try:
        return bytes(b ^ data[0] for b in data[1:]).decode("utf-8")
    except UnicodeDecodeError:
        return None


_LOCAL = r"[A-Za-z0-9][A-Za-z0-9._%+-]*"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_AT = r"\s*[\[\(\{<]\s*at\s*[\]\)\}>]\s*"
_BRACKET_DOT = r"\s*[\[\(\{<]\s*dot\s*[\]\)\}>]\s*"
_DOT = rf"(?:{_BRACKET_DOT}|\.)"
# The name may spell its dots out too ("alex [dot] example [at] ..."): read it whole, or the
# address found would be its tail ("example@...").
_BRACKET_LOCAL = rf"{_LOCAL}(?:{_BRACKET_DOT}{_LOCAL})*"
_WORDED_LOCAL = rf"{_LOCAL}(?:\s+(?i:dot)\s+{_LOCAL})*"
# A dot with spaces on both sides or none: "b . osei", never the end of a sentence ("end. Next").
_SPACED_DOT = r"(?:\.|\s+\.\s+)"
_SPACED_LOCAL = rf"[A-Za-z0-9][A-Za-z0-9_%+-]*(?:{_SPACED_DOT}[A-Za-z0-9_%+-]+)*"
# Top-level domains an address spelled out in words can end with ("... dot co dot uk").
_WORD_TLDS = frozenset(
    """com org net edu gov mil int uk ie au nz us ca eu io co info biz me health clinic doctor
    scot wales cymru london nhs example""".split()
)


class PlainEmailDetector(PatternDetector):
    """Addresses written out in the visible text."""

    kind: ClassVar[ContactKind] = ContactKind.EMAIL
    hint = re.compile("@")
    patterns = (re.compile(rf"(?<![\w.%+@-]){_LOCAL}@{_LABEL}(?:\.{_LABEL})+"),)

    def normalize(self, match: re.Match[str], text: str) -> str | None:
        return found_email(match.group(0))


class ObfuscatedEmailDetector(PatternDetector):
    """Addresses disguised with [at], (at), {at} and [dot]: unmistakable, any top-level domain."""

    kind: ClassVar[ContactKind] = ContactKind.EMAIL
    hint = re.compile(r"[\[\(\{<]\s*(?i:at)\s*[\]\)\}>]")
    patterns = (
        re.compile(
            rf"(?<![\w.%+-])(?P<local>{_BRACKET_LOCAL}){_AT}(?P<domain>{_LABEL}(?:{_DOT}{_LABEL})+)",
            re.IGNORECASE,
        ),
    )
    _DOT_WORD = re.compile(r"\s*[\[\(\{<]\s*dot\s*[\]\)\}>]\s*|\s+dot\s+|\s*\.\s*", re.IGNORECASE)
    #: Whether the last label must be a known top-level domain (spelled-out forms: prose risk).
    known_tld_only: ClassVar[bool] = False

    def normalize(self, match: re.Match[str], text: str) -> str | None:
        domain = self._DOT_WORD.sub(".", match.group("domain"))
        local = re.sub(r"\s+", "", self._DOT_WORD.sub(".", match.group("local")))
        if self.known_tld_only and domain.rsplit(".", 1)[-1].lower() not in _WORD_TLDS:
            return None
        return found_email(f"{local}@{domain}")


class WordedEmailDetector(ObfuscatedEmailDetector):
    """Addresses spelled out in words: "name at practice dot co dot uk", "name AT x DOT com"."""

    hint = re.compile(r"\s(?i:dot)\s")  # rare in prose, so most pages skip the pattern
    patterns = (
        re.compile(
            rf"(?<![\w.%+-])(?P<local>{_WORDED_LOCAL})\s+(?i:at)\s+"
            rf"(?P<domain>{_LABEL}(?:\s+(?i:dot)\s+{_LABEL})+)"
        ),
    )
    known_tld_only = True


class SpacedEmailDetector(ObfuscatedEmailDetector):
    """Addresses with spaces around the @ and dots: "name @ practice . nhs . uk"."""

    hint = re.compile(r"\s@|@\s")
    patterns = (
        re.compile(
            rf"(?<![\w.%+@-])(?P<local>{_SPACED_LOCAL})(?:\s+@\s*|\s*@\s+)"
            rf"(?P<domain>{_LABEL}(?:{_SPACED_DOT}{_LABEL})+)(?![\w@])"
        ),
    )
    known_tld_only = True


class LinkedEmailDetector(Detector):
    """`mailto:` links and Cloudflare-protected addresses."""

    kind: ClassVar[ContactKind] = ContactKind.EMAIL
    _CF_PATH = "/cdn-cgi/l/email-protection#"

    def find(self, page: Page, region: str) -> Iterator[Contact]:
        for link in page.links:
            href = link.href
            if href[:7].lower() == "mailto:":
                for raw in unquote(href[7:].split("?", 1)[0]).split(","):
                    normalized = found_email(raw)
                    if normalized:
                        yield Contact(self.kind, raw.strip(), normalized, link.context)
            elif self._CF_PATH in href:
                yield from self._cloudflare(href.split("#", 1)[1], link.context)
        for hexa, context in page.cf_emails:
            yield from self._cloudflare(hexa, context)

    def _cloudflare(self, hexa: str, context: str) -> Iterator[Contact]:
        decoded = decode_cfemail(hexa)
        normalized = found_email(decoded) if decoded else None
        if decoded and normalized:
            yield Contact(self.kind, decoded, normalized, context)


def email_detectors() -> tuple[Detector, ...]:
    """Every e-mail detector, plain first."""
    return (
        PlainEmailDetector(),
        ObfuscatedEmailDetector(),
        WordedEmailDetector(),
        SpacedEmailDetector(),
        LinkedEmailDetector(),
    )


__all__ = ["decode_cfemail", "email_detectors", "found_email", "normalize_email"]
