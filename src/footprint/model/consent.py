"""Consent: what each lookup sends and to whom, and who agreed to it.

Before any request, each lookup is shown with exactly what it sends and where; the doctor grants
or refuses each one. Every decision is recorded and appears in the report.

Here: `decide` turns one answer into a `ConsentRecord`, `parse_consent_option` reads
`--consent all|none|ID,ID`, and `ConsentLedger` keeps every decision (the questions themselves
are built from the lookups by `footprint.lookups.consent_questions`). The gate that enforces them sits below every lookup, in `footprint.net.client`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

from pydantic import BaseModel, ConfigDict, Field

from footprint.errors import InputError


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


# -- the consent list --------------------------------------------------------------------------

INTERACTIVE = "interactive prompt"
OFFLINE = "--offline"


@dataclass(frozen=True)
class ConsentQuestion:
    """One lookup to ask about: exactly what it sends and where, built from the profile."""

    lookup_id: str
    title: str
    sentence: str  # the exact detail, as recorded: hashes, servers, replaced addresses
    destinations: tuple[str, ...]
    plain: str = ""  # what is sent and to whom in plain words; `sentence` is its detail

    @property
    def headline(self) -> str:
        """The sentence shown first; the detail sits behind a "details" disclosure."""
        return self.plain or self.sentence


def decide(
    question: ConsentQuestion,
    granted: bool,
    *,
    granted_by: str,
    how: str,
    asked_by: str | None = None,
    at: datetime | None = None,
) -> ConsentRecord:
    """The record of one decision, timestamped now (UTC) unless `at` is given."""
    when = at or datetime.now(timezone.utc)
    if when.tzinfo is None:
        raise ValueError("consent time must be timezone-aware")
    return ConsentRecord(
        lookup_id=question.lookup_id,
        sentence=question.sentence,
        destinations=list(question.destinations),
        granted=granted,
        granted_by=granted_by,
        asked_by=asked_by,
        how=how,
        at=when.astimezone(timezone.utc),
    )


# -- --consent all|none|ID,ID ------------------------------------------------------------------


@dataclass(frozen=True)
class ConsentChoice:
    """A non-interactive answer to every consent question."""

    granted_ids: frozenset[str] | None  # None: all
    how: str

    def grants(self, lookup_id: str) -> bool:
        """Whether this choice grants `lookup_id`."""
        return self.granted_ids is None or lookup_id in self.granted_ids


def parse_consent_option(value: str, valid_ids: Iterable[str]) -> ConsentChoice:
    """Parse `--consent all|none|ID,ID`; an unknown id is an InputError naming it."""
    text = value.strip()
    valid = sorted(set(valid_ids))
    if text.lower() == "all":
        return ConsentChoice(None, "--consent all")
    if text.lower() == "none":
        return ConsentChoice(frozenset(), "--consent none")
    ids = [part.strip() for part in text.split(",") if part.strip()]
    if not ids:
        raise InputError(
            "--consent needs 'all', 'none' or lookup ids separated by commas",
            hint=f"Lookup ids: {', '.join(valid)}.",
        )
    unknown = [i for i in ids if i not in valid]
    if unknown:
        raise InputError(
            f"--consent: unknown lookup id {', '.join(repr(u) for u in unknown)}",
            hint=f"Use 'all', 'none' or any of: {', '.join(valid)} (see `footprint lookups`).",
        )
    return ConsentChoice(frozenset(ids), f"--consent {','.join(sorted(set(ids)))}")


# -- the ledger ----------------------------------------------------------------------------------


class ConsentLedger:
    """Every consent decision of one audit, in the order made; the last decision per lookup wins.

    `granted_by` is who decides ("the doctor", or "the member (verbal)" on an adviser call);
    `asked_by` names the adviser who asked, if any.
    """

    def __init__(self, *, granted_by: str = "the doctor", asked_by: str | None = None) -> None:
        self.granted_by = granted_by
        self.asked_by = asked_by
        self._records: dict[str, ConsentRecord] = {}

    def record(
        self, question: ConsentQuestion, granted: bool, *, how: str, at: datetime | None = None
    ) -> ConsentRecord:
        """Record one decision and return it (the caller stores it)."""
        rec = decide(
            question, granted, granted_by=self.granted_by, asked_by=self.asked_by, how=how, at=at
        )
        self.add(rec)
        return rec

    def add(self, record: ConsentRecord) -> None:
        """Keep a decision made earlier (a resumed session is not asked twice)."""
        self._records.pop(record.lookup_id, None)  # a new decision moves to the end
        self._records[record.lookup_id] = record

    def apply(
        self, questions: Iterable[ConsentQuestion], choice: ConsentChoice
    ) -> list[ConsentRecord]:
        """Decide every question from `--consent` (or `--offline`: refuse all)."""
        return [self.record(q, choice.grants(q.lookup_id), how=choice.how) for q in questions]

    def refuse_all(
        self, questions: Iterable[ConsentQuestion], how: str = OFFLINE
    ) -> list[ConsentRecord]:
        """Refuse every question, e.g. for `--offline`."""
        return [self.record(q, False, how=how) for q in questions]

    def get(self, lookup_id: str) -> ConsentRecord | None:
        """The decision about `lookup_id`, if one was made."""
        return self._records.get(lookup_id)

    def is_granted(self, lookup_id: str) -> bool:
        """True only for an explicit grant; no decision means no."""
        rec = self._records.get(lookup_id)
        return rec is not None and rec.granted

    @property
    def records(self) -> list[ConsentRecord]:
        """Every decision, for the report."""
        return list(self._records.values())

    def granted_ids(self) -> list[str]:
        return [r.lookup_id for r in self._records.values() if r.granted]


def named_target_grant(hosts: Iterable[str], *, at: datetime | None = None) -> ConsentRecord:
    """Consent for `footprint scan`: naming a target on the command line is the consent."""
    destinations = sorted({h.lower() for h in hosts})
    question = ConsentQuestion(
        lookup_id="scan",
        title="Scan the pages you named",
        sentence=f"a request for each page you named, to {', '.join(destinations)}",
        destinations=tuple(destinations),
    )
    return decide(question, True, granted_by="the user", how="named on the command line", at=at)
