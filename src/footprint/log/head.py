"""The log's head: how many entries it holds and its final digest, recorded three times.

A hash chain shows an entry changed, but not entries removed from its end (what is left is still
a whole chain), nor a database deleted and started again. So each `add` records the head in the
database's one-row `head` table, in the same transaction as the entry, then in `head.json`
beside the database, then in `contact-log-head.json` in the data folder, outside the log's own
folder, so that deleting the log folder leaves a record that a log existed. `verify` compares all
three with the entries: the table must match exactly; each file (written just after the
transaction, so a crash can leave it one entry behind) must name no more entries than there are,
and its digest must be the chain's digest after that many entries. A record that is missing
while the log has entries is never read as "intact": the entries may link up, but entries
removed from the end could no longer be noticed. Someone who rewrites every hash and every
record cannot be caught from this computer alone: only a receipt written down or a trusted
timestamp shows that (`footprint.log.receipt`, `footprint.log.timestamp`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from footprint.log.chain import Problem, VerifyResult
from footprint.util.fsio import write_private_file

HEAD_FILE = "head.json"
ANCHOR_FILE = "contact-log-head.json"  # in the folder that holds the log folder
NOTE = "footprint contact log: how many entries it held, and its digest, after the last entry."


@dataclass(frozen=True)
class Head:
    """A recorded head; `damaged` when the record exists but cannot be read."""

    entries: int
    digest: str
    damaged: bool = False


def anchor_path(folder: Path) -> Path:
    """The copy of the head kept outside the log folder."""
    return folder.parent / ANCHOR_FILE


def head_files(folder: Path) -> dict[str, Path]:
    """The head's file copies by how a doctor would recognise them."""
    return {HEAD_FILE: folder / HEAD_FILE, ANCHOR_FILE: anchor_path(folder)}


def write_at(path: Path, entries: int, digest: str) -> None:
    """Record the head in `path` (owner-only, replaced whole: a crash leaves the old one)."""
    text = json.dumps({"note": NOTE, "entries": entries, "digest": digest}, indent=2) + "\n"
    write_private_file(path, text)


def read_at(path: Path) -> Head | None:
    """The head recorded in `path`; None if there is none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Head(int(data["entries"]), str(data["digest"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return Head(0, "", damaged=True)


def write_file(folder: Path, entries: int, digest: str) -> None:
    """Record the head beside the database."""
    write_at(folder / HEAD_FILE, entries, digest)


def read_file(folder: Path) -> Head | None:
    """The head recorded beside the database; None if there is none."""
    return read_at(folder / HEAD_FILE)


@dataclass(frozen=True)
class Records:
    """Every record of the head, as found."""

    table: Head | None
    files: dict[str, Head | None]  # file name -> its head
    rebuilt: str | None = None  # when the head table was found missing and started again

    @property
    def longest(self) -> int:
        """The most entries any record says the log has held."""
        heads = [self.table, *self.files.values()]
        return max((h.entries for h in heads if h is not None and not h.damaged), default=0)

    @property
    def any(self) -> bool:
        """True when any record says a log was started here."""
        return self.table is not None or any(h is not None for h in self.files.values())


def missing_log(records: Records, path: Path) -> Problem:
    """The database is gone but the records say a log was kept."""
    n = records.longest
    held = f"it held {n} entries" if n else "it was started"
    return Problem(
        None,
        f"Your contact log is missing: {held}, but its file {path} is no longer there. "
        "It has been deleted or moved, so none of its entries can be checked",
    )


def problem(result: VerifyResult, records: Records) -> Problem | None:
    """Entries removed from the end, or a log replaced, that the chain alone cannot show."""
    n = result.entries
    for name, head in records.files.items():
        found = _file_problem(result, name, head)
        if found is not None:
            return found
    table = records.table
    if table is not None and n < table.entries:
        return Problem(
            None,
            f"Your log had {table.entries} entries and now has {n}: entries after {n} are missing",
        )
    if table is not None and (n != table.entries or table.digest != result.head):
        return Problem(
            None,
            "The final digest is not the one recorded when the last entry was added: "
            "the log has been rewritten",
        )
    if n == 0:
        return None  # nothing has ever been added, or every record agrees it is empty
    return _unconfirmed(n, records)


def _file_problem(result: VerifyResult, name: str, head: Head | None) -> Problem | None:
    n = result.entries
    if head is None:
        return None
    if head.damaged:
        return Problem(None, f"The record of your log's length ({name}) has been damaged")
    if head.entries > n:
        lost = (
            "the log file has been deleted, emptied or replaced"
            if n == 0
            else f"entries after {n} are missing"
        )
        gone = "none" if n == 0 else str(n)
        return Problem(None, f"Your log had {head.entries} entries and now has {gone}: {lost}")
    if head.digest != result.digest_after(head.entries):
        return Problem(
            None,
            f"The first {head.entries} entries are not the ones recorded when they were "
            "written: the log has been replaced or rewritten",
        )
    return None


def _unconfirmed(n: int, records: Records) -> Problem | None:
    """Every record found agrees; say so only if none is missing."""
    gone = [name for name, head in records.files.items() if head is None]
    if records.table is None:
        gone.insert(0, "the head table in the log file")
    if records.rebuilt is not None and not gone:
        return Problem(
            None,
            f"The {n} entries link up, but the record of how many there should be went missing "
            f"and was started again on {records.rebuilt[:10]}, so entries removed from the end "
            "before then cannot be ruled out",
            unconfirmed=True,
        )
    if not gone:
        return None
    return Problem(
        None,
        f"The {n} entries link up, but the record of how many there should be is missing "
        f"({', '.join(gone)}), so entries removed from the end cannot be ruled out",
        unconfirmed=True,
    )
