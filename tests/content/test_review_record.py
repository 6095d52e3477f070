"""The review record puts the entries most in need of a fresh check first."""

from __future__ import annotations

from footprint.content.checklists import shipped_catalogue
from footprint.content.review import ReviewEntry, SourceDate, review_record


def _entry(ident: str, *dates: str) -> ReviewEntry:
    sources = tuple(SourceDate("https://example.org/", None, d, "2026-12") for d in dates)
    return ReviewEntry(ident, "item", "Q?", "2026-12" if dates else None, sources, None)


def test_never_checked_then_undated_then_oldest_newest_source() -> None:
    entries = [
        _entry("fresh", "2025-03"),
        _entry("old-and-new", "2016", "2024-01-05"),
        _entry("old", "2017-06"),
        _entry("undated", "undated"),
        _entry("never"),
    ]
    ordered = [e.id for e in sorted(entries, key=lambda e: e.sort_key)]
    assert ordered == ["never", "undated", "old", "old-and-new", "fresh"]
    assert _entry("x", "2016", "2024-01-05").newest_source_date == "2024-01-05"


def test_the_record_holds_every_item_and_guidance_entry() -> None:
    cat = shipped_catalogue()
    record = review_record(cat)
    assert {e.id for e in record if e.kind == "item"} == set(cat.items)
    assert {e.id for e in record if e.kind == "guidance"} == set(cat.guidance)
    assert record == sorted(record, key=lambda e: e.sort_key)
