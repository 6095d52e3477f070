"""The log's own SQLite file: entries are only ever added; `purge` removes everything for good.

It lives in `<data folder>/log/` (`FOOTPRINT_HOME` overrides the data folder), apart from the
session store, so `sessions purge` and the 90-day audit retention never reach it. The folder is
0700 and every file in it 0600. Each `add` runs in one immediate transaction, so reading the
previous entry's hash and writing the new entry cannot interleave with another `add`. The same
transaction records the head (entry count and final digest) in the `head` table, and `head.json`
beside the database is updated just after, so `verify` can tell a log that shrank or was
replaced (see `footprint.log.head`).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from footprint.log import attachments as files
from footprint.log import head as heads
from footprint.log.chain import GENESIS, VerifyResult, seal, verify
from footprint.log.errors import LogError, NoSuchEntry
from footprint.log.models import Attachment, Entry, EntryFields
from footprint.util.fsio import ensure_private_dir, refuse_unsafe_database
from footprint.util.paths import data_dir

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
"""
COLUMNS = (
    "seq, recorded_at, occurred, channel, place, what, witnesses_json, reported_to, reference,"
    " corrects, reason, attachments_json, prev_hash, content_hash, entry_hash"
)


def default_folder() -> Path:
    """`<data folder>/log`: the database and the `files/` folder of attached copies."""
    return data_dir() / "log"


def utc_now() -> str:
    """Time of entry: UTC to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class LogStore:
    """The contact log on disk."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or default_folder()
        ensure_private_dir(self.folder)  # the data folder too, when this is the first thing in it
        self.files = self.folder / "files"
        self.path = self.folder / "contact-log.db"
        refuse_unsafe_database(self.path, "the contact log")  # SQLite and chmod follow links
        if not self.path.exists():
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))
        os.chmod(self.path, 0o600)
        try:
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            # A damaged byte must not stop `verify` from naming the entry: decode what is there.
            self._db.text_factory = _lenient_text
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA secure_delete=ON")
            had_head = self._has_table("head")
            self._db.executescript(SCHEMA)
            if not had_head:
                self._record_existing_head()
        except sqlite3.DatabaseError as exc:
            raise LogError(
                f"{self.path}: the contact log cannot be opened ({exc}).",
                hint="Keep a copy of the file and ask for help; do not delete it.",
            ) from None
        self._private_side_files()

    def _has_table(self, name: str) -> bool:
        query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return self._db.execute(query, (name,)).fetchone() is not None

    def _record_existing_head(self) -> None:
        """A log written before the head was recorded: record its head as it is now."""
        with self._tx() as db:
            row = db.execute(
                "SELECT seq, entry_hash FROM entries ORDER BY seq DESC LIMIT 1"
            ).fetchone()
            if row is not None:
                db.execute("INSERT OR REPLACE INTO head VALUES (1, ?, ?)", (row[0], row[1]))
        if row is not None and heads.read_file(self.folder) is None:
            heads.write_file(self.folder, row[0], row[1])

    def _private_side_files(self) -> None:
        for suffix in ("-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                os.chmod(side, 0o600)

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def __enter__(self) -> LogStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    # -- writing ---------------------------------------------------------------------------

    def add(self, fields: EntryFields, paths: list[Path] | None = None) -> Entry:
        """Copy the files in, then write the entry chained to the last one."""
        kept: list[Attachment] = [files.copy_in(p, self.files) for p in paths or []]
        recorded = heads.read_file(self.folder)
        with self._tx() as db:
            # A head file the entries no longer agree with is evidence: it stays as it is.
            keeps_up = recorded is None or self._has_head(db, recorded)
            row = db.execute(
                "SELECT seq, entry_hash FROM entries ORDER BY seq DESC LIMIT 1"
            ).fetchone()
            seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
            if fields.corrects is not None and fields.corrects >= seq:
                raise NoSuchEntry(fields.corrects, seq - 1)
            entry = seal(fields, seq=seq, recorded_at=utc_now(), attachments=kept, prev_hash=prev)
            db.execute(
                f"INSERT INTO entries ({COLUMNS}) VALUES ({', '.join('?' * 15)})", _row(entry)
            )
            db.execute(
                "INSERT OR REPLACE INTO head VALUES (1, ?, ?)", (entry.seq, entry.entry_hash)
            )
        if keeps_up:
            heads.write_file(self.folder, entry.seq, entry.entry_hash)
        self._private_side_files()
        return entry

    @staticmethod
    def _has_head(db: sqlite3.Connection, head: heads.Head) -> bool:
        """True when the stored entries still end where `head` says the log once ended."""
        if head.damaged:
            return False
        if head.entries == 0:
            return head.digest == GENESIS
        query = "SELECT entry_hash FROM entries WHERE seq = ?"
        row = db.execute(query, (head.entries,)).fetchone()
        return row is not None and row[0] == head.digest

    # -- reading ---------------------------------------------------------------------------

    def count(self) -> int:
        """How many entries the log holds."""
        return int(self._db.execute("SELECT COUNT(*) FROM entries").fetchone()[0])

    def records(self) -> Iterator[dict[str, Any]]:
        """Every entry as stored, unchecked, in the order written (for `verify`)."""
        for row in self._db.execute(f"SELECT {COLUMNS} FROM entries ORDER BY seq"):
            yield _record(row)

    def entries(self) -> list[Entry]:
        """Every entry, in the order written; LogError if one cannot be read."""
        return [self._entry(r) for r in self.records()]

    def get(self, seq: int) -> Entry:
        """Entry `seq`; NoSuchEntry if there is none."""
        row = self._db.execute(f"SELECT {COLUMNS} FROM entries WHERE seq = ?", (seq,)).fetchone()
        if row is None:
            raise NoSuchEntry(seq, self.count())
        return self._entry(_record(row))

    def _entry(self, record: dict[str, Any]) -> Entry:
        try:
            return Entry.model_validate(record)
        except ValueError:
            raise LogError(
                f"Entry {record.get('seq')} in {self.path} cannot be read: it has been damaged.",
                hint="Run `footprint log verify` to see which entry no longer matches.",
            ) from None

    def attachment_path(self, attachment: Attachment) -> Path:
        """Where the copy of an attached file is kept."""
        return self.files / attachment.stored_name

    def verify(self) -> VerifyResult:
        """Recompute the chain and every kept file's hash, then compare the recorded head."""
        file_head = heads.read_file(self.folder)
        mark = file_head.entries if file_head is not None else 0
        try:
            result = verify(self.records(), files.checker(self.files), mark=mark)
            row = self._db.execute("SELECT entries, digest FROM head WHERE id = 1").fetchone()
        except sqlite3.DatabaseError as exc:
            raise LogError(
                f"{self.path}: the log file itself is damaged ({exc}), so its entries cannot be checked one by one.",
                hint="Keep the file as it is and use your last export (`footprint log verify FILE`).",
            ) from None
        if result.problem is not None:
            return result
        table = heads.Head(int(row[0]), str(row[1])) if row is not None else None
        problem = heads.problem(result, table, file_head)
        return VerifyResult(
            result.entries, result.files_checked, result.files_not_checked, result.head, problem
        )

    # -- purging ---------------------------------------------------------------------------

    def purge(self) -> tuple[int, int]:
        """Delete every entry and kept file for good; returns (entries, files) removed."""
        count = self.count()
        with self._tx() as db:
            db.execute("DELETE FROM entries")
            db.execute("DELETE FROM head")
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.execute("VACUUM")
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.close()
        removed = 0
        if self.files.exists():
            for path in sorted(self.files.iterdir()):
                files.wipe(path)
                removed += 1
            self.files.rmdir()
        for path in (
            self.path,
            self.folder / heads.HEAD_FILE,
            *(self.path.with_name(self.path.name + s) for s in ("-wal", "-shm")),
        ):
            if path.exists():
                files.wipe(path)
        return count, removed


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _row(entry: Entry) -> tuple[object, ...]:
    return (
        entry.seq,
        entry.recorded_at,
        entry.when,
        entry.channel.value,
        entry.where,
        entry.what,
        json.dumps(entry.witnesses, ensure_ascii=False),
        entry.reported_to,
        entry.reference,
        entry.corrects,
        entry.reason,
        json.dumps([a.model_dump(mode="json") for a in entry.attachments], ensure_ascii=False),
        entry.prev_hash,
        entry.content_hash,
        entry.entry_hash,
    )


def _record(row: tuple[Any, ...]) -> dict[str, Any]:
    """A stored row as the entry's fields; damaged JSON columns are passed on for `verify`."""
    names = [c.strip() for c in COLUMNS.split(",")]
    record = dict(zip(names, row, strict=True))
    record["when"] = record.pop("occurred")
    record["where"] = record.pop("place")
    for column, field in (("witnesses_json", "witnesses"), ("attachments_json", "attachments")):
        raw = record.pop(column)
        try:
            record[field] = json.loads(raw)
        except (TypeError, ValueError):
            record[field] = raw  # not a list: validation names this field
    return record
