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

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from footprint.log import attachments as files
from footprint.log import head as heads
from footprint.log.chain import GENESIS, VerifyResult, seal, verify
from footprint.log.errors import LogError, NoSuchEntry
from footprint.log.models import Attachment, Entry, EntryFields
from footprint.log.opening import SCHEMA, open_for_reading, open_for_writing, reporting
from footprint.log.rows import COLUMNS, entry_or_none, has_head, json_safe, record_of, row_of
from footprint.util.fsio import ensure_private_dir
from footprint.util.paths import data_dir

if TYPE_CHECKING:
    from footprint.log.timestamp import StoredStamp

__all__ = ["COLUMNS", "SCHEMA", "LogStore", "default_folder", "utc_now"]
HEAD_REBUILT = "head_rebuilt"  # notes: when the head table was found missing and started again


def default_folder() -> Path:
    """`<data folder>/log`: the database and the `files/` folder of attached copies."""
    return data_dir() / "log"


def utc_now() -> str:
    """Time of entry: UTC to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class LogStore:
    """The contact log on disk.

    `read_only`: open nothing for writing and create nothing (`list`, `show`, `verify`,
    `export`), so a log on read-only media can be read, and a missing log file is reported
    as missing rather than made again.
    """

    def __init__(self, folder: Path | None = None, *, read_only: bool = False) -> None:
        self.folder = folder or default_folder()
        self.files = self.folder / "files"
        self.path = self.folder / "contact-log.db"
        self.read_only = read_only
        files.remove_partial_copies(self.files)  # left by a copy that was killed half-way
        self._db: sqlite3.Connection | None
        if read_only:
            self._db = open_for_reading(self.path) if self.path.exists() else None
        else:
            ensure_private_dir(self.folder)  # the data folder too, when this is the first thing
            self._db = open_for_writing(self.path)
            self._private_side_files()
            self._adopt_outside_record()

    def _adopt_outside_record(self) -> None:
        """A log kept before the record outside its folder existed: copy `head.json` there.

        Only when there is no outside record at all; one that disagrees is evidence and stays.
        """
        outside = heads.anchor_path(self.folder)
        beside = heads.read_file(self.folder)
        if beside is not None and not beside.damaged and not outside.exists():
            heads.write_at(outside, beside.entries, beside.digest)

    @property
    def missing(self) -> bool:
        """True when there is no log file although the head records say a log was kept."""
        return self._db is None and self.head_records().any

    @property
    def db(self) -> sqlite3.Connection:
        """The open database; LogError when the log file is missing."""
        if self._db is None:
            raise LogError(
                heads.missing_log(self.head_records(), self.path).sentence() + ".",
                hint="If you moved it, put it back. Your last export and receipts still show "
                "what it held (`footprint log verify FILE`).",
            )
        return self._db

    def _private_side_files(self) -> None:
        for suffix in ("-wal", "-shm"):
            side = self.path.with_name(self.path.name + suffix)
            if side.exists():
                os.chmod(side, 0o600)

    def close(self) -> None:
        """Close the database."""
        if self._db is not None:
            self._db.close()

    def __enter__(self) -> LogStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        db = self.db
        with reporting(self.path):
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    # -- writing ---------------------------------------------------------------------------

    def add(self, fields: EntryFields, paths: list[Path] | None = None) -> Entry:
        """Copy the files in, then write the entry chained to the last one.

        A damaged log still takes the entry (evidence must not be lost); the caller checks
        the log afterwards and warns.
        """
        kept: list[Attachment] = [files.copy_in(p, self.files) for p in paths or []]
        recorded = {path: heads.read_at(path) for path in heads.head_files(self.folder).values()}
        with self._tx() as db:
            # A head record the entries no longer agree with is evidence: it stays as it is.
            keeps_up = [p for p, head in recorded.items() if head is None or has_head(db, head)]
            row = db.execute(
                "SELECT seq, entry_hash FROM entries ORDER BY seq DESC LIMIT 1"
            ).fetchone()
            seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
            if fields.corrects is not None and fields.corrects >= seq:
                raise NoSuchEntry(fields.corrects, seq - 1)
            if row is not None and db.execute("SELECT 1 FROM head").fetchone() is None:
                note = "INSERT OR IGNORE INTO notes VALUES (?, ?)"
                db.execute(note, (HEAD_REBUILT, utc_now()))
            entry = seal(fields, seq=seq, recorded_at=utc_now(), attachments=kept, prev_hash=prev)
            db.execute(
                f"INSERT INTO entries ({COLUMNS}) VALUES ({', '.join('?' * 15)})", row_of(entry)
            )
            db.execute(
                "INSERT OR REPLACE INTO head VALUES (1, ?, ?)", (entry.seq, entry.entry_hash)
            )
        for path in keeps_up:
            heads.write_at(path, entry.seq, entry.entry_hash)
        self._private_side_files()
        return entry

    # -- reading ---------------------------------------------------------------------------

    def count(self) -> int:
        """How many entries the log holds."""
        if self._db is None and not self.missing:
            return 0
        with reporting(self.path):
            return int(self.db.execute("SELECT COUNT(*) FROM entries").fetchone()[0])

    def records(self) -> Iterator[dict[str, Any]]:
        """Every entry as stored, unchecked, in the order written (for `verify`)."""
        if self._db is None and not self.missing:
            return  # no log has been started here
        with reporting(self.path):
            for row in self.db.execute(f"SELECT {COLUMNS} FROM entries ORDER BY seq"):
                yield record_of(row)

    def entries(self) -> list[Entry]:
        """Every entry, in the order written; LogError if one cannot be read."""
        return [self._entry(r) for r in self.records()]

    def split_records(self) -> tuple[list[Entry], list[dict[str, Any]]]:
        """The entries that can still be read, and the rows that cannot, as found."""
        kept: list[Entry] = []
        unreadable: list[dict[str, Any]] = []
        for record in self.records():
            entry = entry_or_none(record)
            if entry is not None:
                kept.append(entry)
            else:
                unreadable.append({k: json_safe(v) for k, v in record.items()})
        return kept, unreadable

    def readable_entries(self) -> list[Entry]:
        """Every entry that can still be read, skipping damaged ones (listing a damaged log)."""
        return self.split_records()[0]

    def get(self, seq: int) -> Entry:
        """Entry `seq`; NoSuchEntry if there is none."""
        if self._db is None and not self.missing:
            raise NoSuchEntry(seq, 0)
        with reporting(self.path):
            query = f"SELECT {COLUMNS} FROM entries WHERE seq = ?"
            row = self.db.execute(query, (seq,)).fetchone()
        if row is None:
            raise NoSuchEntry(seq, self.count())
        return self._entry(record_of(row))

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

    def head_records(self) -> heads.Records:
        """Every record of the head: the table (if the log file is there) and both files."""
        found = {name: heads.read_at(path) for name, path in heads.head_files(self.folder).items()}
        table, rebuilt = None, None
        if self._db is not None:
            with reporting(self.path):
                if self._has_table("head"):
                    row = self._db.execute("SELECT entries, digest FROM head").fetchone()
                    table = heads.Head(int(row[0]), str(row[1])) if row is not None else None
                if self._has_table("notes"):
                    query = "SELECT value FROM notes WHERE name = ?"
                    note = self._db.execute(query, (HEAD_REBUILT,)).fetchone()
                    rebuilt = str(note[0]) if note is not None else None
        return heads.Records(table, found, rebuilt)

    def _has_table(self, name: str) -> bool:
        query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return self.db.execute(query, (name,)).fetchone() is not None

    def verify(self) -> VerifyResult:
        """Recompute the chain and every kept file's hash, then compare the recorded head."""
        records = self.head_records()
        if self._db is None and records.any:
            return VerifyResult(0, 0, 0, GENESIS, heads.missing_log(records, self.path))
        result = verify(self.records(), files.checker(self.files))
        if result.problem is not None:
            return result
        return result.with_problem(heads.problem(result, records))

    # -- trusted timestamps ---------------------------------------------------------------

    def add_timestamp(self, stamp: StoredStamp) -> None:
        """Keep a timestamp token with the log (tokens are only ever added)."""
        with self._tx() as db:
            db.execute(
                "INSERT INTO timestamps (entries, digest, service, token, received_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (stamp.entries, stamp.digest, stamp.service, stamp.token, stamp.received_at),
            )

    def timestamps(self) -> list[StoredStamp]:
        """Every timestamp kept with the log, oldest first."""
        from footprint.log.timestamp import StoredStamp

        if self._db is None or not self._has_table("timestamps"):
            return []
        query = "SELECT entries, digest, service, token, received_at FROM timestamps ORDER BY id"
        with reporting(self.path):
            rows = self._db.execute(query).fetchall()
        return [StoredStamp(int(r[0]), str(r[1]), str(r[2]), bytes(r[3]), str(r[4])) for r in rows]

    # -- purging ---------------------------------------------------------------------------

    def purge(self) -> tuple[int, int]:
        """Delete every entry and kept file for good; returns (entries, files) removed."""
        count = self.count()
        with self._tx() as db:
            for table in ("entries", "head", "notes", "timestamps"):
                db.execute(f"DELETE FROM {table}")
        with reporting(self.path):
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.db.execute("VACUUM")
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.close()
        removed = 0
        if self.files.exists():
            for path in sorted(self.files.iterdir()):
                files.wipe(path)
                removed += 1
            self.files.rmdir()
        for path in (
            self.path,
            *heads.head_files(self.folder).values(),
            *(self.path.with_name(self.path.name + s) for s in ("-wal", "-shm")),
        ):
            if path.exists():
                files.wipe(path)
        return count, removed
