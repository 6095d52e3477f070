"""Receipts typed back in with a slip: a character too many or too few, or a count no log can
have, is said to be no receipt, never read as a different receipt (which would then report
entries removed that were not)."""

from __future__ import annotations

import pytest

from footprint.log.errors import LogInputError
from footprint.log.receipt import parse_receipt

PRINTED = "19-7KQ2-M8ZD-41XA-9QPR"


@pytest.mark.parametrize(
    "typed",
    [
        "19-7KQ2-M8ZD-41XA-9QPRX",  # one character too many
        "19-7KQ2-M8ZD-41XA-9QP",  # one too few
        "19 7KQ2 M8ZD 41XA 9QP2 4",
        "9" * 5000 + "-7KQ2-M8ZD-41XA-9QPR",  # a count no log can have
    ],
)
def test_a_slip_is_no_receipt(typed: str) -> None:
    with pytest.raises(LogInputError):
        parse_receipt(typed)


@pytest.mark.parametrize(
    "typed", [PRINTED, " 19 7kq2 m8zd 41xa 9qpr ", "197KQ2M8ZD41XA9QPR", "19-7KQ2M8ZD41XA9QPR"]
)
def test_the_printed_receipt_reads_however_it_is_spaced(typed: str) -> None:
    assert str(parse_receipt(typed)) == PRINTED
