"""The session store's rows as Python objects; a row that does not read is a damaged store."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from footprint.content.renames import current_answers, current_id
from footprint.errors import SessionDamaged, StoreDamaged
from footprint.model.consent import ConsentRecord
from footprint.model.observation import Observation
from footprint.model.profile import Profile
from footprint.model.vocab import Answer
from footprint.store.connection import DAMAGED_HINT

SUMMARY_SQL = (
    "SELECT s.id, s.created_at, s.updated_at, s.status, s.adviser, s.case_ref,"
    " s.retention_days,"
    " (SELECT COUNT(*) FROM answers a WHERE a.session_id = s.id),"
    " (SELECT COUNT(*) FROM observations o WHERE o.session_id = s.id)"
    " FROM sessions s"
)

#: What a list of unfinished audits needs, one row per session: no observation is read (a
#: session can hold hundreds), and answers only as their item ids (a JSON array).
UNFINISHED_SQL = (
    "SELECT s.id, s.created_at, s.adviser, s.case_ref, s.profile_json, s.options_json,"
    " (SELECT json_group_array(a.item_id) FROM answers a WHERE a.session_id = s.id)"
    " FROM sessions s WHERE s.status IN ('running', 'stopped') AND (? IS NULL OR s.subject_key = ?)"
    " ORDER BY s.created_at DESC, s.rowid DESC"
)


@dataclass(frozen=True)
class SessionSummary:
    """One row of `footprint sessions list`."""

    id: str
    created_at: datetime
    updated_at: datetime
    status: str
    adviser: str | None
    case_ref: str | None
    retention_days: int
    answers: int
    observations: int
    readable: bool = True  # False: the row itself is damaged (dates unknown, never expires)

    @property
    def expires_at(self) -> datetime:
        """When retention says this session should go."""
        return self.created_at + timedelta(days=self.retention_days)


@dataclass(frozen=True)
class SessionData:
    """Everything stored for one session."""

    summary: SessionSummary
    profile: Profile
    options: dict[str, object]
    answers: dict[str, Answer]
    observations: list[Observation]
    consents: list[ConsentRecord]
    finished_lookups: dict[str, tuple[float, list[str]]]
    report_json: str | None


@dataclass(frozen=True)
class UnfinishedSession:
    """What a list of unfinished audits shows of one session (`UNFINISHED_SQL`)."""

    id: str
    created_at: datetime
    adviser: str | None
    case_ref: str | None
    profile: Profile
    options: dict[str, object]
    answered_ids: frozenset[str]  # today's item ids (old ones carried over), any question


@dataclass(frozen=True)
class PurgeResult:
    """What `purge` removed."""

    sessions: int
    answers: int
    observations: int


@dataclass(frozen=True)
class StoredRows:
    """The raw rows of one session, as `Store.load` reads them."""

    summary: tuple[object, ...]
    extra: tuple[str, str, str | None]
    answers: list[tuple[str, str]]
    observations: list[tuple[str]]
    consents: list[tuple[str]]
    runs: list[tuple[str, float, str]]


#: The status of a session whose stored data does not read: it is set aside, not deleted (its
#: answers may still be recovered by hand), never offered for resuming or as the last audit.
DAMAGED = "damaged"


def damaged(path: Path, what: str, exc: Exception) -> StoreDamaged:
    # The exception type only: a message could quote stored personal data.
    return StoreDamaged(f"{path}: {what} is damaged ({type(exc).__name__}).", hint=DAMAGED_HINT)


def session_set_aside(session_id: str, exc: BaseException) -> SessionDamaged:
    """The error for one damaged session: named, never quoting what is stored in it."""
    return SessionDamaged(
        f"Session {session_id} cannot be read: its stored data is damaged "
        f"({type(exc).__name__}). It is set aside: new audits go on without it.",
        hint="Start a new audit. `footprint sessions list` shows it as damaged; "
        "`footprint sessions purge` deletes it with the others.",
    )


#: Shown for the dates of a session whose summary row is damaged.
UNKNOWN_DATE = datetime(1970, 1, 1, tzinfo=timezone.utc)


def summary_from_row(row: tuple[object, ...], path: Path) -> SessionSummary:
    """A `SUMMARY_SQL` row as a SessionSummary (StoreDamaged if it does not read)."""
    try:
        return SessionSummary(
            id=str(row[0]),
            created_at=datetime.fromisoformat(str(row[1])),
            updated_at=datetime.fromisoformat(str(row[2])),
            status=str(row[3]),
            adviser=row[4] if isinstance(row[4], str) else None,
            case_ref=row[5] if isinstance(row[5], str) else None,
            retention_days=int(str(row[6])),
            answers=int(str(row[7])),
            observations=int(str(row[8])),
        )
    except (ValueError, TypeError, IndexError) as exc:
        raise damaged(path, "a stored session's summary", exc) from None


def summary_or_damaged(row: tuple[object, ...], path: Path) -> SessionSummary:
    """A `SUMMARY_SQL` row as a SessionSummary; one that does not read is listed as damaged
    (dates unknown) instead of hiding every other session."""
    try:
        return summary_from_row(row, path)
    except StoreDamaged:
        return SessionSummary(
            id=str(row[0]),
            created_at=UNKNOWN_DATE,
            updated_at=UNKNOWN_DATE,
            status=DAMAGED,
            adviser=None,
            case_ref=None,
            retention_days=0,
            answers=0,
            observations=0,
            readable=False,
        )


def options_from_json(raw: str) -> dict[str, object]:
    """A session's stored options; anything but a JSON object is damage (ValueError)."""
    options = json.loads(raw)
    if not isinstance(options, dict):
        raise ValueError("the stored options are not a JSON object")
    return options


def unfinished_from_row(row: tuple[object, ...], path: Path) -> UnfinishedSession:
    """An `UNFINISHED_SQL` row, validated (StoreDamaged if it does not read)."""
    try:
        item_ids = json.loads(str(row[6]))
        if not isinstance(item_ids, list):
            raise ValueError("the answered items are not a list")
        return UnfinishedSession(
            id=str(row[0]),
            created_at=datetime.fromisoformat(str(row[1])),
            adviser=row[2] if isinstance(row[2], str) else None,
            case_ref=row[3] if isinstance(row[3], str) else None,
            profile=Profile.model_validate_json(str(row[4])),
            options=options_from_json(str(row[5])),
            answered_ids=frozenset(current_id(str(i)) for i in item_ids),
        )
    except (ValueError, TypeError, IndexError) as exc:
        raise damaged(path, "a stored session", exc) from None


def session_data_from_rows(rows: StoredRows, path: Path) -> SessionData:
    """Everything stored for one session, validated."""
    summary = summary_from_row(rows.summary, path)
    try:
        return SessionData(
            summary=summary,
            profile=Profile.model_validate_json(rows.extra[0]),
            options=options_from_json(rows.extra[1]),
            # Sessions stored before items were merged name old ids: carry them over.
            answers=current_answers({item: Answer(value) for item, value in rows.answers}),
            observations=[Observation.model_validate_json(r[0]) for r in rows.observations],
            consents=[ConsentRecord.model_validate_json(r[0]) for r in rows.consents],
            finished_lookups={r[0]: (float(r[1]), json.loads(r[2])) for r in rows.runs},
            report_json=rows.extra[2],
        )
    except (ValueError, TypeError) as exc:  # pydantic's ValidationError is a ValueError
        raise damaged(path, f"the stored data of session {summary.id}", exc) from None
