"""The hash chain on its own: any change to any field of any entry is found at that entry."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from footprint.log.chain import GENESIS, seal, verify
from footprint.log.models import Attachment, Channel, EntryFields
from footprint.log.when import parse_when

TEXT_FIELDS = ["where", "what", "reported_to", "reference", "reason", "recorded_at"]


def _chain(texts: list[str]) -> list[dict[str, Any]]:
    records, prev = [], GENESIS
    for n, text in enumerate(texts, start=1):
        attachment = Attachment(
            name=f"f{n}.png", sha256=f"{n:064x}", size=n, media_type="image/png"
        )
        entry = seal(
            EntryFields(when="2026-11-20", channel=Channel.TEXT, what=text or "x", where=text),
            seq=n,
            recorded_at="2026-11-24T10:00:00+00:00",
            attachments=[attachment],
            prev_hash=prev,
        )
        prev = entry.entry_hash
        records.append(entry.model_dump(mode="json"))
    return records


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=6),
    data=st.data(),
)
def test_any_changed_field_is_named(texts: list[str], data: st.DataObject) -> None:
    records = _chain(texts)
    assert verify(records).ok
    target = data.draw(st.integers(0, len(records) - 1))
    field = data.draw(st.sampled_from([*TEXT_FIELDS, "attachment", "witness"]))
    changed = dict(records[target])
    if field == "attachment":
        changed["attachments"] = [{**changed["attachments"][0], "size": 10_000}]
    elif field == "witness":
        changed["witnesses"] = ["someone else"]
    else:
        changed[field] = str(changed[field]) + "!"
    records[target] = changed
    problem = verify(records).problem
    assert problem is not None and problem.seq == target + 1


@settings(max_examples=80, deadline=None)
@given(st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2026, 11, 1)))
def test_uk_dates_read_back_as_written(moment: datetime) -> None:
    typed = moment.strftime("%d/%m/%Y %H:%M")
    parsed = parse_when(typed, now=datetime(2026, 11, 24, tzinfo=timezone.utc) + timedelta(days=1))
    assert parsed.display() == typed
