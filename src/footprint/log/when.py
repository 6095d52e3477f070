"""Reading the time of a contact as a doctor types it, UK style, and refusing guesses.

Accepted: `now`; ISO 8601 (`2026-11-24`, `2026-11-24 14:30`, `2026-11-24T14:30:00+00:00`); and
the common UK forms, day first: `24/11/2026`, `24/11/2026 14:30`, `24-11-2026 2:30pm`,
`24.11.2026`, `24 Nov 2026 14:30`, `24 November 2026`. A time without an offset is this
computer's local time on that day. Two-digit years, a missing date, an impossible date (such
as the US-style `11/24/2026`) and times in the future are refused with a message saying why:
a log that guessed a date would be worse than one that asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from footprint.log.errors import LogInputError

EXAMPLES = "for example 24/11/2026 14:30, 2026-11-24 14:30, 24 Nov 2026 or now"
# A clock a few minutes fast must not turn "now" into "the future".
FUTURE_SLACK = timedelta(minutes=5)

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_TIME = r"(?:[ T,]+(?:at\s+)?(?P<time>\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?))?"
_NUMERIC_UK = re.compile(r"(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{2,4})" + _TIME)
_WORDED_UK = re.compile(
    r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>[a-z]+)\.?,?\s+(?P<y>\d{2,4})" + _TIME
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class EventTime:
    """When a contact happened: a day, or a day and a time with its UTC offset."""

    value: str  # ISO 8601: "2026-11-24" or "2026-11-24T14:30:00+00:00"

    @property
    def has_time(self) -> bool:
        """False when only the day is known."""
        return "T" in self.value

    @property
    def moment(self) -> datetime:
        """An aware datetime for sorting and counting (midnight local time for a day)."""
        if self.has_time:
            return datetime.fromisoformat(self.value)
        return datetime.combine(date.fromisoformat(self.value), time()).astimezone()

    def display(self) -> str:
        """UK style: 24/11/2026 14:30, or 24/11/2026 for a day."""
        if not self.has_time:
            return date.fromisoformat(self.value).strftime("%d/%m/%Y")
        return datetime.fromisoformat(self.value).strftime("%d/%m/%Y %H:%M")


def parse_when(text: str, *, now: datetime | None = None) -> EventTime:
    """The time of a contact from what the doctor typed; LogInputError if it cannot be sure."""
    now = now or datetime.now(timezone.utc)
    typed = " ".join(text.strip().lower().split())
    if not typed:
        raise LogInputError("Say when it happened.", hint=f"Give a date and time, {EXAMPLES}.")
    if typed == "now":
        return EventTime(now.astimezone().replace(microsecond=0).isoformat())
    future = False
    try:
        result = _parse_iso(typed) or _parse_uk(typed)
        future = result is not None and result.moment > now + FUTURE_SLACK
    except (ValueError, OverflowError):
        result = None  # the first or last days of the calendar have no local time to read as
    if result is None:
        raise LogInputError(
            f"'{text.strip()}' is not a date footprint can read for certain.",
            hint=f"Write the day first and the year in full, {EXAMPLES}.",
        )
    if future:
        raise LogInputError(
            f"'{text.strip()}' is in the future.",
            hint="Dates are read day first (24/11/2026 is 24 November). Check the day and month.",
        )
    return result


def _parse_iso(typed: str) -> EventTime | None:
    if not _ISO_DATE.match(typed):
        return None
    if len(typed) == 10:
        return EventTime(
            _checked_date(int(typed[:4]), int(typed[5:7]), int(typed[8:10])).isoformat()
        )
    try:
        moment = datetime.fromisoformat(typed.upper().replace(" ", "T").replace("Z", "+00:00"))
    except ValueError:
        return None  # not a date and time in ISO form: the caller tries the other forms
    if moment.tzinfo is None:
        moment = moment.astimezone()  # local time on that day, with that day's offset
    return EventTime(moment.replace(microsecond=0).isoformat())


def _parse_uk(typed: str) -> EventTime | None:
    match = _NUMERIC_UK.fullmatch(typed)
    month: int | None = None
    if match:
        month = int(match["m"])
    else:
        match = _WORDED_UK.fullmatch(typed)
        if match is None:
            return None
        month = _MONTHS.get(match["mon"])
        if month is None:
            raise LogInputError(
                f"'{match['mon']}' is not a month.",
                hint=f"Write the month as a word or number, {EXAMPLES}.",
            )
    if len(match["y"]) != 4:
        raise LogInputError(
            f"'{match['y']}' is not a full year: 2-digit years are ambiguous in a log.",
            hint="Write the year in full, for example 24/11/2026.",
        )
    day = _checked_date(int(match["y"]), month, int(match["d"]))
    if not match["time"]:
        return EventTime(day.isoformat())
    moment = datetime.combine(day, _parse_clock(match["time"])).astimezone()
    return EventTime(moment.isoformat())


def _checked_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        hint = "Dates are read day first, as in the UK: 24/11/2026 is 24 November 2026."
        raise LogInputError(
            f"{day:02d}/{month:02d}/{year} is not a real date.", hint=hint
        ) from None


_CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?\s*(?:([ap])\.?m\.?)?")


def _parse_clock(text: str) -> time:
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        raise LogInputError(f"'{text}' is not a time.", hint="Use 24-hour time such as 14:30.")
    hour, minute, second = (int(g or 0) for g in match.groups()[:3])
    if match[4]:
        if not 1 <= hour <= 12:
            raise LogInputError(f"'{text}' is not a time.", hint="Use 2:30pm or 14:30.")
        hour = hour % 12 + (12 if match[4] == "p" else 0)
    try:
        return time(hour, minute, second)
    except ValueError:
        raise LogInputError(
            f"'{text}' is not a time.", hint="Use 24-hour time such as 14:30."
        ) from None
