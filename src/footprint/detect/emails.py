"""E-mail addresses: plain, `mailto:` links, hand-obfuscated forms and Cloudflare's protection.

Hand obfuscation people use on practice pages: "name [at] domain [dot] com", "name(at)domain.com"
and "name AT domain DOT com" (capitals only, so ordinary prose with "at" is left alone).

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
from footprint.detect.text import Page

# File names that look like addresses ("logo@2x.png") and never are.
_NOT_TLDS = frozenset(
    "png jpg jpeg gif webp svg ico bmp tif tiff css js mjs json map xml pdf txt zip woff woff2 ttf".split()
)
_ADDRESS = re.compile(
    r"^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$"
)


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
_DOT = r"(?:\s*[\[\(\{<]\s*dot\s*[\]\)\}>]\s*|\.)"


class PlainEmailDetector(PatternDetector):
    """Addresses written out in the visible text."""

    kind: ClassVar[ContactKind] = ContactKind.EMAIL
    hint = re.compile("@")
    patterns = (re.compile(rf"(?<![\w.%+@-]){_LOCAL}@{_LABEL}(?:\.{_LABEL})+"),)

    def normalize(self, match: re.Match[str], text: str) -> str | None:
        return normalize_email(match.group(0))


class ObfuscatedEmailDetector(PatternDetector):
    """Addresses disguised with [at], (at), {at}, AT ... DOT ..."""

    kind: ClassVar[ContactKind] = ContactKind.EMAIL
    hint = re.compile(r"[\[\(\{<]\s*(?i:at)\s*[\]\)\}>]| AT ")
    patterns = (
        re.compile(
            rf"(?<![\w.%+-])(?P<local>{_LOCAL}){_AT}(?P<domain>{_LABEL}(?:{_DOT}{_LABEL})+)",
            re.IGNORECASE,
        ),
        re.compile(
            rf"(?<![\w.%+-])(?P<local>{_LOCAL})\s+AT\s+(?P<domain>{_LABEL}(?:\s+DOT\s+{_LABEL})+)"
        ),
    )
    _DOT_WORD = re.compile(r"\s*[\[\(\{<]\s*dot\s*[\]\)\}>]\s*|\s+DOT\s+", re.IGNORECASE)

    def normalize(self, match: re.Match[str], text: str) -> str | None:
        domain = self._DOT_WORD.sub(".", match.group("domain"))
        return normalize_email(f"{match.group('local')}@{domain}")


class LinkedEmailDetector(Detector):
    """`mailto:` links and Cloudflare-protected addresses."""

    kind: ClassVar[ContactKind] = ContactKind.EMAIL
    _CF_PATH = "/cdn-cgi/l/email-protection#"

    def find(self, page: Page, region: str) -> Iterator[Contact]:
        for link in page.links:
            href = link.href
            if href[:7].lower() == "mailto:":
                for raw in unquote(href[7:].split("?", 1)[0]).split(","):
                    normalized = normalize_email(raw)
                    if normalized:
                        yield Contact(self.kind, raw.strip(), normalized, link.context)
            elif self._CF_PATH in href:
                yield from self._cloudflare(href.split("#", 1)[1], link.context)
        for hexa, context in page.cf_emails:
            yield from self._cloudflare(hexa, context)

    def _cloudflare(self, hexa: str, context: str) -> Iterator[Contact]:
        decoded = decode_cfemail(hexa)
        normalized = normalize_email(decoded) if decoded else None
        if decoded and normalized:
            yield Contact(self.kind, decoded, normalized, context)


def email_detectors() -> tuple[Detector, ...]:
    """Every e-mail detector, plain first."""
    return (PlainEmailDetector(), ObfuscatedEmailDetector(), LinkedEmailDetector())


__all__ = ["decode_cfemail", "email_detectors", "normalize_email"]
