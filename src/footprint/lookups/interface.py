"""The lookup extension point: what a lookup is, what it returns, how it fails.

A lookup declares who it contacts and what it sends, and `run()`s with an HTTP client that is
bound to its own consent grant and host list (`footprint.net.client.GatedClient`). Transport problems
become `couldnt_check` observations *inside* the lookup: a blocked or failed request must never
read as "not found", because a false "not found" falsely reassures someone at risk.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, ClassVar

from footprint.model.observation import Observation, Outcome

if TYPE_CHECKING:
    from footprint.model.profile import Profile
    from footprint.net.client import GatedClient
    from footprint.util.settings import Settings


class Lookup(ABC):
    """A public lookup the doctor may consent to.

    Subclasses set the class attributes and implement `sends`, `hosts` and `run`.
    """

    id: ClassVar[str]
    title: ClassVar[str]
    #: Environment variable holding an API key, if the service needs one.
    key_env: ClassVar[str | None] = None
    #: Service id used for `FOOTPRINT_<SERVICE>_URL` / `_KEY` settings.
    service: ClassVar[str | None] = None
    #: Shown in `footprint lookups` and the report when this lookup is not run.
    manual_check: ClassVar[str] = ""
    #: Minimum seconds between two requests to one host, from the service's documented limit.
    min_interval: ClassVar[float] = 0.0

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def skip_reason(self, profile: Profile) -> str | None:
        """Why this lookup cannot run for `profile` (no inputs, no key), or None if it can."""
        if self.key_env and not self.settings.key(self.key_env):
            return f"needs an API key in {self.key_env}"
        return None

    @abstractmethod
    def hosts(self, profile: Profile) -> frozenset[str]:
        """Every host this lookup may contact; the gated client refuses any other."""

    @abstractmethod
    def sends(self, profile: Profile) -> str:
        """The consent sentence: exactly what is sent and to whom.

        E.g. "your name 'Alex Example' and state 'NY' to npiregistry.cms.hhs.gov".
        Never include a private-block value; say so if a derived value (a hash) is sent.
        """

    def plain(self, profile: Profile) -> str:
        """The consent sentence in plain words: what is sent, to whom, in one sentence.

        `sends` keeps the exact detail (hashes, servers, replaced addresses) for the "details"
        a doctor may open, and for the consent record.
        """
        return self.sends(profile)

    def to_whom(self, who: str, services: tuple[str, ...] = ()) -> str:
        """ "to Companies House"; when its address was replaced on this computer (a test or a
        stand-in), the plain sentence says so too, so it never names a place nothing goes to."""
        names = services or ((self.service,) if self.service else ())
        if any(self.settings.is_overridden(name) for name in names):
            return f"to {who} (here, a stand-in set up on this computer: see the details)"
        return f"to {who}"

    @abstractmethod
    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        """Do the checks. Catch `footprint.net.client.FetchError` and return couldn't-check."""

    # Helpers so lookups build observations the same way.

    def couldnt_check(self, subject: str, reason: str, url: str | None = None) -> Observation:
        """A check that was attempted but could not give an answer."""
        return Observation(
            lookup_id=self.id,
            outcome=Outcome.COULDNT_CHECK,
            subject=subject,
            reason=reason,
            url=url,
            manual_check=self.manual_check or None,
        )

    def skipped(self, subject: str, reason: str) -> Observation:
        """A check that was not attempted."""
        return Observation(
            lookup_id=self.id,
            outcome=Outcome.SKIPPED,
            subject=subject,
            reason=reason,
            manual_check=self.manual_check or None,
        )

    def not_run(self, profile: Profile, reason: str) -> list[Observation]:
        """What a lookup that was not run (offline, refused, no key) leaves in the report."""
        return [self.skipped(self.title, reason)]

    def not_found(self, subject: str, url: str | None = None) -> Observation:
        """A check that ran and found nothing."""
        return Observation(lookup_id=self.id, outcome=Outcome.NOT_FOUND, subject=subject, url=url)
