"""What a lookup saw: the four outcomes, what a found detail exposes, and the observation.

Shared vocabulary: lookups produce observations, the store keeps them, the engine assesses them
and the report shows them, so the model sits below all of those.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from footprint.model.vocab import Axis, Exposes, Severity, StrEnum


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
