"""`mastodon-profile`: WebFinger, then the account lookup on the doctor's own server.

Split from `public.py` for size; the registry names it as `profiles.public:MastodonLookup`.
Sources: domain-facts.md 1.17; tests/fixtures/mastodon/README.md.
"""

from __future__ import annotations

import re
from typing import Any

from footprint.lookups import safe_get as _fetch
from footprint.lookups.profiles.base import HOSTNAME, ProfileLookup
from footprint.lookups.profiles.bio import (
    PublicProfile,
    html_text,
    make_exposure,
    make_found,
    review,
)
from footprint.model.observation import Observation
from footprint.model.profile import Profile
from footprint.model.vocab import Axis, Exposes, Severity
from footprint.net.client import GatedClient, Response, host_of


class MastodonLookup(ProfileLookup):
    """WebFinger, then `GET /api/v1/accounts/lookup` on your server (domain-facts 1.17)."""

    id = "mastodon-profile"
    title = "Mastodon public profile"
    service = "mastodon"
    platform = "mastodon"
    default_url = ""  # each handle names its own server
    manual_check = "Open your Mastodon profile page in a private window."

    def clean(self, raw: str) -> str | None:
        parts = raw.lstrip("@").split("@")
        if len(parts) != 2 or not re.fullmatch(r"[A-Za-z0-9_.-]{1,64}", parts[0]):
            return None
        return f"{parts[0]}@{parts[1].lower()}" if HOSTNAME.match(parts[1].lower()) else None

    def _handle(self, profile: Profile) -> tuple[str, str] | None:
        handle = self.username(profile)
        if handle is None:
            return None
        user, server = handle.split("@")
        return user, server

    def _base_for(self, server: str) -> str:
        """The server's URL, or the override that stands in for every server (tests, mirrors)."""
        if self.settings.is_overridden("mastodon"):
            return self.settings.url("mastodon", "")
        return f"https://{server}"

    def hosts(self, profile: Profile) -> frozenset[str]:
        handle = self._handle(profile)
        return frozenset({host_of(self._base_for(handle[1]))}) if handle else frozenset()

    def sends(self, profile: Profile) -> str:
        handle = self._handle(profile)
        if handle is None:
            return "nothing (no Mastodon handle in your profile)"
        user, server = handle
        where = f"{server} (your Mastodon server)"
        if self.settings.is_overridden("mastodon"):
            where = (
                f"{self._base_for(server)} (FOOTPRINT_MASTODON_URL override, instead of {where})"
            )
        return f"your Mastodon handle '@{user}@{server}' to {where}"

    def plain(self, profile: Profile) -> str:
        handle = self._handle(profile)
        if handle is None:
            return self.sends(profile)
        user, server = handle
        where = self.to_whom(f"your Mastodon server ({server})")
        return (
            f"your Mastodon handle '@{user}@{server}' is sent {where}, to read your public profile"
        )

    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        handle = self._handle(profile)
        assert handle is not None
        user, server = handle
        subject, base = self.subject(f"@{user}@{server}"), self._base_for(server)
        finger = _fetch.get(
            http,
            base + "/.well-known/webfinger",
            params={"resource": f"acct:{user}@{server}"},
            accept=("application/jrd+json", "application/json"),
        )
        if isinstance(finger, Response) and finger.status in (404, 410):
            return [self.not_found(subject)]
        jrd = self.answer(finger, subject)
        if isinstance(jrd, Observation):
            return [jrd]
        elsewhere = self._elsewhere(jrd, server)
        if elsewhere:
            reason = f"the account lives on {elsewhere}; use '@{user}@{elsewhere}' as your handle"
            return [self.couldnt_check(subject, reason)]
        lookup = _fetch.get(http, base + "/api/v1/accounts/lookup", params={"acct": user})
        if isinstance(lookup, Response) and lookup.status in (404, 410):
            return [self.couldnt_check(subject, "the server knows the account but did not show it")]
        account = self.answer(lookup, subject)
        if isinstance(account, Observation):
            return [account]
        if not isinstance(account.get("username"), str) or "note" not in account:
            return [self.couldnt_check(subject, "the server's answer was not a Mastodon account")]
        if account.get("suspended"):
            return [self.not_found(subject)]
        public = self._public(account, user, server)
        return review(public, profile, subject) + self._reach(account, public, subject)

    def _elsewhere(self, jrd: dict[str, Any], server: str) -> str | None:
        """The other server WebFinger points to, when the account does not live on this one."""
        if self.settings.is_overridden("mastodon"):
            return None
        for link in jrd.get("links") or []:
            if isinstance(link, dict) and link.get("rel") == "self":
                host = host_of(str(link.get("href", "")))
                return host if host and host != server else None
        return None

    def _public(self, account: dict[str, Any], user: str, server: str) -> PublicProfile:
        bio, links = html_text(str(account.get("note") or ""))
        texts = {"bio": bio}
        for item in account.get("fields") or []:
            if isinstance(item, dict):
                value, hrefs = html_text(str(item.get("value") or ""))
                texts[f"field '{item.get('name', '')}'"] = value
                links += hrefs
        flags = ("discoverable", "indexable", "noindex", "locked", "hide_collections")
        details = {flag: str(account[flag]).lower() for flag in flags if flag in account}
        return PublicProfile(
            lookup_id=self.id,
            platform="Mastodon",
            url=str(account.get("url") or f"https://{server}/@{user}"),
            name=str(account.get("display_name") or ""),
            texts=texts,
            links=list(dict.fromkeys(links)),
            details=details,
            steps=(
                "In Mastodon, Preferences → Public profile lets you edit your display name, bio "
                "and profile fields.",
                "Preferences → Public profile → Privacy and reach: turn off discovery and "
                "search-engine indexing, and hide your follows and followers.",
            ),
            help_links=("https://docs.joinmastodon.org/user/profile/",),
        )

    def _reach(
        self, account: dict[str, Any], pub: PublicProfile, subject: str
    ) -> list[Observation]:
        """Profiles opted into discovery or search engines are easier for strangers to find."""
        if not (account.get("discoverable") or account.get("noindex") is False):
            return []
        exposure = make_exposure(
            pub,
            "discoverable",
            "Your Mastodon profile is offered to strangers and search engines",
            Severity.LOW,
            Axis.FINDABLE,
            Exposes.PERSONAL_SOCIAL,
            "Discovery features and search engines put your profile in front of people who "
            "were not looking for you, including patients searching your name.",
            "In Mastodon, Preferences → Public profile → Privacy and reach: turn off discovery "
            "and search results, and opt out of search-engine indexing.",
        )
        shown = ", ".join(f"{k}={v}" for k, v in pub.details.items())
        return [make_found(pub, subject, exposure, snippet=shown, matched=None)]
