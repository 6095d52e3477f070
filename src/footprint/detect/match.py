"""Compare detected contacts with the profile: private (a leak), work (expected) or to review.

Everything is compared in normalised form (E.164 phones, lower-case e-mails, canonical
postcodes, spelled-out street names, canonical profile URLs), so "07700 900123",
"+44 (0)7700 900123" and `tel:+447700900123` are the same number. Matching happens only on this
machine: the profile's private values are never sent anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from footprint.detect.emails import normalize_email
from footprint.detect.interface import Contact, ContactKind, PhoneType
from footprint.detect.phones import to_e164
from footprint.detect.postcodes import canonical_postcode, normalize_address
from footprint.detect.social import PROFILE_URLS, social_profile
from footprint.model.profile import Profile
from footprint.model.vocab import StrEnum

# Free personal mail services: an unknown address at one of these on a page about the doctor
# is worth a look (practice and hospital addresses use their own or nhs.net domains).
PERSONAL_MAIL_DOMAINS = frozenset(
    """gmail.com googlemail.com outlook.com outlook.ie hotmail.com hotmail.co.uk hotmail.ie
    live.com live.co.uk live.ie msn.com icloud.com me.com mac.com yahoo.com yahoo.co.uk yahoo.ie
    yahoo.com.au ymail.com aol.com aol.co.uk proton.me protonmail.com protonmail.ch pm.me gmx.com
    gmx.co.uk gmx.net mail.com zoho.com fastmail.com hey.com tutanota.com tuta.io yandex.com
    btinternet.com sky.com virginmedia.com talktalk.net eircom.net bigpond.com optusnet.com.au
    comcast.net att.net verizon.net""".split()
)

_PROFESSIONAL = ("https://www.linkedin.com/",)


class Match(StrEnum):
    """How a detected contact relates to the profile."""

    PRIVATE = "private"  # the doctor's own personal detail: critical
    WORK = "work"  # a work detail the doctor expects on public pages
    REVIEW = "review"  # unknown, but looks personal and sits on a page about the doctor


def _username_url(platform: str, username: str) -> str | None:
    template = PROFILE_URLS.get(platform)
    if template is None:
        found = social_profile(username) if username.startswith("http") else None
        return found[1] if found else None
    return template.format(username.strip().lstrip("@").lower())


@dataclass(frozen=True)
class ProfileMatcher:
    """The profile's details in normalised form, ready to compare with detected contacts."""

    private: frozenset[tuple[ContactKind, str]]
    work: frozenset[tuple[ContactKind, str]]
    home_street: str | None
    names: tuple[str, ...]
    surname: str | None
    first_name: str | None
    accounts: frozenset[str]  # the doctor's own social profile URLs
    # The doctor's state or territory (e.g. QLD), for `detect`'s local numbers without an area.
    state: str | None = None

    @classmethod
    def from_profile(cls, profile: Profile, region: str | None = None) -> ProfileMatcher:
        """Normalise the profile once; `region` reads national phone numbers (default: its
        jurisdiction)."""
        region = region or str(profile.jurisdiction)
        street = profile.private.home_street
        postcode = profile.private.home_postcode
        parts = re.sub(r"[^a-z\s]", "", profile.name.lower()).split()
        surname = parts[-1] if len(parts) >= 2 else None
        accounts = {_username_url(p, u) for p, u in profile.usernames.items()}
        return cls(
            private=_normalised(profile.private.phones, profile.private.emails, region)
            | (
                {(ContactKind.POSTCODE, canonical_postcode(postcode) or postcode.upper())}
                if postcode
                else set()
            ),
            work=_normalised(profile.work.phones, profile.work.emails, region),
            home_street=normalize_address(street) if street else None,
            names=tuple(n.lower() for n in profile.all_names if len(n) > 2),
            surname=surname if surname and len(surname) >= 3 else None,
            first_name=parts[0] if len(parts) >= 2 else None,
            accounts=frozenset(a for a in accounts if a),
            state=profile.region if profile.region and profile.region.isupper() else profile.state,
        )

    def names_doctor(self, text: str) -> bool:
        """Whether the page text names the doctor (any name form in the profile)."""
        flat = re.sub(r"\s+", " ", text).lower()
        return any(name in flat for name in self.names)

    def classify(self, contact: Contact, *, names_doctor: bool) -> Match | None:
        """PRIVATE, WORK, REVIEW or None (an unrelated contact detail)."""
        key = (contact.kind, contact.normalized)
        if key in self.private or self._is_home_street(contact):
            return Match.PRIVATE
        if key in self.work:
            return Match.WORK
        if contact.kind is ContactKind.SOCIAL and contact.normalized in self.accounts:
            return Match.REVIEW
        if names_doctor and self._looks_personal(contact):
            return Match.REVIEW
        return None

    def _is_home_street(self, contact: Contact) -> bool:
        if not self.home_street or contact.kind is not ContactKind.ADDRESS:
            return False
        return f" {self.home_street} " in f" {contact.normalized} "

    def _looks_personal(self, contact: Contact) -> bool:
        if contact.kind is ContactKind.PHONE:
            return contact.phone_type is PhoneType.MOBILE
        if contact.kind is ContactKind.EMAIL:
            return contact.normalized.rsplit("@", 1)[-1] in PERSONAL_MAIL_DOMAINS
        if contact.kind is ContactKind.SOCIAL and self.surname and self.first_name:
            # The doctor's own name in the handle ("alex.example", "dralexexample", "aexample"),
            # not just the surname, which a practice named after a street may share. LinkedIn
            # is a professional profile: expected next to a doctor's name.
            if contact.normalized.startswith(_PROFESSIONAL):
                return False
            handle = contact.normalized.rstrip("/").rsplit("/", 1)[-1]
            handle = re.sub(r"[^a-z0-9]", "", handle.lower())
            return self.surname in handle and (
                self.first_name in handle or self.first_name[0] + self.surname in handle
            )
        return False


def _normalised(
    phones: list[str], emails: list[str], region: str
) -> frozenset[tuple[ContactKind, str]]:
    found: set[tuple[ContactKind, str]] = set()
    for phone in phones:
        e164 = to_e164(phone, region)
        if e164:
            found.add((ContactKind.PHONE, e164))
    for email in emails:
        normalized = normalize_email(email)
        if normalized:
            found.add((ContactKind.EMAIL, normalized))
    return frozenset(found)
