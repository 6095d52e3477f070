"""Times at the edges of the calendar, typed into `log add` or the browser's entry form: each
is refused in words, never an internal error."""

from __future__ import annotations

import pytest

from footprint.log.errors import LogInputError
from footprint.log.when import parse_when

EDGES = [
    "0001-01-01T00:00",
    "0001-01-01 00:00",
    "0001-01-01",
    "01/01/0001 09:00",
    "01/01/0001",
    "1 January 0001 9am",
]


@pytest.mark.parametrize("typed", EDGES)
def test_a_time_at_the_start_of_the_calendar_is_refused_in_words(typed: str) -> None:
    with pytest.raises(LogInputError):
        parse_when(typed)
