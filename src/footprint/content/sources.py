"""Where a checklist claim comes from, and how old that is.

A claim is only as fresh as the page it was checked against. Each item lists its `sources`: the
page, the page's own date ("undated" when the page shows none) and the month the claim was
checked against it. The item's `reviewed` month must be the latest of those checks, so no item
can claim a review it never had. A claim whose sources are all more than three years old, or all
undated, is shown to the doctor as "last confirmed YEAR" rather than passed off as current.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

UNDATED = "undated"
#: A source older than this many years no longer vouches for a claim on its own.
STALE_AFTER_YEARS = 3
_MONTH = re.compile(r"^(20\d\d)-(0[1-9]|1[0-2])$")
_SOURCE_DATE = re.compile(r"^(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def check_month(value: str) -> str:
    """`value` if it is a month written YYYY-MM."""
    if not _MONTH.match(value):
        raise ValueError("must be a month written YYYY-MM, e.g. 2026-11")
    return value


def check_source_date(value: str) -> str:
    """`value` if it is YYYY, YYYY-MM, YYYY-MM-DD or 'undated'."""
    if value != UNDATED and not _SOURCE_DATE.match(value):
        raise ValueError("must be YYYY, YYYY-MM or YYYY-MM-DD, or 'undated'")
    return value


def _yaml_text(value: object) -> object:
    # YAML reads a bare 2025-03-01 as a date; the author meant the text.
    return value.isoformat() if isinstance(value, date) else value


class Source(BaseModel):
    """One page a claim was checked against."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    url: HttpUrl
    title: str | None = Field(default=None, description="The page's own title.")
    date: str = Field(
        description="The page's own date (published or last updated): YYYY, YYYY-MM or "
        "YYYY-MM-DD, or 'undated' when the page shows none."
    )
    checked: str = Field(description="Month the claim was checked against this page, YYYY-MM.")

    @field_validator("date", "checked", mode="before")
    @classmethod
    def _as_text(cls, value: object) -> object:
        return _yaml_text(value)

    @field_validator("date")
    @classmethod
    def _date_shape(cls, value: str) -> str:
        return check_source_date(value)

    @field_validator("checked")
    @classmethod
    def _checked_shape(cls, value: str) -> str:
        return check_month(value)

    @property
    def year(self) -> int | None:
        """The year of the page's own date, or None when undated."""
        return None if self.date == UNDATED else int(self.date[:4])


def latest_check(sources: Sequence[Source]) -> str | None:
    """The latest month any source was checked (None without sources)."""
    return max((s.checked for s in sources), default=None)


def newest_source_year(sources: Sequence[Source]) -> int | None:
    """The year of the most recent dated source (None when all are undated or none exist)."""
    return max((y for s in sources if (y := s.year) is not None), default=None)


def last_confirmed_year(sources: Sequence[Source], today: date | None = None) -> int | None:
    """The year to show as "last confirmed" when the newest source is too old to vouch for the
    claim today: the year of that newest dated source.

    None while a source is dated within STALE_AFTER_YEARS of `today`, and None when every
    source is undated: their age is unknown, so the report says nothing it cannot back
    (`footprint checklist review` lists them first for the next review).
    """
    newest = newest_source_year(sources)
    if newest is None:
        return None
    today = today or date.today()
    return None if today.year - newest <= STALE_AFTER_YEARS else newest
