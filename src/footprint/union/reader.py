"""Reading adviser copies, refusing anything else.

Only a sealed adviser copy is counted. A member's copy or a full report holds the member's own
details; a session store, an answers file or a copy with a field outside the adviser copy's
allow-list is not what the union asked for; an edited copy no longer matches its seal. Each is
refused with its reason (never with its content) and never read into the counts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from footprint.report.adviser import ADVISER_SCHEMA_VERSION, AdviserReport, digest_of_json
from footprint.util import jsonsafe

MAX_COPY_BYTES = 1_000_000  # an adviser copy is a few kilobytes; anything near this is not one

NOT_JSON = "not an adviser copy (not a JSON file footprint wrote)"
TOO_LARGE = "too large to be an adviser copy"
MEMBER_COPY = "a member's copy: it holds the member's own details, so it is never read"
FULL_REPORT = "a full report, not an adviser copy: it may hold the member's details"
OTHER_JSON = "not an adviser copy (JSON of another kind)"
NOT_ALLOWED = "has fields an adviser copy does not have, or values it cannot have (edited?)"
UNSEALED = "made by an older footprint, without a seal: ask the adviser for a new copy"
EDITED = "edited after footprint wrote it (its seal does not match)"
UNREADABLE = "could not be read"
DUPLICATE = "the same copy as another file given (each call is counted once)"


@dataclass(frozen=True)
class Refused:
    """A file that was not counted, and why."""

    path: Path
    reason: str


@dataclass
class ReadCopies:
    """The adviser copies read, and the files refused."""

    copies: list[AdviserReport] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)

    def reasons(self) -> dict[str, int]:
        """Refusals counted by reason, most frequent first."""
        counts: dict[str, int] = {}
        for r in self.refused:
            counts[r.reason] = counts.get(r.reason, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def copy_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Each file given, and every `.json` file under each folder given (links not followed)."""
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            yield from sorted(p for p in path.rglob("*.json") if p.is_file() and not p.is_symlink())
        else:
            yield path


def _kind_refusal(data: object) -> str | None:
    if not isinstance(data, dict):
        return OTHER_JSON
    kind = data.get("copy")
    if kind == "member" or (kind is None and "subject" in data):
        return MEMBER_COPY
    if kind != "adviser":
        return FULL_REPORT if kind in {"masked", "full"} else OTHER_JSON
    if "subject" in data or "summary" in data:
        return FULL_REPORT  # an adviser-mode full report, not the allow-listed copy
    return None


def read_copy(path: Path) -> AdviserReport | Refused:
    """The sealed adviser copy in `path`, or why it was refused."""
    try:
        if path.stat().st_size > MAX_COPY_BYTES:
            return Refused(path, TOO_LARGE)
        raw = path.read_bytes()
    except OSError:
        return Refused(path, UNREADABLE)
    try:
        data = jsonsafe.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError, ValueError):
        return Refused(path, NOT_JSON)
    refusal = _kind_refusal(data)
    if refusal is not None:
        return Refused(path, refusal)
    # The seal is checked on the JSON as written, before validation could coerce a value.
    sealed_ok = isinstance(data.get("digest"), str) and data["digest"] == digest_of_json(data)
    try:
        copy = AdviserReport.model_validate(data)
    except ValidationError:
        return Refused(path, NOT_ALLOWED)  # never the error text: it quotes the values
    if copy.digest is None or copy.schema_version < ADVISER_SCHEMA_VERSION:
        return Refused(path, UNSEALED)
    return copy if sealed_ok else Refused(path, EDITED)


def read_copies(paths: Iterable[Path]) -> ReadCopies:
    """Every adviser copy among `paths` (files or folders), and every file refused."""
    read = ReadCopies()
    seals: set[str] = set()
    for path in copy_files(paths):
        result = read_copy(path)
        if isinstance(result, Refused):
            read.refused.append(result)
        elif result.digest in seals:
            # Counted twice, one call would also let copies of a known call lift a hidden
            # cell over the floor, and the difference would give that cell back.
            read.refused.append(Refused(path, DUPLICATE))
        else:
            seals.add(result.digest or "")
            read.copies.append(result)
    return read
