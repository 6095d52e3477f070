"""The living plan's rows: each action's status per doctor, re-check consents and notices.

Kept in the session store (same file, same owner-only permissions, same transactions), keyed by
the doctor's `subject_key`, so statuses carry over from one audit of the same doctor to the next.
The plan's rules (what a re-audit changes, deadlines) live in `footprint.plan`; this module only
reads and writes rows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from footprint.model.consent import ConsentRecord
from footprint.store.schema import utc_now
from footprint.store.sessions import Store


@dataclass(frozen=True)
class ActionRow:
    """One stored action of a doctor's plan."""

    num: int
    finding_id: str
    title: str
    status: str
    session_id: str | None = None
    sent_on: date | None = None
    reply: str | None = None
    replied_on: date | None = None
    note: str | None = None

    def but(self, **changes: object) -> ActionRow:
        """A copy with `changes` applied."""
        return replace(self, **changes)  # type: ignore[arg-type]


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


_COLUMNS = "num, finding_id, title, status, session_id, sent_on, reply, replied_on, note"


class PlanStore:
    """The plan's tables in a session store (use the store's own lock and transactions)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def actions(self, subject: str) -> list[ActionRow]:
        """Every stored action of one doctor, by number."""
        with self.store._reading() as db:
            rows = db.execute(
                f"SELECT {_COLUMNS} FROM plan_actions WHERE subject_key = ? ORDER BY num",
                (subject,),
            ).fetchall()
        return [
            ActionRow(r[0], r[1], r[2], r[3], r[4], _day(r[5]), r[6], _day(r[7]), r[8])
            for r in rows
        ]

    def save(self, subject: str, rows: list[ActionRow], session_id: str | None = None) -> None:
        """Insert or replace `rows`; with `session_id`, the plan is up to date with that audit."""
        now = utc_now()
        with self.store._tx() as db:
            for row in rows:
                db.execute(
                    f"INSERT OR REPLACE INTO plan_actions (subject_key, {_COLUMNS}, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        subject,
                        row.num,
                        row.finding_id,
                        row.title,
                        row.status,
                        row.session_id,
                        _iso(row.sent_on),
                        row.reply,
                        _iso(row.replied_on),
                        row.note,
                        now,
                    ),
                )
            if session_id is not None:
                db.execute(
                    "INSERT OR REPLACE INTO plan_subjects VALUES (?, ?, ?)",
                    (subject, session_id, now),
                )

    def merged_session(self, subject: str) -> str | None:
        """The audit this doctor's plan was last brought up to date with."""
        with self.store._reading() as db:
            row = db.execute(
                "SELECT session_id FROM plan_subjects WHERE subject_key = ?", (subject,)
            ).fetchone()
        return str(row[0]) if row else None

    def latest_finished(self) -> str | None:
        """The newest finished audit (the later one of two started in the same second)."""
        with self.store._reading() as db:
            row = db.execute(
                "SELECT id FROM sessions WHERE status = 'finished'"
                " ORDER BY created_at DESC, rowid DESC LIMIT 1"
            ).fetchone()
        return str(row[0]) if row else None

    def started_later(self, session_id: str, other: str) -> bool:
        """Whether `session_id` started after `other` (True when `other` is gone)."""
        with self.store._reading() as db:
            row = db.execute(
                "SELECT (a.created_at, a.rowid) > (b.created_at, b.rowid) FROM sessions a"
                " JOIN sessions b ON b.id = ? WHERE a.id = ?",
                (other, session_id),
            ).fetchone()
        return row is None or bool(row[0])

    def subjects(self) -> list[tuple[str, str]]:
        """(subject_key, latest merged session id) of every doctor with a plan, newest first."""
        with self.store._reading() as db:
            rows = db.execute(
                "SELECT subject_key, session_id FROM plan_subjects ORDER BY updated_at DESC"
            ).fetchall()
        return [(str(r[0]), str(r[1])) for r in rows]

    # -- consents given for re-checks (a scheduled re-check asks nothing) ------------------------

    def consents(self, subject: str) -> list[ConsentRecord]:
        """The re-check consents this doctor gave."""
        with self.store._reading() as db:
            rows = db.execute(
                "SELECT json FROM plan_consents WHERE subject_key = ?", (subject,)
            ).fetchall()
        return [ConsentRecord.model_validate_json(r[0]) for r in rows]

    def save_consent(self, subject: str, record: ConsentRecord) -> None:
        """Keep one re-check consent decision (the latest per lookup)."""
        with self.store._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO plan_consents VALUES (?, ?, ?)",
                (subject, record.lookup_id, record.model_dump_json()),
            )

    # -- notices for the next time footprint opens -----------------------------------------------

    def add_notice(self, text: str) -> None:
        """Keep a notice (no personal details: it is shown before anyone is asked who they are)."""
        with self.store._tx() as db:
            db.execute("INSERT INTO plan_notices (at, text) VALUES (?, ?)", (utc_now(), text))

    def take_notices(self) -> list[str]:
        """The waiting notices, oldest first; they are deleted as they are read."""
        with self.store._tx() as db:
            rows = db.execute("SELECT text FROM plan_notices ORDER BY seq").fetchall()
            db.execute("DELETE FROM plan_notices")
        return [str(r[0]) for r in rows]
