"""Finding a member's personal values and name forms in free text, for the masked copy.

Built from the profile (private block, name and variants, usernames, domains, workplaces) and
from the report itself (the values its evidence matched; the subject's name when it is not
already initials), so a report read back from JSON without its profile is still masked.

A name is matched where it works as an identifier, never as a dictionary word: a doctor
called Will Page or Sarah Case must not turn "will" and "page" into initials everywhere.
So: each full form ("Dr Will Page", its variants and their accent-free spelling), a title
with the surname ("Dr Page"), an initial with the surname ("W. Page"), surname-first forms
("Page, Will"), joined forms used in handles ("willpage", "will.page", "w-page"), and any
link-like token (URL, e-mail, handle) one of whose segments is a name part.

The adviser copy does not use this: it is built by allow-listing (adviser.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from footprint.model.bounds import NAME_MAX
from footprint.model.profile import Profile
from footprint.report.mask import (
    NAME_TITLES,
    UK_POSTCODE,
    looks_personal,
    mask_email,
    mask_name,
    mask_postcode,
    mask_value,
)
from footprint.report.model import Report

LINK_REMOVED = "[link removed]"
_MIN_IDENTIFIER = 3  # shorter values ("Ely" is 3) would mask pieces of ordinary words
_MIN_JOINED = 4  # joined forms shorter than this ("l.wu" is 4) match too much
# Surnames of up to this many words ("de la Cruz Ruiz") get their own forms. Each form is one
# pattern as long as its words: every tail of a long name would make the patterns' total
# length, and the masking time, grow with the square of the name's length.
_SURNAME_WORDS = 4
_FORM_MAX = 2 * NAME_MAX  # a title and the longest name a profile or report may hold
_TOKEN = re.compile(r"[^\s<>\"'()\[\]]+")
_TRAILING = ".,;:!?"
_LINKISH = re.compile(r"/|@|www|\.[a-z]{2,}", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_TITLES = "|".join(sorted(NAME_TITLES, key=len, reverse=True))


def fold(text: str) -> str:
    """Lower case without accents: 'Zoë Ó Briain' -> 'zoe o briain'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    masked: Callable[[str], str]  # replacement (gets the matched text)


def _flexible(text: str) -> str:
    """A regex for `text` where any run of spaces may be any run of spaces (or none)."""
    return r"\s*".join(re.escape(word) for word in text.split())


def _bounded(regex: str) -> re.Pattern[str]:
    """`regex` as a whole word or phrase, any case: not inside a longer word."""
    return re.compile(rf"(?<!\w){regex}(?!\w)", re.IGNORECASE)


def _phone_rule(phone: str) -> _Rule | None:
    digits = re.sub(r"\D", "", phone)
    core = digits[-10:].lstrip("0") if len(digits) >= 10 else digits.lstrip("0")
    if len(core) < 6:
        return None
    # The national digits with any separators, so '+44 7700 900123' and '07700900123' match.
    # An optional country code or trunk zero comes along, so the whole number is replaced.
    prefix = r"(?:(?:\+|00)\d{1,3}[\s().-]*)?(?:\(?0\)?[\s().-]*)?"
    return _Rule(re.compile(prefix + r"[\s().-]*".join(core) + r"(?!\d)"), mask_value)


def _postcode_rule(postcode: str) -> _Rule:
    m = UK_POSTCODE.match(postcode.strip())
    regex = rf"{re.escape(m.group(1))}\s*{re.escape(m.group(2))}" if m else _flexible(postcode)
    return _Rule(re.compile(rf"\b{regex}\b", re.IGNORECASE), mask_postcode)


def _words(name: str) -> list[str]:
    """The name's words without a leading title: 'Dr Zoë Ó Briain' -> ['Zoë', 'Ó', 'Briain']."""
    words = _WORD.findall(name)
    while words and words[0].lower() in NAME_TITLES:
        words = words[1:]
    return words


def _within_limit(name: str) -> str:
    """A name or value no longer than the models allow, cut at a space if it has one
    (validated names always are short enough).

    The full form is one pattern as long as the name, tried at each word of the text: only a
    bounded pattern keeps masking linear in the length of the text.
    """
    name = name.strip()
    if len(name) <= _FORM_MAX:
        return name
    return name[:_FORM_MAX].rsplit(maxsplit=1)[0]


def name_forms(names: Iterable[str]) -> list[str]:
    """Every spelling of the names: as written and without accents, longest first."""
    forms = {_within_limit(n) for n in names if n and n.strip()}
    forms |= {fold(n) for n in forms}
    return sorted(forms, key=lambda n: (-len(n), n))


def _name_rules(names: list[str]) -> list[_Rule]:
    """Full forms, title or initial with surname, surname first (see the module docstring)."""
    regexes = [_flexible(n) for n in names]
    for name in names:
        words = _words(name)
        if len(words) < 2:
            continue
        first = re.escape(words[0])
        for i in range(max(1, len(words) - _SURNAME_WORDS), len(words)):
            surname = r"\s+".join(re.escape(w) for w in words[i:])
            regexes += [
                rf"(?:{_TITLES})\.?\s*{surname}",
                rf"(?-i:{re.escape(words[0][0].upper())})\.?\s*{surname}",
                rf"(?-i:{surname},\s+{first})",  # "Page, Will"; never "page will"
            ]
    unique = sorted(set(regexes), key=len, reverse=True)
    return [_Rule(_bounded(r), mask_name) for r in unique]


def _joined(names: list[str]) -> list[str]:
    """Forms used in handles and URLs: 'willpage', 'will.page', 'page_will', 'w-page'."""
    joined: set[str] = set()
    for name in names:
        words = [w.lower() for w in _words(name)]
        if len(words) < 2:
            continue
        first, last = words[0], words[-1]
        for sep in ("", ".", "-", "_"):
            joined |= {first + sep + last, last + sep + first, first[0] + sep + last}
    return sorted((j for j in joined if len(j) >= _MIN_JOINED), key=len, reverse=True)


class Scrubber:
    """Masks one member's personal values and name forms in free text."""

    def __init__(
        self,
        names: Iterable[str] = (),
        private: Iterable[str] = (),
        identifiers: Iterable[str] = (),
        postcodes: Iterable[str] = (),
        phones: Iterable[str] = (),
    ) -> None:
        forms = name_forms(names)
        parts = {fold(w) for n in forms for w in _words(n)}
        self.parts = sorted((w for w in parts if len(w) >= 2), key=len, reverse=True)
        self.joined = _joined(forms)
        rules = [r for r in map(_phone_rule, phones) if r is not None]
        rules += [_postcode_rule(p) for p in postcodes if p.strip()]
        # Values are bounded like names: a report.json can be edited to hold anything.
        for value in sorted(
            {_within_limit(v) for v in private if v.strip()}, key=len, reverse=True
        ):
            masker = mask_email if "@" in value else mask_value
            rules.append(_Rule(re.compile(_flexible(value), re.IGNORECASE), masker))
        for value in sorted({_within_limit(v) for v in identifiers}, key=len, reverse=True):
            if len(value) >= _MIN_IDENTIFIER:
                masker = mask_email if "@" in value else mask_value
                rules.append(_Rule(_bounded(_flexible(value)), masker))
        rules += _name_rules(forms)
        if self.joined:
            joined = "|".join(re.escape(j) for j in self.joined)
            rules.append(_Rule(re.compile(joined, re.IGNORECASE), mask_name))
        self.rules = rules

    @classmethod
    def for_report(cls, report: Report, profile: Profile | None) -> Scrubber:
        """Everything personal known from the profile (if any) and the report itself."""
        # The subject's name counts unless it is already initials ("Dr A. E."), which are kept.
        subject = report.subject.name
        names = [subject] if any(len(w) > 1 for w in _words(subject)) else []
        if profile is not None:
            names += profile.all_names
        # Evidence values count when they are personal by shape or carry the name; "Instagram"
        # or "192.com" (where something was found) must stay readable.
        probe = cls(names=names)
        matched = [e.matched for f in [*report.findings, *report.accepted] for e in f.evidence]
        identifiers = [m for m in matched if m and (looks_personal(m) or probe.is_personal(m))]
        if profile is None:
            return cls(names=names, identifiers=identifiers, phones=identifiers)
        p = profile.private
        identifiers += [*profile.usernames.values(), *profile.domains]
        identifiers += [w.name for w in profile.workplaces]
        # Where the doctor works narrows "a GP called A. E." down to one person.
        identifiers += [t for t in [profile.locality, *(w.town for w in profile.workplaces)] if t]
        identifiers += [email.split("@", 1)[0] for email in p.emails]
        return cls(
            names=names,
            private=[*p.emails, *([p.home_street] if p.home_street else [])],
            identifiers=identifiers,
            postcodes=[p.home_postcode] if p.home_postcode else [],
            phones=[*p.phones, *identifiers],
        )

    def _names_link(self, token: str) -> bool:
        """A URL, e-mail or handle with a name part as one of its segments, or a joined form."""
        if not _LINKISH.search(token):
            return False
        low = fold(token)
        segments = set(re.split(r"[\W_]+", low))
        return any(p in segments for p in self.parts) or any(j in low for j in self.joined)

    def mask(self, text: str) -> str:
        """Values masked, names as initials, links that name the member cut short."""

        def fix_link(m: re.Match[str]) -> str:
            token = m.group(0)
            core = token.rstrip(_TRAILING)  # "see example.com." keeps its full stop
            if self._names_link(core):
                return self._mask_link(core) + token[len(core) :]
            return token

        if self.parts:
            text = _TOKEN.sub(fix_link, text)
        for rule in self.rules:
            text = rule.pattern.sub(lambda m, r=rule: r.masked(m.group(0)), text)  # type: ignore[misc]
        return text

    def _mask_link(self, token: str) -> str:
        if "@" in token[1:]:
            return mask_email(token)
        return self.mask_url(token) if "://" in token else LINK_REMOVED

    def is_personal(self, text: str) -> bool:
        """True when `text` holds any personal value or name form."""
        if any(self._names_link(t.rstrip(_TRAILING)) for t in _TOKEN.findall(text)):
            return True
        return any(rule.pattern.search(text) for rule in self.rules)

    def mask_url(self, url: str) -> str:
        """A URL that names the member keeps only its site: 'https://www.facebook.com/…'."""
        if not self.is_personal(url):
            return url
        try:
            parts = urlsplit(url)
            host = parts.hostname or ""
        except ValueError:
            return LINK_REMOVED
        if not parts.scheme or not host or self.is_personal(host):
            return LINK_REMOVED
        return f"{parts.scheme}://{host}/\u2026"
