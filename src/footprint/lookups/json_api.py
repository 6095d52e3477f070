"""Shared plumbing for lookups that call one JSON API: base URL, hosts, consent wording, failures.

Each such lookup talks to one service whose base URL can be overridden (`FOOTPRINT_<SERVICE>_URL`,
for mirrors and stand-ins). `JsonApiLookup` turns that into the host list the gated client
enforces and into the "to whom" part of the consent sentence, and maps HTTP answers to either
parsed JSON, "not there" (usually 404) or a `CheckFailed` with a plain-words reason. Reasons
never contain keys, URLs or personal data: they are built from status codes only.

Also here: the postcode comparison (a US ZIP+4 is the same home as its 5-digit ZIP, which
`footprint.detect.match` does not know) and the list of the doctor's e-mail addresses. Phones
and e-mails are compared with `footprint.detect.match` (via `_bio.whose_value`). Private values
are only ever compared on this machine, never sent.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar
from urllib.parse import urlsplit

from footprint.lookups.interface import Lookup
from footprint.lookups.safe_get import JSON
from footprint.model.profile import Profile
from footprint.net.body import retry_after_seconds
from footprint.net.client import FetchError, GatedClient, Response, host_of


class CheckFailed(Exception):
    """One request gave no usable answer. `reason` is plain words without personal data.

    `stop` says the same problem will hit every later request (bad key, rate limit), so the
    lookup should not keep trying.
    """

    def __init__(self, reason: str, *, stop: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.stop = stop


class JsonApiLookup(Lookup):
    """A lookup that calls one JSON API at an overridable base URL."""

    #: The service's real base URL (no trailing slash).
    default_url: ClassVar[str]
    #: Plain name used in reasons, e.g. "Companies House".
    service_name: ClassVar[str]

    @property
    def base_url(self) -> str:
        """The base URL in use: the override if one is set, else `default_url`."""
        return self.settings.url(self._service, self.default_url)

    @property
    def _service(self) -> str:
        if not self.service:
            raise TypeError(f"{type(self).__name__} must set `service`")
        return self.service

    def hosts(self, profile: Profile) -> frozenset[str]:
        """The one host of the base URL in use (the override's host if overridden)."""
        return frozenset({host_of(self.base_url)})

    def destination(self) -> str:
        """Where requests go, for the consent sentence; an override is stated plainly."""
        default_host = host_of(self.default_url)
        if not self.settings.is_overridden(self._service):
            return default_host
        return (
            f"{host_of(self.base_url)} (your replacement for {default_host}, "
            f"set in your settings: {_without_credentials(self.base_url)})"
        )

    def api_key(self) -> str | None:
        """The service's API key, if `key_env` is set and a key is configured."""
        return self.settings.key(self.key_env) if self.key_env else None

    def get_json(
        self,
        http: GatedClient,
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        missing: tuple[int, ...] = (404,),
    ) -> Any:
        """GET `url` and parse JSON; None for a `missing` status; raise CheckFailed otherwise."""
        # footprint.net.client sends a descriptive User-Agent on every request (HIBP requires one).
        try:
            response = http.get(url, params=params, headers=headers, auth=auth, accept=JSON)
        except FetchError as err:
            raise CheckFailed(err.reason) from None
        if response.status in missing:
            return None
        if response.status != 200:
            raise self.failure(response)
        try:
            return response.json()
        except FetchError:
            raise CheckFailed(f"{self.service_name} answered in an unexpected format") from None

    def failure(self, response: Response) -> CheckFailed:
        """Why a response is not a usable answer; `stop` when later requests would fail too."""
        status, name = response.status, self.service_name
        if status == 401:
            where = f"; check the key in {self.key_env}" if self.key_env else ""
            return CheckFailed(f"{name} refused the API key (HTTP 401){where}", stop=True)
        if status == 429:
            wait = retry_after_seconds(response.headers.get("retry-after"))
            later = f"try again in {wait:.0f} seconds" if wait else "try again later"
            return CheckFailed(f"rate limited by {name} (HTTP 429); {later}", stop=True)
        if status == 403:
            return CheckFailed(f"{name} refused the request (HTTP 403)", stop=True)
        if status == 410:  # a retired API: every later request would get the same
            return CheckFailed(
                f"{name} says this service is gone (HTTP 410); footprint needs an update",
                stop=True,
            )
        if status >= 500:
            return CheckFailed(f"{name} had a server problem (HTTP {status})")
        return CheckFailed(f"{name} gave an unexpected answer (HTTP {status})")


def _without_credentials(url: str) -> str:
    parts = urlsplit(url)
    netloc = parts.hostname or ""
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    return parts._replace(netloc=netloc, query="", fragment="").geturl()


def as_dict(value: Any) -> dict[str, Any]:
    """`value` if it is a JSON object, else an empty one (fields missing from an answer)."""
    return value if isinstance(value, dict) else {}


# Local comparison: private values are compared here, on this machine, never sent.


def normalise_postcode(value: str) -> str:
    """'ex1 2ab' -> 'EX12AB'; '10001-3027' -> '100013027'."""
    return re.sub(r"[^A-Z0-9]", "", value.upper())


def same_postcode(seen: str | None, home: str | None) -> bool:
    """True when a postcode seen in an answer is the home postcode.

    A US ZIP+4 ('100013027') matches a 5-digit home ZIP ('10001'), and the other way round.
    """
    if not seen or not home:
        return False
    a, b = normalise_postcode(seen), normalise_postcode(home)
    if not a or not b:
        return False
    if a.isdigit() and b.isdigit() and min(len(a), len(b)) >= 5:
        return a[:5] == b[:5] and (len(a) == 5 or len(b) == 5 or a == b)
    return a == b


def profile_emails(profile: Profile, limit: int) -> list[tuple[str, str]]:
    """(kind, address) for each personal then work e-mail, de-duplicated, at most `limit`."""
    seen: dict[str, str] = {}
    for kind, emails in (("personal", profile.private.emails), ("work", profile.work.emails)):
        for email in emails:
            seen.setdefault(email.strip().lower(), kind)
    return [(kind, email) for email, kind in seen.items() if email][:limit]


def count_words(emails: list[tuple[str, str]]) -> str:
    """'each of your 2 e-mail addresses (1 personal, 1 work)', or 'your personal e-mail address'."""
    if len(emails) == 1:
        return f"your {emails[0][0]} e-mail address"
    personal = sum(1 for kind, _ in emails if kind == "personal")
    counts = (("personal", personal), ("work", len(emails) - personal))
    kinds = ", ".join(f"{n} {kind}" for kind, n in counts if n)
    return f"each of your {len(emails)} e-mail addresses ({kinds})"
