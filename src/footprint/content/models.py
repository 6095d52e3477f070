"""The checklist file formats: items, checklist files, guidance references and the response plan.

`checklists.py` loads and cross-checks these; `footprint checklist schema` prints their schema.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from footprint.content.sources import (
    UNDATED,
    Source,
    check_month,
    check_source_date,
    last_confirmed_year,
    latest_check,
)
from footprint.model.bounds import CONTENT_TEXT_MAX
from footprint.model.vocab import PLATFORMS, Axis, Exposes, Jurisdiction, Role, Severity

_ITEM_ID = re.compile(r"^[a-z0-9-]+\.[a-z0-9-]+$")


class _Strict(BaseModel):
    # A checklist file can be the user's own: every text value is bounded.
    model_config = ConfigDict(extra="forbid", frozen=True, str_max_length=CONTENT_TEXT_MAX)


_check_reviewed = check_month  # kept under its old name for sites.py


class ChecklistItem(_Strict):
    """One question of the audit, with why it matters and how to fix it."""

    id: str = Field(description="<area>.<slug>, unique across all files.")
    question: str = Field(
        min_length=10,
        description="Asked of the doctor the way a person would ask; `exposed_when` says "
        "which answer is the risky one.",
    )
    finding: str = Field(
        min_length=10,
        description="The problem in plain words, used as the finding's title; not a question.",
    )
    why: str = Field(min_length=10, description="Why it matters, in plain words.")
    check: str = Field(min_length=5, description="Where to look: a menu path or URL.")
    fix: list[str] = Field(min_length=1, description="Ordered concrete steps.")
    exposed_when: Literal["yes", "no"] = Field(
        default="yes",
        description="The answer that means exposed: 'no' when the question asks whether a "
        "protection is in place, so it never needs a double negative.",
    )
    severity: Severity
    axis: Axis
    exposes: Exposes = Field(description="What is exposed; drives the score weighting.")
    effort: int = Field(ge=1, le=600, description="Minutes the fix takes.")
    guidance: list[str] = Field(default_factory=list, description="Ids in guidance.yaml.")
    links: list[HttpUrl] = Field(
        default_factory=list, description="Help pages the doctor opens (may repeat sources)."
    )
    sources: list[Source] = Field(
        default_factory=list, description="What the claim was checked against, with dates."
    )
    reviewed: str | None = Field(
        default=None,
        description="Month the claim was last checked against a source, YYYY-MM: the latest "
        "`checked` of its sources. Left out when no source has been checked.",
    )
    jurisdictions: list[Jurisdiction] | None = Field(
        default=None, description="Only for these jurisdictions (default: all)."
    )
    roles: list[Role] | None = Field(default=None, description="Only for these roles.")
    regions: list[str] | None = Field(
        default=None,
        description="Only where the profile's region is one of these (GB nation, state).",
    )
    platforms: list[str] | None = Field(
        default=None, description="Only for doctors who use one of these platform ids."
    )
    needs_company: bool = Field(default=False, description="Only for company directors.")

    @field_validator("reviewed", mode="before")
    @classmethod
    def _reviewed_shape(cls, value: object) -> object:
        return value if value is None else check_month(str(value))

    @model_validator(mode="after")
    def _reviewed_matches_sources(self) -> ChecklistItem:
        # A review date is only honest when a source was checked that month.
        latest = latest_check(self.sources)
        if self.reviewed != latest:
            raise ValueError(
                f"reviewed is {self.reviewed or 'missing'} but the latest `checked` of its "
                f"sources is {latest or 'missing'}: they must be the same month"
            )
        return self

    @field_validator("exposed_when", mode="before")
    @classmethod
    def _yaml_boolean(cls, value: object) -> object:
        # YAML reads a bare `exposed_when: yes` as true; the author meant the word.
        if isinstance(value, bool):
            return "yes" if value else "no"
        return value

    @field_validator("finding")
    @classmethod
    def _finding_is_a_statement(cls, value: str) -> str:
        if value.rstrip().endswith("?"):
            raise ValueError("must state the problem, not ask a question (no '?' at the end)")
        return value

    @field_validator("platforms")
    @classmethod
    def _known_platforms(cls, value: list[str] | None) -> list[str] | None:
        unknown = [p for p in value or () if p not in PLATFORMS]
        if unknown:
            raise ValueError(f"unknown platform id(s) {unknown}; use ids from vocab.PLATFORMS")
        return value

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ITEM_ID.match(value):
            raise ValueError("must look like 'area.short-name' (lower case, digits, hyphens)")
        return value

    @property
    def area(self) -> str:
        """The area or platform id (the part before the dot)."""
        return self.id.split(".", 1)[0]

    @property
    def last_confirmed(self) -> int | None:
        """The year to show as "last confirmed" when every source is old or undated."""
        return last_confirmed_year(self.sources)


class ChecklistFile(_Strict):
    """One checklist file: an area or a platform."""

    area: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    platform: bool = False
    intro: str | None = None
    items: list[ChecklistItem] = Field(min_length=1)


class GuidanceRef(_Strict):
    """A professional-guidance reference, held once and cited by id."""

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    publisher: str
    title: str
    url: HttpUrl
    date: str = Field(
        description="The publisher page's own date (YYYY, YYYY-MM or YYYY-MM-DD), or "
        "'undated' when the page shows none."
    )
    checked: str | None = Field(
        default=None, description="Month the page was checked, YYYY-MM; needed when undated."
    )
    summary: str = Field(description="One line in our own words.")

    @field_validator("date", mode="before")
    @classmethod
    def _date_shape(cls, value: object) -> str:
        return check_source_date(str(value))

    @field_validator("checked", mode="before")
    @classmethod
    def _checked_shape(cls, value: object) -> object:
        return value if value is None else check_month(str(value))

    @model_validator(mode="after")
    def _undated_needs_a_check(self) -> GuidanceRef:
        if self.date == UNDATED and self.checked is None:
            raise ValueError("an undated page needs `checked:` (the month it was last read)")
        return self


class GuidanceFile(_Strict):
    """`guidance.yaml`."""

    references: list[GuidanceRef] = Field(min_length=1)


class ResponseStep(_Strict):
    """One step of the plan for a doctor already being contacted."""

    title: str
    detail: str
    guidance: list[str] = Field(default_factory=list)
    links: list[HttpUrl] = Field(default_factory=list)
    jurisdictions: list[Jurisdiction] | None = None
    regions: list[str] | None = (
        None  # GB nation or state code, or "unknown": see response_steps_for
    )


class ResponsePlan(_Strict):
    """`response-plan.yaml`: what to do if a patient is already contacting you."""

    title: str
    question: str = Field(description="The early interview question that turns the plan on.")
    intro: str
    first: str = Field(description="The one thing to do before anything else.")
    steps: list[ResponseStep] = Field(min_length=3)
    reviewed: str

    _reviewed = field_validator("reviewed")(classmethod(lambda cls, v: _check_reviewed(v)))
