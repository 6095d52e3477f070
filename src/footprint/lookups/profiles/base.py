"""What the public-profile lookups share: one username per platform and one base URL."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from footprint.lookups import safe_get as _fetch
from footprint.lookups.interface import Lookup
from footprint.model.observation import Observation
from footprint.model.profile import Profile
from footprint.model.vocab import PLATFORMS
from footprint.net.client import Response, blocked_reason, host_of

URL_IN_TEXT = re.compile(r"https?://[^\s<>\"')]+")
HOSTNAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


class ProfileLookup(Lookup):
    """What the three profile lookups share: a username per platform and one base URL."""

    platform: ClassVar[str]  # id in vocab.PLATFORMS
    default_url: ClassVar[str]

    @property
    def name(self) -> str:
        return PLATFORMS[self.platform]

    def username(self, profile: Profile) -> str | None:
        """The cleaned username, or None when missing or not in this platform's form."""
        raw = profile.usernames.get(self.platform, "").strip()
        return self.clean(raw) if raw else None

    def clean(self, raw: str) -> str | None:
        raise NotImplementedError

    def skip_reason(self, profile: Profile) -> str | None:
        raw = profile.usernames.get(self.platform, "").strip()
        if not raw:
            return f"no {self.name} username in your profile (usernames: {self.platform}: ...)"
        if self.username(profile) is None:
            return f"'{raw}' does not look like a {self.name} username"
        return super().skip_reason(profile)

    def base(self) -> str:
        assert self.service is not None
        return self.settings.url(self.service, self.default_url)

    def hosts(self, profile: Profile) -> frozenset[str]:
        return frozenset({host_of(self.base())}) if self.username(profile) else frozenset()

    def destination(self) -> str:
        """Where requests go, for the consent sentence (names an override)."""
        assert self.service is not None
        default_host = host_of(self.default_url)
        if not self.settings.is_overridden(self.service):
            return default_host
        variable = f"FOOTPRINT_{self.service.upper()}_URL"
        return f"{self.base()} ({variable} override, instead of {default_host})"

    def subject(self, username: str) -> str:
        return f"{self.name} profile '{username}'"

    def answer(self, response: Response | str, subject: str) -> dict[str, Any] | Observation:
        """A 200 JSON object, or the couldn't-check observation that replaces it."""
        if isinstance(response, str):
            return self.couldnt_check(subject, response)
        reason = blocked_reason(response)
        if reason:
            return self.couldnt_check(subject, reason, response.url)
        data = _fetch.json_object(response) if response.status == 200 else None
        if data is None:
            return self.couldnt_check(
                subject, f"{self.name} answered in an unexpected way (HTTP {response.status})"
            )
        return data
