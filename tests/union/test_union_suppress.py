"""Small numbers hidden, and nothing hidden can be worked out from what is shown."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from footprint.union.suppress import FLOOR, suppress_cross, suppress_group, suppress_total


def _safe(values: list[int], shown: list[int | None]) -> bool:
    """No hidden cell is below the floor alone or recoverable: two or more hidden, sum >= 10."""
    hidden = [v for v, s in zip(values, shown, strict=True) if s is None]
    if any(s is not None and s < FLOOR for s in shown):
        return False
    return not hidden or (len(hidden) >= 2 and sum(hidden) >= FLOOR) or len(hidden) == len(values)


CASES = [
    # (counts, expected shown)
    ({"a": 50, "b": 40, "c": 30}, {"a": 50, "b": 40, "c": 30}),
    # one small cell: the next smallest goes too, or the total gives it back
    ({"a": 50, "b": 40, "c": 3}, {"a": 50, "b": None, "c": None}),
    # two small cells summing under 10: a third is hidden so their sum is not known to be small
    ({"a": 50, "b": 40, "c": 3, "d": 2}, {"a": 50, "b": None, "c": None, "d": None}),
    # two small cells summing to 10 or more: enough on their own
    ({"a": 50, "b": 6, "c": 5}, {"a": 50, "b": None, "c": None}),
    # a total under the floor hides everything
    ({"a": 5, "b": 3}, {"a": None, "b": None}),
    # zero is a small number too
    ({"a": 50, "b": 40, "c": 0}, {"a": 50, "b": None, "c": None}),
]


def test_group_cases() -> None:
    for counts, expected in CASES:
        assert suppress_group(counts) == expected, counts


@given(st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=8))
def test_no_hidden_cell_can_be_worked_out(values: list[int]) -> None:
    shown = suppress_group({str(i): v for i, v in enumerate(values)})
    assert _safe(values, list(shown.values())), (values, shown)


def test_total() -> None:
    assert suppress_total(9) is None
    assert suppress_total(10) == 10


def test_cross_table_protects_rows_and_columns() -> None:
    table = [[40, 30, 2], [25, 20, 15], [12, 11, 30]]
    shown = suppress_cross(table)
    assert shown[0][2] is None  # the small cell
    for r, row in enumerate(table):  # every row and every column stays safe
        assert _safe(row, shown[r])
    for c in range(3):
        assert _safe([row[c] for row in table], [row[c] for row in shown])


@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=40), min_size=3, max_size=3),
        min_size=2,
        max_size=4,
    )
)
def test_cross_table_safe_for_any_counts(table: list[list[int]]) -> None:
    shown = suppress_cross(table)
    for r, row in enumerate(table):
        assert _safe(row, shown[r]), (table, shown)
    for c in range(len(table[0])):
        assert _safe([row[c] for row in table], [row[c] for row in shown]), (table, shown)


def test_a_row_hidden_in_its_own_table_is_hidden_whole() -> None:
    # Hospital 25 is hidden in the role table to protect locum 7; its cells here must not
    # add back up to it.
    table = [[60, 40], [12, 13], [4, 3]]
    shown = suppress_cross(table, hidden_rows=frozenset({1, 2}))
    assert shown[1] == [None, None] and shown[2] == [None, None]
