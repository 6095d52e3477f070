"""A log entry as a row of the `entries` table, and back; helpers for reading damaged rows."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from footprint.log import head as heads
from footprint.log.chain import GENESIS
from footprint.log.models import Entry

COLUMNS = (
    "seq, recorded_at, occurred, channel, place, what, witnesses_json, reported_to, reference,"
    " corrects, reason, attachments_json, prev_hash, content_hash, entry_hash"
)


def entry_or_none(record: dict[str, Any]) -> Entry | None:
    try:
        return Entry.model_validate(record)
    except ValueError:
        return None


def json_safe(value: Any) -> Any:
    """A stored value as JSON can hold it (a damaged cell may be bytes or anything)."""
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", errors="replace")
    if value is None or isinstance(value, (str, int, float, bool, list, dict)):
        return value
    return str(value)


def has_head(db: sqlite3.Connection, head: heads.Head) -> bool:
    """True when the stored entries still end where `head` says the log once ended."""
    if head.damaged:
        return False
    if head.entries == 0:
        return head.digest == GENESIS
    query = "SELECT entry_hash FROM entries WHERE seq = ?"
    row = db.execute(query, (head.entries,)).fetchone()
    return row is not None and row[0] == head.digest


def row_of(entry: Entry) -> tuple[object, ...]:
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


def record_of(row: tuple[Any, ...]) -> dict[str, Any]:
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
