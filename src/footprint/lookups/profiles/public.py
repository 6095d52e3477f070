"""Public profile APIs: Bluesky, Mastodon and GitHub, read without logging in.

For each username in the profile (`usernames: {bluesky: ..., mastodon: ..., github: ...}`) the
lookup fetches the public profile exactly as any stranger could, then `_bio.review()` checks,
on this machine, whether its name, bio, location and links reveal the doctor's workplace, town
or personal contacts. Sources for the API formats: domain-facts.md 1.16-1.18 and
tests/fixtures/*/README.md.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from footprint.lookups import safe_get as _fetch
from footprint.lookups.profiles.base import HOSTNAME, URL_IN_TEXT, ProfileLookup
from footprint.lookups.profiles.bio import PublicProfile, review
from footprint.lookups.profiles.mastodon import MastodonLookup
from footprint.model.observation import Observation
from footprint.model.profile import Profile
from footprint.net.client import GatedClient, Response

__all__ = ["BlueskyLookup", "GithubLookup", "MastodonLookup"]


class BlueskyLookup(ProfileLookup):
    """Bluesky's public AppView: `app.bsky.actor.getProfile`, no login (domain-facts 1.16)."""

    id = "bluesky-profile"
    title = "Bluesky public profile"
    service = "bluesky"
    platform = "bluesky"
    default_url = "https://public.api.bsky.app"
    manual_check = "Open https://bsky.app/profile/<your handle> in a private window."

    def clean(self, raw: str) -> str | None:
        handle = raw.removeprefix("https://bsky.app/profile/").lstrip("@").strip("/").lower()
        return handle if HOSTNAME.match(handle) or handle.startswith("did:") else None

    def sends(self, profile: Profile) -> str:
        return f"your Bluesky handle '{self.username(profile)}' to {self.destination()}"

    def plain(self, profile: Profile) -> str:
        who = self.to_whom("Bluesky")
        return f"your Bluesky handle '{self.username(profile)}' is sent {who}, to read your public profile"

    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        handle = self.username(profile)
        assert handle is not None
        subject = self.subject(handle)
        url = self.base() + "/xrpc/app.bsky.actor.getProfile"
        response = _fetch.get(http, url, params={"actor": handle})
        if isinstance(response, Response) and response.status == 400:
            return [self._refused(response, subject)]
        data = self.answer(response, subject)
        if isinstance(data, Observation):
            return [data]
        if not isinstance(data.get("did"), str) or not isinstance(data.get("handle"), str):
            return [self.couldnt_check(subject, "Bluesky's answer had no handle in it")]
        return review(self._public(data), profile, subject)

    def _refused(self, response: Response, subject: str) -> Observation:
        """XRPC errors come back as HTTP 400 with {"error", "message"}."""
        body = _fetch.json_object(response) or {}
        error, message = str(body.get("error", "")), str(body.get("message", ""))
        if error in {"AccountDeactivated", "AccountTakedown"}:
            return self.not_found(subject)  # not shown to the public
        if error == "InvalidRequest" and "not found" in message.lower():
            return self.not_found(subject)
        return self.couldnt_check(subject, f"Bluesky refused the request ({error or 'HTTP 400'})")

    def _public(self, data: dict[str, Any]) -> PublicProfile:
        bio = str(data.get("description") or "")
        website = str(data.get("website") or "")
        labels = {
            str(label.get("val")) for label in data.get("labels") or [] if isinstance(label, dict)
        }
        details = {
            "followers": str(data.get("followersCount", "")),
            "posts": str(data.get("postsCount", "")),
        }
        if "!no-unauthenticated" in labels:
            details["logged_out_visibility"] = (
                "asks apps to hide it from logged-out visitors, but the public API still returns it"
            )
        return PublicProfile(
            lookup_id=self.id,
            platform="Bluesky",
            url=f"https://bsky.app/profile/{data['handle']}",
            name=str(data.get("displayName") or ""),
            texts={"bio": bio, "website": website},
            links=list(dict.fromkeys(u for u in [website, *URL_IN_TEXT.findall(bio)] if u)),
            details=details,
            steps=(
                "In Bluesky, open your profile → Edit profile and remove your workplace, town "
                "and any contact details.",
                "Settings → Privacy and security → Logged-out visibility only asks apps to hide "
                "you: your profile and posts stay public, so keep personal details off them.",
            ),
        )


class GithubLookup(ProfileLookup):
    """`GET https://api.github.com/users/{username}` (domain-facts 1.18).

    GitHub allows 60 unauthenticated requests per hour per IP address; this lookup sends one
    request per username, so it never needs a spacing interval. When GitHub says the hour's
    allowance is used up (`x-ratelimit-remaining: 0`), the result is "couldn't check" with the
    time it resets (`x-ratelimit-reset`, seconds since 1970).
    """

    id = "github-profile"
    title = "GitHub public profile"
    service = "github"
    platform = "github"
    default_url = "https://api.github.com"
    manual_check = "Open https://github.com/<your username> in a private window."

    def clean(self, raw: str) -> str | None:
        name = raw.removeprefix("https://github.com/").lstrip("@").strip("/")
        return name if re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})", name) else None

    def sends(self, profile: Profile) -> str:
        return f"your GitHub username '{self.username(profile)}' to {self.destination()}"

    def plain(self, profile: Profile) -> str:
        who = self.to_whom("GitHub")
        return f"your GitHub username '{self.username(profile)}' is sent {who}, to read your public profile"

    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        username = self.username(profile)
        assert username is not None
        subject = self.subject(username)
        response = _fetch.get(
            http,
            f"{self.base()}/users/{username}",
            headers={"X-GitHub-Api-Version": "2022-11-28"},
        )
        if isinstance(response, Response):
            if response.status == 404:
                return [self.not_found(subject, f"https://github.com/{username}")]
            limited = _rate_limited(response)
            if limited:
                return [self.couldnt_check(subject, limited)]
        data = self.answer(response, subject)
        if isinstance(data, Observation):
            return [data]
        if not isinstance(data.get("login"), str):
            return [self.couldnt_check(subject, "GitHub's answer had no username in it")]
        return review(self._public(data), profile, subject)

    def _public(self, data: dict[str, Any]) -> PublicProfile:
        texts = {
            label: str(data.get(key) or "")
            for label, key in (("bio", "bio"), ("company", "company"), ("website", "blog"))
        }
        texts["public e-mail"] = str(data.get("email") or "")
        twitter = str(data.get("twitter_username") or "")
        links = [u for u in (texts["website"], twitter and f"https://x.com/{twitter}") if u]
        return PublicProfile(
            lookup_id=self.id,
            platform="GitHub",
            url=str(data.get("html_url") or f"https://github.com/{data['login']}"),
            name=str(data.get("name") or ""),
            texts=texts,
            location=str(data.get("location") or "") or None,
            links=links,
            details={"public_repos": str(data.get("public_repos", ""))},
            steps=(
                "In GitHub, Settings → Public profile: clear the name, bio, company, location and "
                "links you don't want patients to see.",
                "Settings → Emails: turn on 'Keep my email addresses private' and 'Block command "
                "line pushes that expose my email'.",
            ),
            help_links=("https://docs.github.com/en/account-and-profile",),
        )


def _rate_limited(response: Response) -> str | None:
    """GitHub's own rate-limit answer (403 or 429 with x-ratelimit-remaining: 0), explained."""
    headers = {k.lower(): v for k, v in response.headers.items()}
    if response.status not in (403, 429) or headers.get("x-ratelimit-remaining") != "0":
        return None
    reason = "GitHub rate limit (60 per hour without a token)"
    reset = headers.get("x-ratelimit-reset", "")
    if reset.isdigit():
        when = datetime.fromtimestamp(int(reset), tz=timezone.utc).strftime("%H:%M UTC")
        reason += f"; try again after {when}"
    return reason
