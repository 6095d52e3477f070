"""The session store's schema: named migrations, WAL set-up, and small helpers.

Migrations are named functions, applied in order and recorded in `_migrations`; add new ones
at the end of `MIGRATIONS`, never edit an applied one.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from footprint.model.profile import Profile
from footprint.util.paths import data_dir

DEFAULT_RETENTION_DAYS = 90


def _run_script(db: sqlite3.Connection, script: str) -> None:
    # Not executescript(): it commits first, which would break the migration's transaction.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _m001_sessions(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            status TEXT NOT NULL,            -- running | finished
            subject_key TEXT NOT NULL,       -- hash of name + jurisdiction, to find re-audits
            profile_json TEXT NOT NULL,
            adviser TEXT,
            case_ref TEXT,
            options_json TEXT NOT NULL DEFAULT '{}',
            retention_days INTEGER NOT NULL,
            report_json TEXT
        );
        CREATE TABLE answers (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL,
            answer TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (session_id, item_id)
        );
        CREATE TABLE observations (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            lookup_id TEXT NOT NULL,
            json TEXT NOT NULL
        );
        CREATE TABLE consents (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            lookup_id TEXT NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (session_id, lookup_id)
        );
        CREATE TABLE lookup_runs (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            lookup_id TEXT NOT NULL,
            duration_s REAL NOT NULL,
            errors_json TEXT NOT NULL,
            PRIMARY KEY (session_id, lookup_id)
        );
        """,
    )


def _m002_plan(db: sqlite3.Connection) -> None:
    """The living plan: each action's status, kept per doctor (subject_key) across audits.

    Only what a session already holds: finding ids and titles, dates, and short notes (the
    addresses of pages re-checked). Consents given for re-checks are kept so a scheduled
    re-check asks nothing; notices wait to be shown the next time footprint opens.
    """
    _run_script(
        db,
        """
        CREATE TABLE plan_actions (
            subject_key TEXT NOT NULL,
            num INTEGER NOT NULL,            -- the short id the doctor types: stable per doctor
            finding_id TEXT NOT NULL,
            title TEXT NOT NULL,
            status TEXT NOT NULL,
            session_id TEXT,                 -- the latest audit the action was seen in
            sent_on TEXT,                    -- ISO date the request was sent
            reply TEXT,                      -- removed | refused | more-info
            replied_on TEXT,
            note TEXT,                       -- why it cannot be removed, or re-check evidence
            updated_at TEXT NOT NULL,
            PRIMARY KEY (subject_key, finding_id),
            UNIQUE (subject_key, num)
        );
        CREATE TABLE plan_subjects (
            subject_key TEXT PRIMARY KEY,
            session_id TEXT NOT NULL,        -- the audit the plan was last brought up to date with
            updated_at TEXT NOT NULL
        );
        CREATE TABLE plan_consents (
            subject_key TEXT NOT NULL,
            lookup_id TEXT NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (subject_key, lookup_id)
        );
        CREATE TABLE plan_notices (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            text TEXT NOT NULL
        );
        """,
    )


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_m001_sessions, _m002_plan]


def migrate(db: sqlite3.Connection) -> None:
    """Apply the migrations not applied yet, all in one transaction."""
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, at TEXT)")
        done = {row[0] for row in db.execute("SELECT name FROM _migrations")}
        for migration in MIGRATIONS:
            if migration.__name__ not in done:
                migration(db)
                db.execute("INSERT INTO _migrations VALUES (?, ?)", (migration.__name__, utc_now()))
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def enable_wal(db: sqlite3.Connection, patience_s: float = 30.0) -> None:
    """Switch the store to WAL mode, waiting for another process doing the same.

    Two audits started at once both switch a new store to WAL; SQLite then answers "database
    is locked" at once instead of waiting (its busy timeout does not cover this lock), so
    retry with a short back-off until the other process is done.
    """
    deadline = time.monotonic() + patience_s
    delay = 0.005
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.1)


def default_path() -> Path:
    """Where the session store lives (under `FOOTPRINT_HOME` when set)."""
    return data_dir() / "footprint.db"


def subject_key(profile: Profile) -> str:
    """A stable, non-reversible key for "the same doctor", used to find earlier audits."""
    basis = f"{' '.join(profile.name.lower().split())}|{profile.jurisdiction.value}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
