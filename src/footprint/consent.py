"""Consent: what each lookup sends and to whom, and who agreed to it.

Before any request, each lookup is shown with exactly what it sends and where; the doctor grants
or refuses each one. Every decision is recorded and appears in the report. (Ledger and gate: see
issue 3; the record model is fixed here because the report carries it.)
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class ConsentRecord(BaseModel):
    """One decision about one lookup."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lookup_id: str
    sentence: str = Field(description="Exactly what was shown: what is sent, to whom.")
    destinations: list[str] = Field(description="Hosts the lookup may contact.")
    granted: bool
    granted_by: str = Field(description="Who decided, e.g. 'the doctor' or 'member (verbal)'.")
    asked_by: str | None = Field(default=None, description="Adviser who asked, if any.")
    how: str = Field(description="'interactive prompt', '--consent all', '--consent none', ...")
    at: datetime
