"""Opening the session store, and turning SQLite and file-system failures into StoreErrors.

A new store file is built under a temporary name and linked into place only once it holds a
valid (empty) schema, so a store file that exists is never legitimately empty: a zero-byte
store means it was truncated, and that is reported rather than silently treated as "no
sessions". Commands that only read (`sessions list`, `report render`) open the file read-only,
so they work on a read-only file system and cannot damage anything.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
import stat
from pathlib import Path

from footprint.errors import FileAccessError, StoreDamaged, StoreError, os_hint, os_reason
from footprint.store.schema import enable_wal, migrate
from footprint.util.fsio import ensure_private_dir, refuse_unsafe_database

DAMAGED_HINT = (
    "Reports already written are not affected. Move the file aside (keep it: it may still "
    "hold your answers), then run again; or run the audit with --no-store."
)


def translate(exc: BaseException, path: Path, doing: str) -> StoreError:
    """One clear StoreError for a SQLite or OS failure while `doing` something to the store."""
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, FileAccessError):
        return StoreError(
            f"The session store at {path} cannot be used: {exc.message}",
            hint=f"{exc.hint or ''} Or run the audit with --no-store.".strip(),
        )
    if isinstance(exc, OSError):
        return StoreError(
            f"Cannot {doing} the session store {path}: {os_reason(exc)}.",
            hint=f"{os_hint(exc)} Or run the audit with --no-store.",
        )
    text = str(exc).lower()
    if any(w in text for w in ("malformed", "not a database", "encrypted", "no such table")):
        return StoreDamaged(f"{path}: the session store is damaged ({exc}).", hint=DAMAGED_HINT)
    if "readonly" in text or "read-only" in text or not os.access(path.parent, os.W_OK):
        # SQLite says "unable to open database file" when it cannot make its -wal file.
        return read_only_error(path, doing)
    if "full" in text:
        return StoreError(
            f"Cannot {doing} the session store {path}: the disk is full.",
            hint="Free some disk space and carry on with --resume: answers already given are kept.",
        )
    if "locked" in text or "busy" in text:
        return StoreError(
            f"The session store {path} is busy (another footprint is using it).",
            hint="Wait for the other audit to finish, then try again.",
        )
    return StoreError(
        f"Cannot {doing} the session store {path} ({exc}).",
        hint="Check the file and the folder it is in, or run the audit with --no-store.",
    )


def read_only_error(path: Path, doing: str) -> StoreError:
    return StoreError(
        f"Cannot {doing} the session store {path}: it is read-only here (a read-only disk, "
        "or a folder you cannot write to).",
        hint="Make the folder writable, set FOOTPRINT_HOME to one that is, or run the audit "
        "with --no-store. `footprint sessions list` and `report render` still work.",
    )


def _check_existing(path: Path) -> None:
    refuse_unsafe_database(path, "the session store")
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(
            f"{path} is not a file (the session store should be one).",
            hint="Move it aside, or point FOOTPRINT_HOME at another folder.",
        )
    if info.st_size == 0:
        raise StoreDamaged(
            f"{path}: the session store is empty (0 bytes); it has been truncated or damaged, "
            "so stored sessions may have been lost.",
            hint="Restore it from a backup if you have one; otherwise delete the file and "
            "footprint will start a new store.",
        )


def _private_mode(path: Path) -> None:
    """Tighten a store file to 0600 if needed; on a read-only disk there is nothing to fix."""
    try:
        if stat.S_IMODE(os.stat(path).st_mode) & 0o077:
            os.chmod(path, 0o600)
    except OSError:
        pass  # a read-only disk or another user's file: the store still opens as it is


def _create(path: Path) -> None:
    """Build a new store under a temporary name, then link it into place (never overwriting)."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.new")
    os.close(
        os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    )
    try:
        db = sqlite3.connect(temp, isolation_level=None)
        try:
            enable_wal(db)
            migrate(db)
            # Copy the new schema into the file itself now, where a failure (a full disk) is an
            # error: at close it would fail silently and leave a half-written store in place.
            busy, _, _ = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if busy:
                raise sqlite3.OperationalError("database is locked (the new store's checkpoint)")
        finally:
            db.close()
        try:
            os.link(temp, path)
        except FileExistsError:
            pass  # another audit created the store at the same moment: use theirs
    finally:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(f"{temp}{suffix}")


def open_writable(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the store for reading and writing, migrated."""
    ensure_private_dir(path.parent)
    refuse_unsafe_database(path, "the session store")
    if not os.path.lexists(path):
        _create(path)
    _check_existing(path)
    _private_mode(path)
    db = sqlite3.connect(path, check_same_thread=False, timeout=30, isolation_level=None)
    try:
        enable_wal(db)
        db.execute("PRAGMA secure_delete=ON")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=30000")
        migrate(db)
    except BaseException:
        db.close()
        raise
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            _private_mode(side)
    return db


def open_read_only(path: Path) -> sqlite3.Connection:
    """Open the store without writing anything; a store not created yet reads as empty."""
    if os.path.lexists(path.parent) and not path.parent.is_dir():
        raise StoreError(
            f"The session store folder {path.parent} is a file, not a folder.",
            hint="Move that file aside (footprint keeps its store there), or set "
            "FOOTPRINT_HOME to another folder.",
        )
    refuse_unsafe_database(path, "the session store")
    if not os.path.lexists(path):
        db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        migrate(db)
        return db
    _check_existing(path)
    uri = path.resolve().as_uri()
    try:
        db = sqlite3.connect(
            f"{uri}?mode=ro", uri=True, check_same_thread=False, isolation_level=None
        )
        db.execute("SELECT COUNT(*) FROM sessions").fetchone()
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc) and "readonly" not in str(exc):
            raise
        # A WAL store on a read-only disk cannot make its shared-memory file: read it as an
        # unchanging file instead (nothing can be writing to a read-only disk anyway).
        db = sqlite3.connect(
            f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False, isolation_level=None
        )
        db.execute("SELECT COUNT(*) FROM sessions").fetchone()
    db.execute("PRAGMA busy_timeout=30000")
    return db
