"""Every kind of edit someone with the computer might make to the log or an export, counted.

Each case builds a fresh five-entry log (entry 2 keeps a photo) in a temporary folder, notes
the receipt printed after entry 5, makes one edit, then runs the same check as `footprint log
verify` (or `verify FILE`). A case is caught by `verify` alone when the check does not pass or
the log cannot be opened (reported, never read as intact); the few edits nobody can see from the
files alone (the whole log or file rewritten and re-sealed) are caught by the receipt.

    python -m tests.log.tampering          # prints every case and the counts
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from footprint.errors import FootprintError
from footprint.log.chain import GENESIS, canonical_json, content_of, link_hash, sha256_hex
from footprint.log.checking import check_export, check_log
from footprint.log.database import LogStore
from footprint.log.export import seal_of, summary_json, write_export
from footprint.log.head import ANCHOR_FILE, HEAD_FILE
from footprint.log.models import Channel, Entry, EntryFields
from footprint.log.receipt import Receipt, parse_receipt, receipt_of
from footprint.log.summary import summarise

PNG = bytes.fromhex("89504e470d0a1a0a") + b"fictional photo"


@dataclass
class Log:
    """A five-entry log in `folder` (the data folder is its parent)."""

    folder: Path
    receipt: Receipt

    @property
    def db(self) -> Path:
        return self.folder / "contact-log.db"

    def sql(self, *statements: str) -> None:
        conn = sqlite3.connect(self.db)
        with conn:
            for statement in statements:
                conn.execute(statement)
        conn.close()


def make_log(root: Path) -> Log:
    folder = root / "data" / "log"
    photo = root / "photo.png"
    photo.write_bytes(PNG)
    with LogStore(folder) as store:
        for n in range(1, 6):
            fields = EntryFields(
                when=f"2026-11-0{n}T09:00:00+00:00", channel=Channel.LETTER,
                where="Example Street Surgery", what=f"Card number {n} at reception.",
                witnesses=["Sam (receptionist)"],
            )  # fmt: skip
            store.add(fields, [photo] if n == 2 else [])
        head = store.verify().head
    return Log(folder, parse_receipt(receipt_of(5, head)))


def checks(log: Log, with_receipt: bool) -> bool:
    """True when the log passes `verify` (with the receipt if asked)."""
    try:
        with LogStore(log.folder, read_only=True) as store:
            return check_log(store, receipt=log.receipt if with_receipt else None).ok
    except FootprintError:
        return False  # reported (missing, empty, damaged), never read as intact


def rechain(entries: list[dict[str, Any]]) -> str:
    """Recompute every hash over `entries` (dicts of an entry), as a forger would."""
    prev = GENESIS
    for raw in entries:
        e = Entry.model_validate({**raw, "prev_hash": prev})
        content = sha256_hex(canonical_json(content_of(e, e.seq, e.recorded_at, e.attachments)))
        raw.update(prev_hash=prev, content_hash=content, entry_hash=link_hash(prev, content))
        prev = raw["entry_hash"]
    return prev


def _rewrite_all(log: Log, keep: int, change: Callable[[dict[str, Any]], None]) -> None:
    """Rewrite the log from scratch: `keep` entries, `change` applied to the first, every hash
    and every head record made to agree."""
    with LogStore(log.folder) as store:
        raws = [e.model_dump(mode="json") for e in store.entries()][:keep]
    change(raws[0])
    head = rechain(raws)
    cols = "what = ?, content_hash = ?, prev_hash = ?, entry_hash = ?"
    conn = sqlite3.connect(log.db)
    with conn:
        conn.execute("DELETE FROM entries WHERE seq > ?", (keep,))
        for raw in raws:
            values = (raw["what"], raw["content_hash"], raw["prev_hash"], raw["entry_hash"])
            conn.execute(f"UPDATE entries SET {cols} WHERE seq = ?", (*values, raw["seq"]))
        conn.execute("UPDATE head SET entries = ?, digest = ?", (keep, head))
    conn.close()
    for path in (log.folder / HEAD_FILE, log.folder.parent / ANCHOR_FILE):
        path.write_text(json.dumps({"entries": keep, "digest": head}))


def _kept_file(log: Log) -> Path:
    return next((log.folder / "files").iterdir())


LOG_EDITS: dict[str, Callable[[Log], object]] = {
    "entry text changed": lambda g: g.sql("UPDATE entries SET what = 'X' WHERE seq = 3"),
    "time of contact changed": lambda g: g.sql("UPDATE entries SET occurred = '2026-10-01' WHERE seq = 3"),
    "channel changed": lambda g: g.sql("UPDATE entries SET channel = 'call' WHERE seq = 3"),
    "witness removed": lambda g: g.sql("UPDATE entries SET witnesses_json = '[]' WHERE seq = 3"),
    "time written changed": lambda g: g.sql("UPDATE entries SET recorded_at = '2026-01-01T00:00:00+00:00' WHERE seq = 3"),
    "last entry hash changed": lambda g: g.sql(f"UPDATE entries SET entry_hash = '{'a' * 64}' WHERE seq = 5"),
    "content hash changed": lambda g: g.sql(f"UPDATE entries SET content_hash = '{'a' * 64}' WHERE seq = 3"),
    "previous hash changed": lambda g: g.sql(f"UPDATE entries SET prev_hash = '{'a' * 64}' WHERE seq = 3"),
    "correction pointed forward": lambda g: g.sql("UPDATE entries SET corrects = 5 WHERE seq = 3"),
    "middle entry deleted": lambda g: g.sql("DELETE FROM entries WHERE seq = 3"),
    "entries reordered": lambda g: g.sql("UPDATE entries SET seq = seq + 10 WHERE seq IN (3, 4)",
                                         "UPDATE entries SET seq = 17 - seq WHERE seq IN (13, 14)"),
    "last entry deleted": lambda g: g.sql("DELETE FROM entries WHERE seq = 5"),
    "last entry deleted, head table fixed": lambda g: g.sql(
        "DELETE FROM entries WHERE seq = 5",
        "UPDATE head SET entries = 4, digest = (SELECT entry_hash FROM entries WHERE seq = 4)"),
    "last entry deleted, head table dropped, head.json removed": lambda g: (
        g.sql("DROP TABLE head", "DELETE FROM entries WHERE seq = 5"),
        (g.folder / HEAD_FILE).unlink()),
    "last entry deleted, every head record removed": lambda g: (
        g.sql("DROP TABLE head", "DELETE FROM entries WHERE seq = 5"),
        (g.folder / HEAD_FILE).unlink(), (g.folder.parent / ANCHOR_FILE).unlink()),
    "last entry deleted, every head record rewritten": lambda g: _rewrite_all(g, 4, lambda e: None),
    "head table emptied": lambda g: g.sql("DELETE FROM head"),
    "head.json removed": lambda g: (g.folder / HEAD_FILE).unlink(),
    "outside head record removed": lambda g: (g.folder.parent / ANCHOR_FILE).unlink(),
    "head digest rewritten": lambda g: g.sql(f"UPDATE head SET digest = '{'b' * 64}'"),
    "head.json damaged": lambda g: (g.folder / HEAD_FILE).write_text("{"),
    "kept photo changed": lambda g: _kept_file(g).write_bytes(b"another photo"),
    "kept photo deleted": lambda g: _kept_file(g).unlink(),
    "log file deleted": lambda g: g.db.unlink(),
    "log folder deleted": lambda g: shutil.rmtree(g.folder),
    "log file emptied to 0 bytes": lambda g: g.db.write_bytes(b""),
    "entry changed and every hash and record rewritten": lambda g: _rewrite_all(
        g, 5, lambda e: e.update(what="Nothing happened.")),
    "whole log replaced by a shorter rewritten one": lambda g: _rewrite_all(
        g, 3, lambda e: e.update(what="Nothing happened.")),
}  # fmt: skip


def export_of(log: Log, root: Path) -> Path:
    with LogStore(log.folder, read_only=True) as store:
        write_export(store, root / "export", ["json"])
    return root / "export" / "contact-log.json"


def _edit(path: Path, change: Callable[[dict[str, Any]], object]) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def _reseal(data: dict[str, Any], keep: int, change: Callable[[dict[str, Any]], None]) -> None:
    data["entries"] = data["entries"][:keep]
    change(data["entries"][0])
    head = rechain(data["entries"])
    entries = [Entry.model_validate(e) for e in data["entries"]]
    data["chain"].update(entries=keep, intact_entries=keep, final_digest=head,
                         receipt=receipt_of(keep, head))  # fmt: skip
    data["summary"] = summary_json(summarise(entries))
    data["seal"]["digest"] = seal_of(data)


EXPORT_EDITS: dict[str, Callable[[Path], object]] = {
    "entry text changed": lambda p: _edit(p, lambda d: d["entries"][2].update(what="X")),
    "last entry dropped": lambda p: _edit(p, lambda d: d["entries"].pop()),
    "last entry dropped, count fixed": lambda p: _edit(
        p, lambda d: (d["entries"].pop(), d["chain"].update(entries=4))),
    "entries reordered": lambda p: _edit(p, lambda d: d["entries"].reverse()),
    "final digest changed": lambda p: _edit(p, lambda d: d["chain"].update(final_digest="c" * 64)),
    "summary count changed": lambda p: _edit(p, lambda d: d["summary"].update(contacts=2)),
    "summary last contact changed": lambda p: _edit(
        p, lambda d: d["summary"].update(last_contact="01/11/2026 09:00")),
    "doctor's name changed": lambda p: _edit(p, lambda d: d["doctor"].update(name="Dr Someone")),
    "note on how it was kept changed": lambda p: _edit(p, lambda d: d.update(how_kept="Edited.")),
    "export time changed": lambda p: _edit(p, lambda d: d.update(exported_at="2020-01-01")),
    "seal removed": lambda p: _edit(p, lambda d: d.pop("seal")),
    "receipt in the file changed": lambda p: _edit(p, lambda d: d["chain"].update(receipt="5-0000")),
    "exported photo changed": lambda p: next((p.parent / "attachments").iterdir()).write_bytes(b"x"),
    "exported photo deleted": lambda p: next((p.parent / "attachments").iterdir()).unlink(),
    "entry changed, file re-chained and re-sealed": lambda p: _edit(
        p, lambda d: _reseal(d, 5, lambda e: e.update(what="Nothing happened."))),
    "last entries dropped, file re-sealed": lambda p: _edit(p, lambda d: _reseal(d, 3, lambda e: None)),
}  # fmt: skip


@dataclass(frozen=True)
class Outcome:
    name: str
    by_verify: bool  # caught with no outside anchor
    by_receipt: bool  # caught when the receipt printed after entry 5 is given


def try_log_edits() -> list[Outcome]:
    outcomes = []
    for name, edit in LOG_EDITS.items():
        with tempfile.TemporaryDirectory() as tmp:
            log = make_log(Path(tmp))
            assert checks(log, with_receipt=True), "the untouched log must check"
            edit(log)
            outcomes.append(Outcome(name, not checks(log, False), not checks(log, True)))
    return outcomes


def try_export_edits() -> list[Outcome]:
    outcomes = []
    for name, edit in EXPORT_EDITS.items():
        with tempfile.TemporaryDirectory() as tmp:
            log = make_log(Path(tmp))
            path = export_of(log, Path(tmp))
            assert check_export(path, receipt=log.receipt).ok
            edit(path)
            alone = _export_checks(path, None)
            anchored = _export_checks(path, log.receipt)
            outcomes.append(Outcome(name, not alone, not anchored))
    return outcomes


def _export_checks(path: Path, receipt: Receipt | None) -> bool:
    try:
        return check_export(path, receipt=receipt).ok
    except FootprintError:
        return False


def main() -> None:
    for title, outcomes in (("log", try_log_edits()), ("export", try_export_edits())):
        print(f"{title} edits:")
        for o in outcomes:
            mark = "verify" if o.by_verify else "receipt" if o.by_receipt else "MISSED"
            print(f"  {mark:<8} {o.name}")
        alone = sum(o.by_verify for o in outcomes)
        anchored = sum(o.by_receipt for o in outcomes)
        print(f"  caught by verify alone: {alone} of {len(outcomes)}; "
              f"with the receipt: {anchored} of {len(outcomes)}\n")  # fmt: skip


if __name__ == "__main__":
    main()
