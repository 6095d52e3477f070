"""Masking one personal value so it stays recognisable to its owner but useless to others.

- phones keep their first digits: ``07700 900123`` -> ``07700 9•• •••``
- e-mails keep the first letter and the domain: ``a***@gmail.com``
- UK postcodes keep the outward code: ``EX1 2AB`` -> ``EX1 •••``
- names become initials: ``Alex Example`` -> ``A. E.``
"""

from __future__ import annotations

import re

DOT = "\u2022"  # •
_EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
# Digit runs that may be phone numbers; `_is_phone` then asks for 9+ digits.
_PHONE = re.compile(r"(?<![\w])\+?\(?\d[\d\s().-]{7,}\d(?![\w])")
_PHONE_MIN_DIGITS = 9
UK_POSTCODE = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$", re.IGNORECASE)
_UK_POSTCODE_IN_TEXT = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})\b", re.IGNORECASE)
# Titles kept in a masked name: they identify nobody.
NAME_TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame"})
_PHONE_KEEP = 6  # digits kept at the start of a phone number
_PHONE_MIN_MASKED = 4  # always hide at least this many digits


def mask_email(value: str) -> str:
    """``alex.example.home@gmail.com`` -> ``a***@gmail.com``."""
    local, _, domain = value.strip().partition("@")
    if not domain:
        return mask_text(value)
    return f"{local[:1]}***@{domain.lower()}"


def mask_phone(value: str) -> str:
    """Keep the first digits (at most 6, never the last 4), separators kept as they were."""
    digits = sum(ch.isdigit() for ch in value)
    keep = max(0, min(_PHONE_KEEP, digits - _PHONE_MIN_MASKED))
    out, seen = [], 0
    for ch in value:
        if ch.isdigit():
            out.append(ch if seen < keep else DOT)
            seen += 1
        else:
            out.append(ch)
    return "".join(out)


def mask_postcode(value: str) -> str:
    """UK postcodes keep the outward code (``EX1 •••``); others keep their first half."""
    match = UK_POSTCODE.match(value.strip())
    if match:
        return f"{match.group(1).upper()} {DOT * 3}"
    return mask_text(value)


def mask_name(value: str) -> str:
    """``Dr Alex Example`` -> ``Dr A. E.`` (titles are kept, they identify nobody)."""
    parts = []
    for word in value.split():
        bare = word.strip(".,")
        if bare.lower() in NAME_TITLES:
            parts.append(bare)
        elif bare:
            parts.append(f"{bare[0].upper()}.")
    return " ".join(parts)


def mask_text(value: str) -> str:
    """Anything else: keep about the first third of the characters."""
    value = value.strip()
    keep = len(value) // 3
    return value[:keep] + DOT * max(3, len(value) - keep)


def looks_like_email(value: str) -> bool:
    """True for a whole e-mail address."""
    return bool(_EMAIL.fullmatch(value.strip()))


def looks_like_phone(value: str) -> bool:
    """True for a whole phone number (9 or more digits, only phone punctuation)."""
    return bool(_PHONE.fullmatch(value.strip())) and _is_phone(value)


def _is_phone(value: str) -> bool:
    return sum(ch.isdigit() for ch in value) >= _PHONE_MIN_DIGITS


def looks_like_postcode(value: str) -> bool:
    """True for a whole UK postcode."""
    return bool(UK_POSTCODE.match(value.strip()))


_STREET = re.compile(r"^\d+[A-Za-z]?,?\s+[A-Za-z]")  # "12 Fictional Lane", "4b High St"
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_DATE = re.compile(
    rf"\b({_MONTHS})[a-z]*\.?\s+(19|20)\d\d\b|\b\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}\b", re.I
)


def looks_personal(value: str) -> bool:
    """True for values that are personal by their shape: contact details, a street address or
    a date (a birth month). Site and platform names ("Instagram", "192.com") are not."""
    value = value.strip()
    return (
        looks_like_email(value)
        or looks_like_phone(value)
        or looks_like_postcode(value)
        or bool(_STREET.match(value) or _DATE.search(value))
    )


def mask_value(value: str) -> str:
    """Mask a value of unknown kind by what it looks like."""
    if looks_like_email(value):
        return mask_email(value)
    if looks_like_phone(value):
        return mask_phone(value)
    if looks_like_postcode(value):
        return mask_postcode(value)
    return mask_text(value)


def mask_contacts_in(text: str) -> str:
    """Mask every e-mail address, phone-like number and UK postcode inside free text."""
    text = _EMAIL.sub(lambda m: mask_email(m.group(0)), text)
    text = _PHONE.sub(
        lambda m: mask_phone(m.group(0)) if _is_phone(m.group(0)) else m.group(0), text
    )
    return _UK_POSTCODE_IN_TEXT.sub(lambda m: mask_postcode(m.group(0)), text)
