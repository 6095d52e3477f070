"""Checking an adviser copy's JSON: every string in it is catalogue text, vocabulary or typed
by the adviser. Nothing else (a name, a town, a host from an error) can pass."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from footprint.audit.stored import lookup_titles
from footprint.cli.lookupui import ADVISER_HOW, NO_INPUT, NOTHING_SENT
from footprint.content.checklists import shipped_catalogue
from footprint.model.consent import INTERACTIVE, OFFLINE
from footprint.model.profile import UK_NATIONS
from footprint.model.vocab import Axis, Jurisdiction, Role, Severity
from footprint.report.adviser import EXPOSES, OTHER_LOOKUP, UNKNOWN_ITEM
from footprint.report.model import Level, Status

# Who decided and how: written by footprint itself (cli/lookupui.py, consent.py).
WHO = {"the member", "the doctor", "member (verbal)"}
HOW = {INTERACTIVE, OFFLINE, NO_INPUT, NOTHING_SENT, ADVISER_HOW}


def static_strings() -> set[str]:
    """Every string the adviser copy may hold that footprint wrote."""
    catalogue = shipped_catalogue()
    items = catalogue.items.values()
    strings = {i.id for i in items} | {i.question for i in items} | {i.finding for i in items}
    strings |= {f.title for f in catalogue.files}
    strings |= {step for i in items for step in i.fix}
    strings |= set(lookup_titles()) | set(lookup_titles().values())
    strings |= {f"{t}: {w}" for t in lookup_titles().values() for w in EXPOSES.values()}
    strings |= {*OTHER_LOOKUP, *UNKNOWN_ITEM, "checklist", "lookup", "adviser"}
    strings |= {v.value for enum in (Axis, Severity, Level, Status) for v in enum}
    return strings


def _strings(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key)


def not_allow_listed(data: dict[str, Any], typed: set[str]) -> list[tuple[str, str]]:
    """(key, value) of every string that is neither static, vocabulary nor in `typed`."""
    allowed = static_strings() | typed
    return [(k, v) for k, v in _strings(data) if v not in allowed and not _vocabulary(k, v)]


def _vocabulary(key: str, value: str) -> bool:
    if key in {"schema_version", "tool_version", "generated_at", "at"}:
        return True
    if key == "granted_by":
        return value in WHO
    # Coarse groups the union counts by, each from a closed vocabulary; the seal is a digest.
    if key == "role":
        return value in {r.value for r in Role}
    if key == "country":
        return value in {j.value for j in Jurisdiction}
    if key == "nation":
        return value in UK_NATIONS
    if key == "digest":
        return re.fullmatch(r"[0-9a-f]{64}", value) is not None
    return key == "how" and (value in HOW or value.startswith("--consent "))
