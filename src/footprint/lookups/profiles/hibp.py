"""`hibp`: are the doctor's e-mail addresses in known data breaches (Have I Been Pwned)?

A breached account is a way in: a reused password lets someone read the doctor's e-mail and
everything it leads to, and breach files tie the address to phone numbers and home addresses
that end up with data brokers (domain-facts.md 1.15).

API: `GET https://haveibeenpwned.com/api/v3/breachedaccount/{account}?truncateResponse=false`
with headers `hibp-api-key` (paid key) and `user-agent` (required; 403 without it) -> 200 with a
list of breaches {Name, Title, Domain, BreachDate, AddedDate, PwnCount, DataClasses[],
IsVerified, IsSensitive, ...}; 404 when the account is in no breach; 401 for a bad key; 429 with
`retry-after` (seconds) when rate limited. Rate limit depends on the subscription: the lowest
("Pwned 1") allows 10 requests a minute, so one request every 6 s.
Sources: https://haveibeenpwned.com/API/v3 (authorisation, user agent, response codes, breach
model), api-evangelist/haveibeenpwned rate-limits file, troyhunt.com rate-limit post.

Unlike the other lookups, the e-mail address itself is sent (HIBP has no hash-based search for
single accounts): the consent sentence says so plainly.
"""

from __future__ import annotations

from typing import Any, ClassVar
from urllib.parse import quote

from footprint.lookups.json_api import CheckFailed, JsonApiLookup, profile_emails
from footprint.model.observation import Exposure, Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import Axis, Exposes, Severity
from footprint.net.client import GatedClient

MAX_EMAILS = 10
MAX_SHOWN = 12  # breaches listed in the snippet

_STEPS = [
    "Change the password of each account listed below, and of every other account where you "
    "used the same password. A password manager makes a different password for each site easy.",
    "Turn on two-step verification (2FA), starting with this e-mail account, then your phone "
    "provider, bank and social media accounts.",
    "If a breach included your phone number or address, expect them to be in data-broker "
    "files: see the people-search steps in this report.",
    "Use the free 'Notify me' service at https://haveibeenpwned.com to hear about new breaches "
    "of this address.",
]


def _exposure(passwords: bool) -> Exposure:
    return Exposure(
        key="hibp.breached-passwords" if passwords else "hibp.breached-account",
        title=(
            "Passwords for one of your e-mail addresses have leaked in data breaches"
            if passwords
            else "One of your e-mail addresses appears in known data breaches"
        ),
        severity=Severity.HIGH if passwords else Severity.MEDIUM,
        axis=Axis.FINDABLE,
        exposes=Exposes.ACCOUNT,
        why="Breached accounts are a way in: a reused password lets someone into your e-mail, "
        "and breach files link your address to other details about you.",
        steps=_STEPS,
        effort=30,
        links=["https://haveibeenpwned.com"],
    )


class HibpLookup(JsonApiLookup):
    """Known data breaches for each of the doctor's e-mail addresses."""

    id: ClassVar[str] = "hibp"
    title: ClassVar[str] = "Have I Been Pwned (data breaches)"
    key_env: ClassVar[str | None] = "FOOTPRINT_HIBP_KEY"
    service: ClassVar[str | None] = "hibp"
    service_name: ClassVar[str] = "Have I Been Pwned"
    default_url: ClassVar[str] = "https://haveibeenpwned.com/api/v3"
    # The lowest paid tier ("Pwned 1") allows 10 requests a minute.
    min_interval: ClassVar[float] = 6.0
    manual_check: ClassVar[str] = (
        "Enter each of your e-mail addresses at https://haveibeenpwned.com (free, no key "
        "needed in the browser) and read the list of breaches."
    )

    def skip_reason(self, profile: Profile) -> str | None:
        if not _sendable(profile):
            return (
                "only work e-mail addresses are checked here (your personal ones never leave "
                "this computer) and your profile lists none"
            )
        return super().skip_reason(profile)

    def sends(self, profile: Profile) -> str:
        n = len(_sendable(profile))
        noun = "work e-mail address is" if n == 1 else "work e-mail addresses are"
        return (
            f"your {n} {noun} sent as they are (not as a hash) to Have I Been "
            f"Pwned at {self.destination()}, with your API key; personal e-mail addresses are "
            "never sent (check those yourself at haveibeenpwned.com)"
        )

    def plain(self, profile: Profile) -> str:
        n = len(_sendable(profile))
        what = "your work e-mail address is" if n == 1 else "your work e-mail addresses are"
        return (
            f"{what} sent {self.to_whom('Have I Been Pwned')}, to see if it was in a data "
            "leak; your personal addresses are never sent"
        )

    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        headers = {"hibp-api-key": self.api_key() or ""}
        out: list[Observation] = []
        stopped: str | None = None
        for n, (kind, email) in enumerate(profile_emails(profile, MAX_EMAILS), start=1):
            subject = f"Have I Been Pwned: your {kind} e-mail address ({n})"
            if kind != "work":
                # The private block never leaves the machine; HIBP needs the address itself.
                out.append(self.skipped(subject, "personal addresses are never sent"))
                continue
            if stopped:
                out.append(self.couldnt_check(subject, stopped))
                continue
            url = f"{self.base_url}/breachedaccount/{quote(email, safe='@')}"
            try:
                data = self.get_json(
                    http, url, params={"truncateResponse": "false"}, headers=headers
                )
                breaches = _breaches(data)
            except CheckFailed as err:
                out.append(self.couldnt_check(subject, err.reason))
                stopped = err.reason if err.stop else None
                continue
            if not breaches:
                out.append(self.not_found(subject))
            else:
                out.append(self._found(subject, kind, email, breaches))
        return out

    def _found(
        self, subject: str, kind: str, email: str, breaches: list[dict[str, Any]]
    ) -> Observation:
        breaches = sorted(breaches, key=lambda b: str(b.get("BreachDate", "")), reverse=True)
        passwords = any("Passwords" in _classes(b) for b in breaches)
        details = {"email_kind": kind, "breaches": str(len(breaches))}
        for b in breaches:
            details[f"breach:{b['Name']}"] = (
                f"{b.get('BreachDate', '?')}: {', '.join(_classes(b)) or 'details not given'}"
            )
        shown = [f"{b.get('Title') or b['Name']} ({b.get('BreachDate', '?')})" for b in breaches]
        more = len(shown) - MAX_SHOWN
        snippet = "; ".join(shown[:MAX_SHOWN]) + (f"; and {more} more" if more > 0 else "")
        return Observation(
            lookup_id=self.id,
            outcome=Outcome.FOUND,
            subject=subject,
            url="https://haveibeenpwned.com",
            snippet=f"In {len(breaches)} breaches: {snippet}",
            matched=email,
            exposure=_exposure(passwords),
            details=details,
        )


def _sendable(profile: Profile) -> list[tuple[str, str]]:
    """The work addresses: the only ones this lookup may send."""
    return [(k, e) for k, e in profile_emails(profile, MAX_EMAILS) if k == "work"]


def _breaches(data: Any) -> list[dict[str, Any]]:
    """The breach list (None for a 404 means no breaches), after checking its shape."""
    if data is None:
        return []
    if not isinstance(data, list) or not all(
        isinstance(b, dict) and isinstance(b.get("Name"), str) for b in data
    ):
        raise CheckFailed("Have I Been Pwned answered in an unexpected format")
    return data


def _classes(breach: dict[str, Any]) -> list[str]:
    classes = breach.get("DataClasses")
    return [str(c) for c in classes] if isinstance(classes, list) else []
