"""Reading the time of a contact: ISO and UK forms, and refusing anything it would guess."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from footprint.log.errors import LogInputError
from footprint.log.when import EventTime, parse_when

NOW = datetime(2026, 11, 24, 18, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("typed", "day", "clock"),
    [
        ("24/11/2026 14:30", "2026-11-24", "14:30"),
        ("24/11/2026", "2026-11-24", None),
        ("3/2/2026 9:05", "2026-02-03", "09:05"),
        ("24-11-2026 2:30pm", "2026-11-24", "14:30"),
        ("24.11.2026 12am", "2026-11-24", "00:00"),
        ("24 Nov 2026 14:30", "2026-11-24", "14:30"),
        ("1st March 2026", "2026-03-01", None),
        ("2026-11-24", "2026-11-24", None),
        ("2026-11-24 14:30", "2026-11-24", "14:30"),
        ("2026-11-24T14:30:00+00:00", "2026-11-24", "14:30"),
    ],
)
def test_accepts_iso_and_uk_forms_day_first(typed: str, day: str, clock: str | None) -> None:
    result = parse_when(typed, now=NOW)
    assert result.value.startswith(day)
    assert result.has_time is (clock is not None)
    if clock:
        assert result.value[11:16] == clock


def test_a_local_time_keeps_its_utc_offset() -> None:
    value = parse_when("24/11/2026 14:30", now=NOW).value
    assert datetime.fromisoformat(value).utcoffset() is not None


def test_now_is_the_current_time() -> None:
    assert parse_when("now", now=NOW).moment == NOW


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("11/24/2026", "not a real date"),  # US order: month 24
        ("24/11/26", "not a full year"),  # two-digit years are ambiguous
        ("31/02/2026", "not a real date"),
        ("24/11/2026 25:00", "not a time"),
        ("24 Novembre 2026", "not a month"),
        ("yesterday", "can read for certain"),
        ("14:30", "can read for certain"),  # no date
        ("", "Say when"),
        ("25/11/2026", "in the future"),
    ],
)
def test_refuses_what_it_would_have_to_guess(typed: str, says: str) -> None:
    with pytest.raises(LogInputError) as caught:
        parse_when(typed, now=NOW)
    assert says in caught.value.message + (caught.value.hint or "")


def test_displays_uk_style() -> None:
    assert EventTime("2026-11-24T14:30:00+00:00").display() == "24/11/2026 14:30"
    assert EventTime("2026-11-24").display() == "24/11/2026"
