"""Small numbers never shown: the rule, and the complementary suppression that keeps it.

Any count of fewer than `FLOOR` calls is hidden. Hiding one cell is not enough when its group's
total is shown: total minus the other cells gives it back. So within every group that has a
shown total, more cells are hidden (the smallest first) until at least two are hidden and
together they make at least `FLOOR` calls; then neither a cell nor a small sum can be worked out.
A group whose total is under the floor is hidden whole. Cross-tables apply this to every row and
every column, again and again, until nothing changes; a row or column whose own total is hidden
in its one-way table is hidden whole, so its cells cannot add up to what that table hides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

FLOOR = 10
RULE = (
    'Small numbers are never shown: any count of fewer than 10 calls reads "fewer than 10", '
    "and other counts are hidden too where they would let a hidden one be worked out from a total."
)
RULE_HEADING, RULE_DETAIL = RULE.split(": ", 1)
Cell = int | None  # None: suppressed


def _complete(counts: Sequence[int], hidden: set[int], total: int) -> set[int]:
    """Indices to hide in one group so that the hidden ones cannot be worked out."""
    hidden = set(hidden)
    if total < FLOOR:
        return set(range(len(counts)))
    while hidden:
        hidden_sum = sum(counts[i] for i in hidden)
        if len(hidden) >= 2 and hidden_sum >= FLOOR:
            break
        shown = [i for i in range(len(counts)) if i not in hidden]
        if not shown:
            break
        hidden.add(min(shown, key=lambda i: (counts[i], i)))
    return hidden


def suppress_group(counts: Mapping[str, int], total: int | None = None) -> dict[str, Cell]:
    """Counts with small ones hidden; `total` (default: their sum) is taken to be shown."""
    keys = list(counts)
    values = [counts[k] for k in keys]
    whole = sum(values) if total is None else total
    small = {i for i, v in enumerate(values) if v < FLOOR}
    hidden = _complete(values, small, whole)
    return {k: (None if i in hidden else values[i]) for i, k in enumerate(keys)}


def suppress_total(total: int) -> Cell:
    """A total on its own: hidden under the floor."""
    return None if total < FLOOR else total


def suppress_cross(
    table: Sequence[Sequence[int]],
    hidden_rows: frozenset[int] = frozenset(),
    hidden_cols: frozenset[int] = frozenset(),
) -> list[list[Cell]]:
    """A cross-table whose row and column totals are shown elsewhere, except the rows and
    columns named as hidden there."""
    rows, cols = len(table), len(table[0]) if table else 0
    hidden = {
        (r, c)
        for r in range(rows)
        for c in range(cols)
        if table[r][c] < FLOOR or r in hidden_rows or c in hidden_cols
    }
    changed = True
    while changed:
        changed = False
        lines = [[(r, c) for c in range(cols)] for r in range(rows)]
        lines += [[(r, c) for r in range(rows)] for c in range(cols)]
        for line in lines:
            values = [table[r][c] for r, c in line]
            inside = {i for i, cell in enumerate(line) if cell in hidden}
            if not inside:
                continue
            wanted = _complete(values, inside, sum(values))
            new = {line[i] for i in wanted} - hidden
            if new:
                hidden |= new
                changed = True
    return [[None if (r, c) in hidden else table[r][c] for c in range(cols)] for r in range(rows)]
