"""The lookup extension point: what a lookup is, what it returns, how it fails.

A lookup declares who it contacts and what it sends, and `run()`s with an HTTP client that is
bound to its own consent grant and host list (`footprint.net.client.GatedClient`). Transport problems
become `couldnt_check` observations *inside* the lookup: a blocked or failed request must never
read as "not found", because a false "not found" falsely reassures someone at risk.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from footprint.model.vocab import Axis, Exposes, Severity, StrEnum

if TYPE_CHECKING:
    from footprint.model.profile import Profile
    from footprint.net.client import GatedClient
    from footprint.util.settings import Settings


class Outcome(StrEnum):
    """The four outcomes of a check."""

    FOUND = "found"
    NOT_FOUND = "not_found"
    COULDNT_CHECK = "couldnt_check"  # blocked, login wall, rate-limited, timeout, odd format
    SKIPPED = "skipped"  # no consent, not applicable, no key


class Exposure(BaseModel):
    """What a `found` observation exposes, and how to close it; `assess` makes it a finding.

    Observations that share a `key` become ONE finding with several evidence items. The key and
    the title must never contain personal data (the adviser copy shows both); personal values
    belong in the observation's `url`, `snippet` and `matched`.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str = Field(description="Stable across runs, e.g. 'page-scan.personal-phone'.")
    title: str = Field(description="Plain words: 'Your personal mobile is on a public page'.")
    severity: Severity
    axis: Axis
    exposes: Exposes
    why: str
    steps: list[str] = Field(min_length=1)
    effort: int = Field(default=15, description="Minutes to fix.")
    guidance: list[str] = Field(default_factory=list, description="Ids in guidance.yaml.")
    links: list[str] = Field(default_factory=list)


class ManualLink(BaseModel):
    """A ready-made link to check something by hand, e.g. a search as a patient would type it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str = Field(description="What the link does: 'Search Google for \"Dr A Example\"'.")
    url: str


class Observation(BaseModel):
    """One thing a lookup saw (or could not see)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lookup_id: str
    outcome: Outcome
    subject: str = Field(description="What was checked, e.g. 'search: \"Dr Alex Example\" GP'.")
    reason: str | None = Field(default=None, description="Why couldn't-check or skipped.")
    manual_check: str | None = Field(default=None, description="How to check by hand.")
    url: str | None = None
    snippet: str | None = Field(default=None, description="Short context around what matched.")
    matched: str | None = Field(default=None, description="The value that matched, as seen.")
    search: str | None = Field(default=None, description="The search that leads here, if any.")
    exposure: Exposure | None = None
    details: dict[str, str] = Field(default_factory=dict)
    links: list[ManualLink] = Field(
        default_factory=list, description="Ready-made links to check this by hand."
    )


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
