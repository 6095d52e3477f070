"""The SQLite session store: nothing lost, nothing kept longer than needed.

Every answer, observation and consent decision is written the moment it arrives, each in its own
transaction (WAL mode), so a crash loses at most the question being answered. The database lives
in the user data folder (`FOOTPRINT_HOME` overrides it), is created owner-only (0600, folder
0700), and `purge` really deletes: `secure_delete` overwrites freed pages, then VACUUM.
Migrations are named functions recorded in a version table.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

from footprint.errors import (
    FileAccessError,
    SessionMissing,
    SessionPurged,
    StoreDamaged,
    StoreError,
)
from footprint.model.consent import ConsentRecord
from footprint.model.observation import Observation
from footprint.model.profile import Profile
from footprint.model.vocab import Answer
from footprint.store.connection import open_read_only, open_writable, translate
from footprint.store.rows import (  # noqa: F401 - SessionData and SessionSummary re-exported
    DAMAGED,
    SUMMARY_SQL,
    UNFINISHED_SQL,
    PurgeResult,
    SessionData,
    SessionSummary,
    StoredRows,
    UnfinishedSession,
    damaged,
    options_from_json,
    session_data_from_rows,
    session_set_aside,
    summary_from_row,
    summary_or_damaged,
    unfinished_from_row,
)
from footprint.store.schema import (  # noqa: F401 - re-exported
    DEFAULT_RETENTION_DAYS,
    MIGRATIONS,
    default_path,
    enable_wal,
    subject_key,
    utc_now,
)


class Store:
    """The session store. Thread-safe: lookups write observations from worker threads."""

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        """Open the store; `read_only` for commands that only look (works on a read-only disk)."""
        self.path = path or default_path()
        self.read_only = read_only
        self._lock = threading.RLock()
        try:
            self._db = open_read_only(self.path) if read_only else open_writable(self.path)
        except (sqlite3.Error, OSError, FileAccessError) as exc:
            raise translate(exc, self.path, "open") from None

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, under the lock; SQLite failures become StoreErrors."""
        with self._lock:
            try:
                yield self._db
            except sqlite3.Error as exc:
                raise translate(exc, self.path, "read") from None

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                yield self._db
                self._db.execute("COMMIT")
            except BaseException as exc:
                self._rollback()
                if isinstance(exc, sqlite3.Error):
                    raise translate(exc, self.path, "write to") from None
                raise

    def _rollback(self) -> None:
        try:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # a damaged or full database may refuse even this; the original error counts

    @staticmethod
    def _require(db: sqlite3.Connection, session_id: str) -> None:
        """SessionPurged if the session is gone (deleted by a purge while it was open)."""
        if db.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is None:
            raise SessionPurged(session_id)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def create_session(
        self,
        profile: Profile,
        *,
        adviser: str | None = None,
        case_ref: str | None = None,
        options: dict[str, object] | None = None,
        retention_days: int = DEFAULT_RETENTION_DAYS,
    ) -> str:
        """Start a session and return its id."""
        session_id = secrets.token_hex(4)
        now = utc_now()
        with self._tx() as db:
            db.execute(
                "INSERT INTO sessions (id, created_at, updated_at, status, subject_key,"
                " profile_json, adviser, case_ref, options_json, retention_days)"
                " VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    now,
                    now,
                    subject_key(profile),
                    profile.model_dump_json(),
                    adviser,
                    case_ref,
                    json.dumps(options or {}),
                    retention_days,
                ),
            )
        return session_id

    def _touch(self, db: sqlite3.Connection, session_id: str) -> None:
        db.execute("UPDATE sessions SET updated_at = ? WHERE id = ?", (utc_now(), session_id))

    def save_answer(self, session_id: str, item_id: str, answer: Answer) -> None:
        """Keep one answer (replacing an earlier answer to the same item)."""
        with self._tx() as db:
            self._require(db, session_id)
            db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)",
                (session_id, item_id, answer.value, utc_now()),
            )
            self._touch(db, session_id)

    def save_observation(self, session_id: str, obs: Observation) -> None:
        """Keep one observation as it arrives."""
        with self._tx() as db:
            self._require(db, session_id)
            db.execute(
                "INSERT INTO observations (session_id, lookup_id, json) VALUES (?, ?, ?)",
                (session_id, obs.lookup_id, obs.model_dump_json()),
            )

    def save_consent(self, session_id: str, record: ConsentRecord) -> None:
        """Keep one consent decision."""
        with self._tx() as db:
            self._require(db, session_id)
            db.execute(
                "INSERT OR REPLACE INTO consents VALUES (?, ?, ?)",
                (session_id, record.lookup_id, record.model_dump_json()),
            )

    def save_lookup_done(
        self, session_id: str, lookup_id: str, duration_s: float, errors: list[str]
    ) -> None:
        """Mark a lookup finished, so a resumed audit does not run it again."""
        with self._tx() as db:
            self._require(db, session_id)
            db.execute(
                "INSERT OR REPLACE INTO lookup_runs VALUES (?, ?, ?, ?)",
                (session_id, lookup_id, duration_s, json.dumps(errors)),
            )

    def update_options(self, session_id: str, **changes: object) -> None:
        """Merge `changes` into the session's stored options (e.g. accepted findings)."""
        with self._tx() as db:
            self._require(db, session_id)
            row = db.execute(
                "SELECT options_json FROM sessions WHERE id = ?", (session_id,)
            ).fetchone()
            try:
                options = {**options_from_json(row[0]), **changes}
            except (ValueError, TypeError) as exc:
                raise damaged(
                    self.path, f"the stored options of session {session_id}", exc
                ) from None
            db.execute(
                "UPDATE sessions SET options_json = ? WHERE id = ?",
                (json.dumps(options), session_id),
            )
            self._touch(db, session_id)

    def discard_unfinished_observations(self, session_id: str, finished: set[str]) -> None:
        """Drop observations of lookups that did not finish (they will run again)."""
        with self._tx() as db:
            rows = db.execute(
                "SELECT DISTINCT lookup_id FROM observations WHERE session_id = ?", (session_id,)
            ).fetchall()
            for (lookup_id,) in rows:
                if lookup_id not in finished:
                    db.execute(
                        "DELETE FROM observations WHERE session_id = ? AND lookup_id = ?",
                        (session_id, lookup_id),
                    )

    def finish(self, session_id: str, report_json: str, *, complete: bool = True) -> None:
        """Store the report; mark the session finished, or `stopped` (resumable) if not."""
        with self._tx() as db:
            changed = db.execute(
                "UPDATE sessions SET status = ?, report_json = ?, updated_at = ? WHERE id = ?",
                ("finished" if complete else "stopped", report_json, utc_now(), session_id),
            ).rowcount
            if not changed:
                raise SessionPurged(session_id)

    # -- reading -------------------------------------------------------------------------

    def list_sessions(self) -> list[SessionSummary]:
        """Every session, newest first."""
        with self._reading() as db:
            rows = db.execute(SUMMARY_SQL + " ORDER BY s.created_at DESC").fetchall()
        summaries = [summary_or_damaged(r, self.path) for r in rows]
        for summary in summaries:
            if not summary.readable:
                self.set_aside(summary.id)  # never offered again; a purge deletes it
        return summaries

    def latest_unfinished(self, profile: Profile | None = None) -> SessionSummary | None:
        """The newest session that did not finish, to offer `--resume`.

        With a profile, only that doctor's sessions: an adviser starting an audit for one
        member must not be offered (and, by pressing Enter, resume) another member's.
        """
        with self._reading() as db:
            rows = db.execute(
                SUMMARY_SQL + " WHERE s.status IN ('running', 'stopped') AND (? IS NULL OR"
                " s.subject_key = ?) ORDER BY s.created_at DESC LIMIT 1",
                (None, None) if profile is None else (subject_key(profile),) * 2,
            ).fetchall()
        return summary_from_row(rows[0], self.path) if rows else None

    def unfinished_sessions(self, profile: Profile | None = None) -> list[UnfinishedSession]:
        """Sessions that did not finish, newest first, read in one query (no observation is
        read: a session can hold hundreds); with a profile, only that doctor's."""
        key = None if profile is None else subject_key(profile)
        with self._reading() as db:
            rows = db.execute(UNFINISHED_SQL, (key, key)).fetchall()
        readable = (self._unfinished_or_none(row) for row in rows)
        return [session for session in readable if session is not None]

    def _unfinished_or_none(self, row: tuple[object, ...]) -> UnfinishedSession | None:
        try:
            return unfinished_from_row(row, self.path)
        except StoreDamaged:
            # One damaged session must not hide the others or stop a new audit: it is set
            # aside (`footprint sessions list` shows it as damaged), and a new audit goes on.
            self.set_aside(str(row[0]))
            return None

    def set_aside(self, session_id: str) -> None:
        """Mark a session whose data does not read as damaged (kept, never offered again).

        A read-only store cannot be marked: the session is then skipped each time instead.
        """
        if self.read_only:
            return
        try:
            with self._tx() as db:
                db.execute("UPDATE sessions SET status = ? WHERE id = ?", (DAMAGED, session_id))
        except StoreError:
            pass  # a full or locked store: skipped again next time, nothing is lost

    def load(self, session_id: str) -> SessionData:
        """Everything stored for a session; StoreError if there is no such session."""
        with self._reading() as db:
            row = db.execute(SUMMARY_SQL + " WHERE s.id = ?", (session_id,)).fetchone()
            if row is None:
                raise SessionMissing(
                    f"No stored session '{session_id}'.",
                    hint="`footprint sessions list` shows the sessions kept on this computer.",
                )
            extra = db.execute(
                "SELECT profile_json, options_json, report_json FROM sessions WHERE id = ?",
                (session_id,),
            ).fetchone()
            answers = db.execute(
                "SELECT item_id, answer FROM answers WHERE session_id = ?", (session_id,)
            ).fetchall()
            observations = db.execute(
                "SELECT json FROM observations WHERE session_id = ? ORDER BY seq", (session_id,)
            ).fetchall()
            consents = db.execute(
                "SELECT json FROM consents WHERE session_id = ?", (session_id,)
            ).fetchall()
            runs = db.execute(
                "SELECT lookup_id, duration_s, errors_json FROM lookup_runs WHERE session_id = ?",
                (session_id,),
            ).fetchall()
        rows = StoredRows(row, extra, answers, observations, consents, runs)
        try:
            return session_data_from_rows(rows, self.path)
        except StoreDamaged as exc:
            self.set_aside(session_id)
            raise session_set_aside(session_id, exc.__context__ or exc) from None

    def previous_finished(
        self, profile: Profile, before: str | None, skip: Iterable[str] = ()
    ) -> SessionData | None:
        """The newest readable finished audit of the same doctor started before `before`.

        A resumed old session must not call a later audit its "last audit". Without `before`
        (a run that keeps no session), the newest finished audit. A damaged one is set aside
        and the one before it taken, as are the ids in `skip` (the caller found them damaged).
        """
        with self._reading() as db:
            ids = db.execute(
                "SELECT s.id FROM sessions s LEFT JOIN sessions cur ON cur.id = ?"
                " WHERE s.subject_key = ? AND s.status = 'finished' AND s.id != ?"
                " AND (cur.id IS NULL OR s.created_at < cur.created_at"
                "      OR (s.created_at = cur.created_at AND s.rowid < cur.rowid))"
                " ORDER BY s.created_at DESC, s.rowid DESC",
                (before or "", subject_key(profile), before or ""),
            ).fetchall()
        for (session_id,) in ids:
            if session_id in skip:
                continue
            try:
                return self.load(session_id)
            except StoreDamaged:
                continue  # set aside by `load`; an older audit still counts
        return None

    def expired(self, now: datetime | None = None) -> list[SessionSummary]:
        """Sessions past their retention period."""
        now = now or datetime.now(timezone.utc)
        # A session whose dates do not read is not deleted on a guess: a purge removes it.
        return [s for s in self.list_sessions() if s.readable and s.expires_at <= now]

    # -- purging -------------------------------------------------------------------------

    def purge(self, *, older_than_days: int | None = None, everything: bool = False) -> PurgeResult:
        """Really delete sessions: rows go, freed pages are overwritten, the file is vacuumed."""
        if not everything and older_than_days is None:
            raise ValueError("say which sessions to purge")
        cutoff = datetime.now(timezone.utc) - timedelta(days=older_than_days or 0)
        victims = [s.id for s in self.list_sessions() if everything or s.created_at <= cutoff]
        return self.delete(victims)

    def delete(self, session_ids: list[str]) -> PurgeResult:
        """Delete the given sessions and everything in them."""
        answers = observations = 0
        with self._tx() as db:
            for sid in session_ids:
                answers += db.execute("DELETE FROM answers WHERE session_id = ?", (sid,)).rowcount
                observations += db.execute(
                    "DELETE FROM observations WHERE session_id = ?", (sid,)
                ).rowcount
                db.execute("DELETE FROM consents WHERE session_id = ?", (sid,))
                db.execute("DELETE FROM lookup_runs WHERE session_id = ?", (sid,))
                db.execute("DELETE FROM sessions WHERE id = ?", (sid,))
            # A plan outlives one audit, never the last audit of its doctor.
            for table in ("plan_actions", "plan_subjects", "plan_consents"):
                db.execute(
                    f"DELETE FROM {table} WHERE subject_key NOT IN"
                    " (SELECT subject_key FROM sessions)"
                )
        with self._reading() as db:
            # Checkpoint the WAL into the main file and shrink it: no old pages survive.
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            db.execute("VACUUM")
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return PurgeResult(sessions=len(session_ids), answers=answers, observations=observations)
