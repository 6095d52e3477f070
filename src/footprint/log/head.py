"""The log's head: how many entries it holds and its final digest, recorded twice.

A hash chain shows an entry changed, but not entries removed from its end (what is left is still
a whole chain), nor a database deleted and started again. So each `add` records the head in the
database's one-row `head` table, in the same transaction as the entry, and then in `head.json`
beside the database. `verify` compares both with the entries: the table must match exactly;
the file (written just after the transaction, so a crash can leave it one entry behind) must
name no more entries than there are, and its digest must be the chain's digest after that many
entries. Someone who rewrites every hash, the table and the file cannot be caught from the log
alone: only a digest printed or exported earlier shows that, and `verify` says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from footprint.log.chain import Problem, VerifyResult
from footprint.util.fsio import write_private_file

HEAD_FILE = "head.json"
NOTE = "footprint contact log: how many entries it held, and its digest, after the last entry."


@dataclass(frozen=True)
class Head:
    """A recorded head; `damaged` when the record exists but cannot be read."""

    entries: int
    digest: str
    damaged: bool = False


def write_file(folder: Path, entries: int, digest: str) -> None:
    """Record the head beside the database (owner-only, replaced whole)."""
    text = json.dumps({"note": NOTE, "entries": entries, "digest": digest}, indent=2) + "\n"
    write_private_file(folder / HEAD_FILE, text)  # atomic: a crash leaves the old one whole


def read_file(folder: Path) -> Head | None:
    """The head recorded beside the database; None if there is none."""
    path = folder / HEAD_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Head(int(data["entries"]), str(data["digest"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return Head(0, "", damaged=True)


def problem(result: VerifyResult, table: Head | None, file: Head | None) -> Problem | None:
    """Entries removed from the end, or a log replaced, that the chain alone cannot show."""
    n = result.entries
    if file is not None and file.damaged:
        return Problem(None, f"The record of your log's length ({HEAD_FILE}) has been damaged")
    if file is not None and file.entries > n:
        gone = "none" if n == 0 else str(n)
        lost = "the log file has been deleted, emptied or replaced" if n == 0 else ""
        return Problem(
            None,
            f"Your log had {file.entries} entries and now has {gone}: "
            + (lost or f"entries after {n} are missing"),
        )
    if file is not None and file.digest != result.digest_at_mark:
        return Problem(
            None,
            f"The first {file.entries} entries are not the ones recorded when they were "
            "written: the log has been replaced or rewritten",
        )
    if table is None:
        if n == 0:
            return None  # nothing has ever been added
        return Problem(
            None,
            "The record of how many entries your log holds is missing, so entries removed "
            "from its end could not be noticed",
        )
    if n < table.entries:
        return Problem(
            None,
            f"Your log had {table.entries} entries and now has {n}: entries after {n} are missing",
        )
    if n != table.entries or table.digest != result.head:
        return Problem(
            None,
            "The final digest is not the one recorded when the last entry was added: "
            "the log has been rewritten",
        )
    return None
