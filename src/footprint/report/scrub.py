"""Finding a member's personal values and names in any text, to mask or remove them.

Built from the profile (private block, name and variants, usernames, domains, workplaces) and
from the report itself (the values its evidence matched; the subject's name when it is not
already initials), so a report read back from JSON without its profile is still scrubbed.
For the adviser copy it also removes the member's own sites (see hosts.py): the hosts of the
pages they listed, from the profile or from the page-scan consent record.

Names are matched in four ways: each full form ("Dr Alex Example"), joined forms used in
handles and URLs ("alexexample", "alex.example"), each name part of three or more letters as a
whole word, and any link-like token (URL, e-mail, handle) that contains a name part anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import permutations
from urllib.parse import urlsplit

from footprint.profile import Profile
from footprint.report.hosts import domain_pattern, own_domains, own_pages, page_pattern
from footprint.report.mask import (
    NAME_TITLES,
    UK_POSTCODE,
    looks_personal,
    mask_email,
    mask_name,
    mask_postcode,
    mask_text,
    mask_value,
)
from footprint.report.model import Report

NAME = "[name]"
REMOVED = "[removed]"
LINK_REMOVED = "[link removed]"
SITE_REMOVED = "[site removed]"
# The page-scan lookup fetches only the pages the member listed, so the hosts its consent
# record names are the member's own (a report read back without its profile still knows them).
_OWN_PAGES_LOOKUP = "page-scan"
_MIN_PART = 3  # name parts shorter than this ("Al", "Li") would wreck ordinary words
_MIN_IDENTIFIER = 4  # matched values shorter than this are too generic to scrub safely
_TOKEN = re.compile(r"[^\s<>\"'()\[\]]+")
_TRAILING = ".,;:!?"
_LINKISH = re.compile(r"/|@|www|\.[a-z]{2,}", re.IGNORECASE)


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    masked: Callable[[str], str]  # replacement in the masked copy (gets the matched text)
    removed: str  # replacement in the adviser copy


def _flexible(text: str) -> str:
    """A regex for `text` where any run of spaces may be any run of spaces (or none)."""
    return r"\s*".join(re.escape(word) for word in text.split())


def _phone_rule(phone: str) -> _Rule | None:
    digits = re.sub(r"\D", "", phone)
    core = digits[-10:].lstrip("0") if len(digits) >= 10 else digits.lstrip("0")
    if len(core) < 6:
        return None
    # The national digits with any separators, so '+44 7700 900123' and '07700900123' match.
    # An optional country code or trunk zero comes along, so the whole number is replaced.
    prefix = r"(?:(?:\+|00)\d{1,3}[\s().-]*)?(?:\(?0\)?[\s().-]*)?"
    pattern = re.compile(prefix + r"[\s().-]*".join(core) + r"(?!\d)")
    return _Rule(pattern, mask_value, REMOVED)


def _postcode_rule(postcode: str) -> _Rule:
    m = UK_POSTCODE.match(postcode.strip())
    regex = rf"{re.escape(m.group(1))}\s*{re.escape(m.group(2))}" if m else _flexible(postcode)
    return _Rule(re.compile(rf"\b{regex}\b", re.IGNORECASE), mask_postcode, REMOVED)


def _literal_rule(value: str, masked: Callable[[str], str], removed: str) -> _Rule:
    return _Rule(re.compile(_flexible(value), re.IGNORECASE), masked, removed)


def _name_parts(names: Iterable[str]) -> list[str]:
    parts = {
        word
        for name in names
        for word in re.findall(r"[^\W\d_]+", name)
        if len(word) >= _MIN_PART and word.lower() not in NAME_TITLES
    }
    return sorted(parts, key=lambda p: (-len(p), p))


class Scrubber:
    """Masks or removes one member's personal values and names from text."""

    def __init__(
        self,
        names: Iterable[str] = (),
        private: Iterable[str] = (),
        identifiers: Iterable[str] = (),
        postcodes: Iterable[str] = (),
        phones: Iterable[str] = (),
        sites: Iterable[str] = (),
    ) -> None:
        """`sites`: URLs (or hosts) of the member's own pages, removed wherever they appear."""
        names = [n.strip() for n in names if n and n.strip()]
        self.parts = _name_parts(names)
        sites = list(sites)
        # First, so a whole address goes at once rather than leaving "https://[removed]/x".
        rules = [_Rule(page_pattern(p), mask_text, SITE_REMOVED) for p in own_pages(sites)]
        rules += [_Rule(domain_pattern(d), mask_text, SITE_REMOVED) for d in own_domains(sites)]
        for phone in phones:
            rule = _phone_rule(phone)
            if rule:
                rules.append(rule)
        rules += [_postcode_rule(p) for p in postcodes if p.strip()]
        for value in sorted(set(private) | set(identifiers), key=len, reverse=True):
            if len(value.strip()) >= _MIN_IDENTIFIER:
                masker = mask_email if "@" in value else mask_value
                rules.append(_literal_rule(value, masker, REMOVED))
        for name in sorted(set(names), key=len, reverse=True):
            rules.append(_literal_rule(name, mask_name, NAME))
        lowered = [p.lower() for p in self.parts]
        for a, b in permutations(lowered, 2):
            joined = re.compile(
                "|".join(re.escape(a + sep + b) for sep in ("", ".", "-", "_")), re.I
            )
            rules.append(_Rule(joined, mask_name, NAME))
        for part in self.parts:
            rules.append(_Rule(re.compile(rf"\b{re.escape(part)}\b", re.I), mask_name, NAME))
        self.rules = rules

    @classmethod
    def for_report(
        cls, report: Report, profile: Profile | None, *, hide_sites: bool = False
    ) -> Scrubber:
        """Everything personal known from the profile (if any) and the report itself.

        `hide_sites` (the adviser copy) also removes the member's own sites; the masked copy is
        the doctor's own and keeps them readable.
        """
        # The subject's name counts unless it is already initials ("Dr A. E."), which are kept.
        names = [report.subject.name] if _name_parts([report.subject.name]) else []
        if profile is not None:
            names += profile.all_names
        # Evidence values count when they are personal by shape or carry the name; "Instagram"
        # or "192.com" (where something was found) must stay readable.
        parts = [p.lower() for p in _name_parts(names)]
        matched = [e.matched for f in [*report.findings, *report.accepted] for e in f.evidence]
        identifiers = [
            m for m in matched if m and (looks_personal(m) or any(p in m.lower() for p in parts))
        ]
        sites = _own_sites(report, profile) if hide_sites else []
        if profile is None:
            return cls(names=names, identifiers=identifiers, phones=identifiers, sites=sites)
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
            sites=sites,
        )

    def _links(self, text: str, replace: Callable[[str], str]) -> str:
        parts = [p.lower() for p in self.parts]

        def fix(m: re.Match[str]) -> str:
            token = m.group(0)
            core = token.rstrip(_TRAILING)  # "see example.com." keeps its full stop
            low = core.lower()
            if _LINKISH.search(core) and any(p in low for p in parts):
                return replace(core) + token[len(core) :]
            return token

        return _TOKEN.sub(fix, text) if parts else text

    def remove(self, text: str) -> str:
        """The adviser copy's form: personal values become [removed], names [name]."""
        text = self._links(text, lambda _token: LINK_REMOVED)
        for rule in self.rules:
            text = rule.pattern.sub(rule.removed, text)
        return text

    def mask(self, text: str) -> str:
        """The masked copy's form: values masked, names as initials, named links cut short."""
        text = self._links(text, self._mask_link)
        for rule in self.rules:
            text = rule.pattern.sub(lambda m, r=rule: r.masked(m.group(0)), text)  # type: ignore[misc]
        return text

    def _mask_link(self, token: str) -> str:
        if "@" in token[1:]:
            return mask_email(token)
        return self.mask_url(token) if "://" in token else mask_text(token)

    def is_personal(self, text: str) -> bool:
        """True when `text` holds any personal value or name form."""
        return self.remove(text) != text

    def mask_url(self, url: str) -> str:
        """A URL that names the member keeps only its site: 'https://www.facebook.com/…'."""
        if not self.is_personal(url):
            return url
        try:
            parts = urlsplit(url)
        except ValueError:
            return LINK_REMOVED
        host = parts.hostname or ""
        if not parts.scheme or not host or self.is_personal(host):
            return LINK_REMOVED
        return f"{parts.scheme}://{host}/\u2026"


def _own_sites(report: Report, profile: Profile | None) -> list[str]:
    """The member's listed pages (profile) and the hosts page-scan was allowed to fetch."""
    sites = [c for r in report.consents if r.lookup_id == _OWN_PAGES_LOOKUP for c in r.destinations]
    if profile is not None:
        sites += [*profile.urls, *(w.url for w in profile.workplaces if w.url)]
    return sites
