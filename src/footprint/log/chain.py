"""The hash chain: each entry fingerprints its own content and the entry before it.

`content_hash` is SHA-256 over the entry's canonical JSON (sorted keys, no spaces, UTF-8): every
field as typed, its number, when it was written, and each attached file's name, size, type and
SHA-256. `entry_hash` is SHA-256 over the canonical JSON of `{"prev": prev_hash, "content":
content_hash}`, and the next entry's `prev_hash` is this `entry_hash` (the first entry's is 64
zeros). Changing any byte of an entry, or of a file it keeps, changes its hashes; rewriting
every hash after it changes the final digest, which the export prints on every page. So a
printed copy names the exact log it came from, and `verify` finds the first entry that no
longer matches.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from pydantic import ValidationError

from footprint.log.models import Attachment, Entry, EntryFields

GENESIS = "0" * 64
ALGORITHM = "sha256"
CONTENT_VERSION = 1  # bump if the canonical content ever changes shape


def canonical_json(value: object) -> bytes:
    """The one byte form that is hashed: sorted keys, no spaces, UTF-8 kept as is."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sha256_hex(data: bytes) -> str:
    """SHA-256 as 64 lower-case hex digits."""
    return hashlib.sha256(data).hexdigest()


def content_of(
    fields: EntryFields, seq: int, recorded_at: str, attachments: Iterable[Attachment]
) -> dict[str, Any]:
    """Everything an entry's content hash covers."""
    body = fields.model_dump(mode="json", include=set(EntryFields.model_fields))
    return {
        **body,
        "v": CONTENT_VERSION,
        "seq": seq,
        "recorded_at": recorded_at,
        "attachments": [a.model_dump(mode="json") for a in attachments],
    }


def link_hash(prev_hash: str, content_hash: str) -> str:
    """The entry's place in the chain."""
    return sha256_hex(canonical_json({"prev": prev_hash, "content": content_hash}))


def seal(
    fields: EntryFields,
    *,
    seq: int,
    recorded_at: str,
    attachments: list[Attachment],
    prev_hash: str,
) -> Entry:
    """A new entry with its hashes, chained to `prev_hash`."""
    content_hash = sha256_hex(canonical_json(content_of(fields, seq, recorded_at, attachments)))
    return Entry(
        **fields.model_dump(),
        seq=seq,
        recorded_at=recorded_at,
        attachments=attachments,
        prev_hash=prev_hash,
        content_hash=content_hash,
        entry_hash=link_hash(prev_hash, content_hash),
    )


@dataclass(frozen=True)
class Problem:
    """The first entry that no longer matches, and why (never quoting its content)."""

    seq: int | None  # None: the problem is with the log or file as a whole, not one entry
    reason: str  # with `seq`, a clause ("its content has changed"); without, a sentence
    # True when nothing is shown to have changed, but something that would show it is gone
    # (the record of the log's length): the log cannot be confirmed intact, nor shown altered.
    unconfirmed: bool = False

    def sentence(self) -> str:
        """The problem in one sentence, without a full stop."""
        if self.seq is None:
            return self.reason
        return f"Entry {self.seq} no longer matches: {self.reason}"


@dataclass(frozen=True)
class VerifyResult:
    """What `verify` found."""

    entries: int
    files_checked: int
    files_not_checked: int
    head: str  # the final digest: the last intact entry's hash (GENESIS for an empty log)
    problem: Problem | None
    digest_at_mark: str = GENESIS  # the recomputed digest after the first `mark` entries
    # The recomputed digest after 0, 1, 2 ... entries, as far as the chain is intact: a
    # receipt or a timestamp for entry count n is checked against prefixes[n].
    prefixes: tuple[str, ...] = (GENESIS,)

    def digest_after(self, count: int) -> str | None:
        """The recomputed digest after `count` entries; None past the intact part."""
        return self.prefixes[count] if 0 <= count < len(self.prefixes) else None

    def with_problem(self, problem: Problem | None) -> VerifyResult:
        """The same result with `problem` (found by a check the chain cannot make)."""
        return replace(self, problem=problem)

    @property
    def ok(self) -> bool:
        """True when every entry and every checked file matches."""
        return self.problem is None


FileCheck = Callable[[Attachment], "bool | None"]
"""Checks one attached file's bytes: True matches, False changed, None not available."""


def verify(
    records: Iterable[Mapping[str, Any]], check_file: FileCheck | None = None, *, mark: int = 0
) -> VerifyResult:
    """Recompute the chain over stored or exported entries; stop at the first that fails.

    `mark`: also keep the digest after that many entries, to compare with one recorded then.
    """
    prev, count, checked, unchecked, at_mark = GENESIS, 0, 0, 0, GENESIS
    prefixes = [GENESIS]
    for position, record in enumerate(records, start=1):
        seq = record.get("seq") if isinstance(record.get("seq"), int) else position
        assert isinstance(seq, int)
        entry, problem = _read(record, seq, position)
        recomputed = ""
        if problem is None and entry is not None:
            problem, recomputed = _check_links(entry, prev)
        if problem is None and entry is not None and check_file is not None:
            for attachment in entry.attachments:
                matches = check_file(attachment)
                if matches is None:
                    unchecked += 1
                elif not matches:
                    problem = Problem(
                        seq, f"its attached file '{attachment.name}' has changed or is missing"
                    )
                    break
                else:
                    checked += 1
        if problem is not None:
            return VerifyResult(count, checked, unchecked, prev, problem, at_mark, tuple(prefixes))
        # The digest is always the one recomputed from the content, never a stored hash.
        prev, count = recomputed, count + 1
        prefixes.append(prev)
        if count == mark:
            at_mark = prev
    return VerifyResult(count, checked, unchecked, prev, None, at_mark, tuple(prefixes))


def _read(
    record: Mapping[str, Any], seq: int, position: int
) -> tuple[Entry | None, Problem | None]:
    if seq != position:
        missing = f"entry {position} is missing" if seq > position else "entries are out of order"
        return None, Problem(position, f"{missing} (the next entry found is numbered {seq})")
    try:
        return Entry.model_validate(dict(record)), None
    except ValidationError as exc:
        fields = sorted({str(e["loc"][0]) for e in exc.errors(include_input=False) if e["loc"]})
        return None, Problem(
            seq, f"it cannot be read (field {', '.join(fields) or '?'} is damaged)"
        )


def _check_links(entry: Entry, prev: str) -> tuple[Problem | None, str]:
    """The first problem with the entry, and its link hash recomputed from its content."""
    content = content_of(entry, entry.seq, entry.recorded_at, entry.attachments)
    content_hash = sha256_hex(canonical_json(content))
    recomputed = link_hash(prev, content_hash)
    if content_hash != entry.content_hash:
        return Problem(entry.seq, "its content has changed since it was written"), recomputed
    if entry.prev_hash != prev:
        return Problem(
            entry.seq, "it no longer follows the entry before it (an earlier hash changed)"
        ), recomputed
    if recomputed != entry.entry_hash:
        return Problem(entry.seq, "its chain hash has been changed"), recomputed
    if entry.corrects is not None and entry.corrects >= entry.seq:
        return Problem(entry.seq, "it claims to correct an entry that comes after it"), recomputed
    return None, recomputed
