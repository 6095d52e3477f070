"""The export's summary: first and last contact, count by channel, contacts per week.

A correction replaces the entry it corrects, so each contact is counted once, in its latest
corrected form. Rows of the export keep every entry, corrections included.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from footprint.log.models import Channel, Entry

# Listing every week (with zeros) shows escalation; past two years the table is cut to busy weeks.
MAX_WEEKS_LISTED = 104


@dataclass(frozen=True)
class Summary:
    """Figures over the contacts in the log."""

    contacts: int
    entries: int
    corrections: int
    first: str | None
    last: str | None
    by_channel: list[tuple[str, int]]
    weeks: list[tuple[date, int]]  # Monday of each week, contacts that week
    per_week: float | None


def corrected_by(entries: list[Entry]) -> dict[int, list[int]]:
    """For each corrected entry, the entries that correct it (in the order written)."""
    result: dict[int, list[int]] = {}
    for entry in entries:
        if entry.corrects is not None:
            result.setdefault(entry.corrects, []).append(entry.seq)
    return result


def current(entries: list[Entry]) -> list[Entry]:
    """One entry per contact: those no later entry corrects, sorted by the time of contact."""
    superseded = set(corrected_by(entries))
    kept = [e for e in entries if e.seq not in superseded]
    return sorted(kept, key=lambda e: (e.event_time.moment, e.seq))


def chronological(entries: list[Entry]) -> list[Entry]:
    """Every entry by time of contact, then by entry number."""
    return sorted(entries, key=lambda e: (e.event_time.moment, e.seq))


def summarise(entries: list[Entry]) -> Summary:
    """The figures the export leads with."""
    contacts = current(entries)
    counts = Counter(e.channel for e in contacts)
    by_channel = [(c.label, counts[c]) for c in Channel if counts[c]]
    weeks = _weeks(contacts)
    return Summary(
        contacts=len(contacts),
        entries=len(entries),
        corrections=sum(1 for e in entries if e.corrects is not None),
        first=contacts[0].event_time.display() if contacts else None,
        last=contacts[-1].event_time.display() if contacts else None,
        by_channel=by_channel,
        weeks=weeks,
        per_week=_rate(contacts),
    )


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _weeks(contacts: list[Entry]) -> list[tuple[date, int]]:
    if not contacts:
        return []
    counts = Counter(_monday(e.event_time.moment.date()) for e in contacts)
    start, end = min(counts), max(counts)
    span = (end - start).days // 7 + 1
    if span > MAX_WEEKS_LISTED:
        return sorted(counts.items())
    return [
        (start + timedelta(weeks=i), counts.get(start + timedelta(weeks=i), 0)) for i in range(span)
    ]


def _rate(contacts: list[Entry]) -> float | None:
    if not contacts:
        return None
    first = _monday(contacts[0].event_time.moment.date())
    last = _monday(contacts[-1].event_time.moment.date())
    weeks = (last - first).days // 7 + 1
    return round(len(contacts) / weeks, 1)
