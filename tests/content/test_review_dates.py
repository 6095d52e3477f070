"""Review dates are honest: an item's `reviewed` month is the month its claim was checked against
a source, every source carries its own date, and old or undated sources show as "last confirmed"."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from footprint.content.checklists import ChecklistItem, GuidanceRef, shipped_catalogue
from footprint.content.sources import Source, last_confirmed_year

CATALOGUE = shipped_catalogue()
ITEMS = list(CATALOGUE.items.values())
IDS = [i.id for i in ITEMS]
TODAY = date(2026, 12, 6)

_ITEM = {
    "id": "test.item",
    "question": "Is this a question?",
    "finding": "This is the finding.",
    "why": "Because it matters.",
    "check": "Look here.",
    "fix": ["Do this."],
    "severity": "low",
    "axis": "findable",
    "exposes": "identity",
    "effort": 5,
}
_SOURCE = {"url": "https://example.org/help", "date": "2025-03", "checked": "2026-12"}


def _source(**changes: str) -> Source:
    return Source.model_validate(_SOURCE | changes)


@pytest.mark.parametrize("item", ITEMS, ids=IDS)
def test_a_reviewed_item_was_checked_that_month(item: ChecklistItem) -> None:
    if item.reviewed is None:
        assert not item.sources
        return
    assert item.sources, f"{item.id}: reviewed with no source"
    assert item.reviewed == max(s.checked for s in item.sources)


def test_no_item_claims_a_review_without_a_dated_source() -> None:
    # "undated" is a date the page itself gave (none): the source was still looked at.
    assert [i.id for i in ITEMS if i.reviewed and not any(s.date for s in i.sources)] == []


def test_a_review_later_than_any_check_is_refused() -> None:
    with pytest.raises(ValidationError, match="latest `checked`"):
        ChecklistItem.model_validate(_ITEM | {"reviewed": "2026-12"})
    with pytest.raises(ValidationError, match="latest `checked`"):
        ChecklistItem.model_validate(
            _ITEM | {"reviewed": "2026-12", "sources": [_SOURCE | {"checked": "2026-05"}]}
        )
    with pytest.raises(ValidationError, match="latest `checked`"):
        ChecklistItem.model_validate(_ITEM | {"sources": [_SOURCE]})  # checked, not reviewed
    ok = ChecklistItem.model_validate(_ITEM | {"reviewed": "2026-12", "sources": [_SOURCE]})
    assert ok.reviewed == "2026-12"


@pytest.mark.parametrize("bad", ["2025-13", "25-03", "March 2025", "2025/03", ""])
def test_a_source_date_has_a_fixed_shape(bad: str) -> None:
    with pytest.raises(ValidationError):
        _source(date=bad)


def test_yaml_dates_are_read_as_text() -> None:
    assert Source.model_validate(_SOURCE | {"date": date(2025, 3, 1)}).date == "2025-03-01"


def test_last_confirmed_is_the_newest_source_year_once_every_dated_source_is_old() -> None:
    fresh, old, undated = _source(date="2024-06"), _source(date="2017"), _source(date="undated")
    assert last_confirmed_year([fresh], TODAY) is None
    assert last_confirmed_year([old, fresh], TODAY) is None
    # A 2017 source checked this year still only vouches for 2017.
    assert last_confirmed_year([old], TODAY) == 2017
    assert last_confirmed_year([undated, _source(date="2022-12-31")], TODAY) == 2022
    assert last_confirmed_year([_source(date="2016", checked="2021-04")], TODAY) == 2016
    # Undated sources: their age is unknown, so nothing is claimed either way.
    assert last_confirmed_year([undated], TODAY) is None
    assert last_confirmed_year([], TODAY) is None


@pytest.mark.parametrize("ref", CATALOGUE.guidance.values(), ids=list(CATALOGUE.guidance))
def test_every_guidance_entry_has_a_date(ref: GuidanceRef) -> None:
    assert ref.date, ref.id
    if ref.date == "undated":
        assert ref.checked, f"{ref.id}: an undated page says when it was read"


def test_guidance_without_a_date_is_refused() -> None:
    base = {
        "id": "g",
        "publisher": "P",
        "title": "T",
        "url": "https://example.org/",
        "summary": "S",
    }
    with pytest.raises(ValidationError):
        GuidanceRef.model_validate(base)
    with pytest.raises(ValidationError, match="checked"):
        GuidanceRef.model_validate(base | {"date": "undated"})
    with pytest.raises(ValidationError):
        GuidanceRef.model_validate(base | {"date": "last year"})
    assert GuidanceRef.model_validate(base | {"date": "undated", "checked": "2026-12"}).checked
