"""Opening the log's SQLite file: for writing, or for reading only (read-only media too).

A log file of 0 bytes is reported, never read or written as a new, empty log: it is what is
left of a log that was emptied or damaged, and it stays as it is. Reading opens the file
read-only, and, when the folder cannot be written to (a CD, a write-protected USB stick, a
read-only mount), as an unchanging file, so `list`, `verify` and `export` work from a copy the
police were handed. Every SQLite error while reading is reported as the log file's, by path, so
a damaged page is never blamed on the session store.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from footprint.log.errors import LogError

SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    seq INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    occurred TEXT NOT NULL,
    channel TEXT NOT NULL,
    place TEXT NOT NULL,
    what TEXT NOT NULL,
    witnesses_json TEXT NOT NULL,
    reported_to TEXT NOT NULL,
    reference TEXT NOT NULL,
    corrects INTEGER,
    reason TEXT NOT NULL,
    attachments_json TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    entry_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    entries INTEGER NOT NULL,
    digest TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS notes (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS timestamps (
    id INTEGER PRIMARY KEY,
    entries INTEGER NOT NULL,
    digest TEXT NOT NULL,
    service TEXT NOT NULL,
    token BLOB NOT NULL,
    received_at TEXT NOT NULL
);
"""

KEEP_HINT = "Keep the file as it is and use your last export (`footprint log verify FILE`)."


def refuse_empty_file(path: Path) -> None:
    """LogError for a log file of 0 bytes: never read or used as a new, empty log."""
    if path.is_file() and path.stat().st_size == 0:
        raise LogError(
            f"{path}: the contact log file is empty (0 bytes). It has been emptied or damaged, "
            "so it is not read as an empty log, and nothing was added to it.",
            hint=KEEP_HINT + " Move the empty file aside only if you want to start a new log.",
        )


def open_for_writing(path: Path) -> sqlite3.Connection:
    """The log file, created owner-only if it is not there, with its tables."""
    refuse_empty_file(path)
    try:
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        os.chmod(path, 0o600)
    except OSError as exc:
        if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise
        raise _read_only(path) from None
    with reporting(path):
        db = sqlite3.connect(path, timeout=30, isolation_level=None)
        db.text_factory = _lenient_text
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA secure_delete=ON")
        db.executescript(SCHEMA)
    return db


def open_for_reading(path: Path) -> sqlite3.Connection:
    """The log file opened read-only; as an unchanging file when its folder is read-only."""
    refuse_empty_file(path)
    uri = path.resolve().as_uri()
    with reporting(path):
        try:
            db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            if "unable to open" not in str(exc) and "readonly" not in str(exc):
                raise
            # A WAL file on a read-only disk cannot make its shared-memory file: nothing can be
            # writing to a read-only disk, so read it as an unchanging file.
            db = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
        db.text_factory = _lenient_text
        db.execute("PRAGMA busy_timeout=30000")
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    return db


@contextmanager
def reporting(path: Path) -> Iterator[None]:
    """Any SQLite error inside becomes a LogError naming the log file."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        if "readonly" in str(exc) or "read-only" in str(exc):
            raise _read_only(path) from None
        raise LogError(
            f"{path}: the contact log file is damaged ({exc}), so its entries cannot be "
            "checked one by one.",
            hint=KEEP_HINT,
        ) from None


def _read_only(path: Path) -> LogError:
    return LogError(
        f"{path}: the contact log cannot be written here: it is on a read-only disk or in a "
        "folder you cannot write to. Nothing was changed.",
        hint="`footprint log list`, `verify` and `export` still work from it.",
    )


def _lenient_text(data: bytes) -> str:
    # A damaged byte must not stop `verify` from naming the entry: decode what is there.
    return data.decode("utf-8", errors="replace")
