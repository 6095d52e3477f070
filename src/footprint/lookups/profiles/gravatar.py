"""`gravatar`: is a public Gravatar profile tied to one of the doctor's e-mail addresses?

Anyone who has an e-mail address (or the hash of it, which comment sites embed in avatar URLs)
can fetch the Gravatar profile for it: display name, photo, location, about text, job, and
verified links to other accounts (domain-facts.md 1.14).

API: `GET https://api.gravatar.com/v3/profiles/{sha256(trimmed lower-case e-mail)}` -> 200 with
{hash, display_name, profile_url, avatar_url, location, description, job_title, company,
pronouns, verified_accounts[] {service_label, url, is_hidden}, ...}; `links`, `contact_info`
and `gallery` only in authenticated answers; 404 when there is no profile; 429 when rate
limited. Source: https://docs.gravatar.com/rest/api-data-specifications/endpoints-references
and .../data-models; rate limits https://docs.gravatar.com/rest-api (checked 2026-08).

What is sent: the SHA-256 hash of each address, never the address. The hash of a private
address is derived from the private block; this is the one documented exception, and the consent
sentence says so. An optional key (`FOOTPRINT_GRAVATAR_KEY`, Bearer) raises the limit.
"""

from __future__ import annotations

import hashlib
from html import escape
from typing import Any, ClassVar

from footprint.detect.interface import ContactKind
from footprint.detect.match import Match, ProfileMatcher
from footprint.detect.pipeline import detect_html
from footprint.lookups.json_api import CheckFailed, JsonApiLookup, count_words, profile_emails
from footprint.model.observation import Exposure, Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import Axis, Exposes, Severity
from footprint.net.client import GatedClient

#: Unauthenticated limit is 100 profile requests an hour. We send one per address and cap the
#: addresses, so a small interval is enough and a 36 s interval would stall the audit.
MAX_EMAILS = 10
KEY_ENV = "FOOTPRINT_GRAVATAR_KEY"
#: Free-text fields the detectors read (URLs and hashes are left out: they are not contacts).
_TEXT_FIELDS = (
    "display_name",
    "first_name",
    "last_name",
    "location",
    "description",
    "job_title",
    "company",
)
_HOME_KINDS = (ContactKind.POSTCODE, ContactKind.ADDRESS)

_STEPS = [
    "Sign in at https://gravatar.com with this e-mail address and edit your public profile.",
    "Remove or hide what you would not give a patient: location, phone numbers, links and "
    "verified accounts that lead to your personal profiles, and photos of your home or family.",
    "If you do not need the profile, delete it from your Gravatar account settings; sites will "
    "then show a default picture instead of your photo.",
    "Remember that anyone who has this address, or a hash of it from a comment page, can look "
    "the profile up.",
]


_LEVELS: dict[str, tuple[str, str, Severity, Axis, Exposes, str]] = {
    # level: key, title, severity, axis, exposes, why
    "phone": (
        "gravatar.profile-phone",
        "A public Gravatar profile tied to your e-mail shows a phone number",
        Severity.HIGH,
        Axis.CONTACTABLE,
        Exposes.PERSONAL_PHONE,
        "Anyone who has your e-mail address can read the number on the profile and call or "
        "text you outside work.",
    ),
    "contact": (
        "gravatar.profile-contact",
        "A public Gravatar profile tied to your e-mail shows a way to contact you",
        Severity.HIGH,
        Axis.CONTACTABLE,
        Exposes.PERSONAL_EMAIL,
        "Anyone who has your e-mail address can read these contact details on the profile and "
        "reach you outside work.",
    ),
    "links": (
        "gravatar.profile-links",
        "A public Gravatar profile tied to your e-mail shows where you are or links to your "
        "other accounts",
        Severity.MEDIUM,
        Axis.FINDABLE,
        Exposes.PERSONAL_SOCIAL,
        "The profile joins your e-mail address to your location or to personal accounts, so "
        "someone with the address can follow it to them.",
    ),
    "home": (
        "gravatar.profile-home",
        "A public Gravatar profile tied to your e-mail shows your home address",
        Severity.HIGH,
        Axis.LOCATABLE,
        Exposes.HOME_ADDRESS,
        "Anyone who has your e-mail address can read your home address or postcode on the profile.",
    ),
    "basic": (
        "gravatar.profile",
        "A public Gravatar profile is tied to your e-mail address",
        Severity.LOW,
        Axis.FINDABLE,
        Exposes.IDENTITY,
        "Anyone with your e-mail address can see the name and photo on the profile.",
    ),
}


def _exposure(level: str) -> Exposure:
    """The exposure for what the profile shows (a key of `_LEVELS`)."""
    key, title, severity, axis, exposes, why = _LEVELS[level]
    return Exposure(
        key=key,
        title=title,
        severity=severity,
        axis=axis,
        exposes=exposes,
        why=why,
        steps=_STEPS,
        effort=10,
        guidance=["mdu-social-media"] if severity.at_least(Severity.MEDIUM) else [],
        links=["https://gravatar.com"],
    )


class GravatarLookup(JsonApiLookup):
    """Public Gravatar profiles for the doctor's personal and work e-mail addresses."""

    id: ClassVar[str] = "gravatar"
    title: ClassVar[str] = "Gravatar profiles for your e-mail addresses"
    service: ClassVar[str | None] = "gravatar"
    service_name: ClassVar[str] = "Gravatar"
    default_url: ClassVar[str] = "https://api.gravatar.com/v3"
    min_interval: ClassVar[float] = 1.0
    manual_check: ClassVar[str] = (
        "Sign in at https://gravatar.com with each of your e-mail addresses (or try to sign up "
        "with it) and look at the public profile it shows."
    )

    def skip_reason(self, profile: Profile) -> str | None:
        if not profile_emails(profile, MAX_EMAILS):
            return "no e-mail addresses in your profile"
        return super().skip_reason(profile)

    def sends(self, profile: Profile) -> str:
        emails = profile_emails(profile, MAX_EMAILS)
        one = len(emails) == 1
        return (
            f"a SHA-256 hash of {count_words(emails)} is sent to Gravatar at "
            f"{self.destination()}, not "
            + (
                "the address itself; anyone who has the address"
                if one
                else "the addresses themselves; anyone who has one of the addresses"
            )
            + " can make the same hash"
        )

    def plain(self, profile: Profile) -> str:
        emails = profile_emails(profile, MAX_EMAILS)
        which = "your e-mail address" if len(emails) == 1 else "each of your e-mail addresses"
        return (
            f"a scrambled code made from {which} (not the address itself) is sent "
            f"{self.to_whom('Gravatar')}, a profile-picture service, to see if it shows a "
            "public profile"
        )

    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        key = self.settings.key(KEY_ENV)
        headers = {"authorization": f"Bearer {key}"} if key else {}
        out: list[Observation] = []
        stopped: str | None = None
        for n, (kind, email) in enumerate(profile_emails(profile, MAX_EMAILS), start=1):
            subject = f"Gravatar: your {kind} e-mail address ({n})"
            if stopped:
                out.append(self.couldnt_check(subject, stopped))
                continue
            digest = hashlib.sha256(email.encode("utf-8")).hexdigest()
            try:
                data = self.get_json(http, f"{self.base_url}/profiles/{digest}", headers=headers)
            except CheckFailed as err:
                out.append(self.couldnt_check(subject, err.reason))
                stopped = err.reason if err.stop else None
                continue
            if data is None:
                out.append(self.not_found(subject))
            elif not isinstance(data, dict) or not ({"hash", "profile_url"} & data.keys()):
                out.append(self.couldnt_check(subject, "Gravatar answered in an unexpected format"))
            else:
                out.append(self._found(subject, kind, email, data, profile))
        return out

    def _found(
        self, subject: str, kind: str, email: str, data: dict[str, Any], profile: Profile
    ) -> Observation:
        shown = _public_fields(data)
        contact = _contact_values(data)
        details = {"email_kind": kind, **shown, **contact}
        snippet = "; ".join(f"{k}: {v}" for k, v in {**shown, **contact}.items())[:500]
        return Observation(
            lookup_id=self.id,
            outcome=Outcome.FOUND,
            subject=subject,
            url=str(data.get("profile_url") or "") or None,
            snippet=snippet or None,
            matched=email,
            exposure=_exposure(_level(shown, contact, profile)),
            details=details,
        )


def _level(shown: dict[str, str], contact: dict[str, str], profile: Profile) -> str:
    """How much the profile gives away, from the contact details the detectors find in it.

    The shared detectors read the profile's own text (name, location, about, job) and its
    contact_info; the doctor's private details are recognised here, on this machine.
    """
    texts = [v for k, v in shown.items() if k in _TEXT_FIELDS] + list(contact.values())
    html = "".join(f"<p>{escape(t)}</p>" for t in texts)
    region = str(profile.jurisdiction)
    matcher = ProfileMatcher.from_profile(profile)
    found = [(c, matcher.classify(c, names_doctor=True)) for c in detect_html(html, region=region)]
    if any(c.kind is ContactKind.PHONE and m is not Match.WORK for c, m in found):
        return "phone"
    if any(c.kind in _HOME_KINDS and m is Match.PRIVATE for c, m in found):
        return "home"
    personal = (Match.PRIVATE, Match.REVIEW)
    if contact or any(c.kind is ContactKind.EMAIL and m in personal for c, m in found):
        return "contact"
    if "location" in shown or any(k.startswith(("account:", "link:")) for k in shown):
        return "links"
    return "basic"


def _public_fields(data: dict[str, Any]) -> dict[str, str]:
    """What the profile shows, as label -> text."""
    shown: dict[str, str] = {}
    for field in (*_TEXT_FIELDS, "pronouns", "avatar_url"):
        value = data.get(field)
        if isinstance(value, str) and value.strip():
            shown[field] = value.strip()
    for account in data.get("verified_accounts") or []:
        if isinstance(account, dict) and not account.get("is_hidden") and account.get("url"):
            label = account.get("service_label") or account.get("service_type") or "account"
            shown[f"account:{label}"] = str(account["url"])
    for link in data.get("links") or []:
        if isinstance(link, dict) and link.get("url"):
            shown[f"link:{link.get('label') or 'link'}"] = str(link["url"])
    photos = [g for g in data.get("gallery") or [] if isinstance(g, dict)]
    if photos:
        shown["photos"] = f"{len(photos)} more photos"
    return shown


def _contact_values(data: dict[str, Any]) -> dict[str, str]:
    """contact_info (authenticated answers only): phones, e-mail, contact form, calendar."""
    info = data.get("contact_info")
    if not isinstance(info, dict):
        return {}
    return {f"contact:{k}": str(v) for k, v in info.items() if isinstance(v, str) and v.strip()}
