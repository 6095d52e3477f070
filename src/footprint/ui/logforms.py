"""The contact-log entry form: what was typed, turned into the log's own `EntryFields`.

The same fields and checks as `log add` in the terminal (the time read by `parse_when`, the
entry validated by the `EntryFields` model), but every problem is kept, each under the field it
belongs to, so the page can list them all at once at the top and beside each field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from footprint.log.errors import LogInputError
from footprint.log.models import CHANNEL_LABELS, Channel, Entry, EntryFields
from footprint.log.when import parse_when

# Form field -> what the page calls it (the error list links each to its field).
ENTRY_LABELS: dict[str, str] = {
    "when": "When it happened",
    "channel": "How they contacted you",
    "where": "Where",
    "what": "What happened",
    "witnesses": "Who saw or heard it",
    "reported_to": "Who you have told",
    "reference": "Reference number",
    "reason": "Why you are correcting it",
    "files": "Photos, screenshots or scans",
}
CHANNEL_CHOICES = [(c.value, CHANNEL_LABELS[c]) for c in Channel]


@dataclass
class EntryForm:
    """What the doctor typed, what was wrong with it, and the entry's fields once it is right."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    fields: EntryFields | None = None


def blank() -> EntryForm:
    """The form for a new entry."""
    return EntryForm(values={"channel": "", "witnesses": []})


def from_entry(entry: Entry) -> EntryForm:
    """The form for correcting `entry`: its values, ready to be put right."""
    return EntryForm(
        values={
            "when": entry.event_time.display(),
            "channel": entry.channel.value,
            "where": entry.where,
            "what": entry.what,
            "witnesses": list(entry.witnesses),
            "reported_to": entry.reported_to,
            "reference": entry.reference,
            "reason": "",
        }
    )


def _lines(text: str) -> list[str]:
    """One witness per line; blank lines dropped, each kept as typed otherwise."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def read_entry(form: Mapping[str, str], corrects: Entry | None = None) -> EntryForm:
    """The entry a posted form describes; for a correction, `corrects` is the entry put right."""
    values: dict[str, Any] = {
        name: form.get(name, "")
        for name in ("when", "channel", "where", "what", "reported_to", "reference", "reason")
    }
    values["witnesses"] = _lines(form.get("witnesses", ""))
    result = EntryForm(values=values)
    when = _when(values["when"], corrects, result.errors)
    if values["channel"] not in {c.value for c in Channel}:
        result.errors["channel"] = "Choose how they contacted you."
    if not values["what"].strip():
        result.errors["what"] = "Say what happened: a few words are enough."
    if result.errors or when is None:
        return result
    try:
        result.fields = EntryFields(
            when=when,
            channel=Channel(values["channel"]),
            where=values["where"],
            what=values["what"],
            witnesses=values["witnesses"],
            reported_to=values["reported_to"],
            reference=values["reference"],
            corrects=corrects.seq if corrects is not None else None,
            reason=values["reason"] if corrects is not None else "",
        )
    except ValidationError as exc:
        for error in exc.errors():
            name = str(error["loc"][0]) if error["loc"] else "what"
            result.errors.setdefault(name, str(error["msg"]).removeprefix("Value error, "))
    return result


def _when(typed: str, corrects: Entry | None, errors: dict[str, str]) -> str | None:
    """The time of the contact as the log keeps it; a correction that leaves it as shown keeps
    the corrected entry's own value (the page shows it to the minute, the log may hold more)."""
    if corrects is not None and typed.strip() == corrects.event_time.display():
        return corrects.when
    try:
        return parse_when(typed).value
    except LogInputError as exc:
        errors["when"] = f"{exc.message} {exc.hint or ''}".strip()
        return None
