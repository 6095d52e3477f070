"""Every kind of edit in `tests.log.tampering` is caught: by `verify` alone, or by the receipt
where nothing on the computer can show it (the log or file rewritten whole and re-sealed)."""

from __future__ import annotations

import pytest
from tests.log.tampering import try_export_edits, try_log_edits

ONLY_A_RECEIPT_SHOWS = {
    "last entry deleted, every head record rewritten",
    "entry changed and every hash and record rewritten",
    "whole log replaced by a shorter rewritten one",
    "entry changed, file re-chained and re-sealed",
    "last entries dropped, file re-sealed",
}


@pytest.mark.slow
def test_every_log_and_export_edit_is_caught() -> None:
    outcomes = try_log_edits() + try_export_edits()
    assert len(outcomes) >= 23 + 13
    assert [o.name for o in outcomes if not o.by_receipt] == []
    assert {o.name for o in outcomes if not o.by_verify} == ONLY_A_RECEIPT_SHOWS
