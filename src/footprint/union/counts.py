"""Counting calls: every number is a number of adviser calls, so one floor protects them all.

A table whose rows split the calls (each call in exactly one row: role, nation, quarter, coverage,
first action) is a partition: its total is shown, so complementary suppression applies. A table
whose rows overlap (a call with several findings is in several rows) has no sum to subtract from,
so only its small cells are hidden.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from footprint.model.vocab import Axis, Severity
from footprint.report.adviser import AdviserFinding, AdviserReport
from footprint.report.model import Status
from footprint.union.suppress import (
    RULE,
    Cell,
    suppress_cross,
    suppress_group,
    suppress_total,
)

ROLES = {
    "gp": "GP",
    "hospital": "Hospital doctor",
    "private": "Private practice",
    "locum": "Locum",
    "other": "Other role",
}
NATIONS = {
    "england": "England",
    "wales": "Wales",
    "scotland": "Scotland",
    "northern-ireland": "Northern Ireland",
    "GB": "UK, nation not recorded",
    "IE": "Ireland",
    "US": "United States",
    "AU": "Australia",
}
NOT_RECORDED = "Not recorded"
COVERAGE_BANDS = ("Under 20%", "20% to 39%", "40% to 59%", "60% to 79%", "80% or more")
TOP_FINDINGS = 20
TOP_ACTIONS = 10
OTHER_ACTIONS = "Any other first action"
NO_ACTION = "Nothing to do first"


@dataclass(frozen=True)
class Row:
    label: str
    calls: Cell
    note: str = ""


@dataclass(frozen=True)
class Table:
    id: str
    title: str
    heading: str  # what the rows are
    rows: list[Row]
    partition: bool  # each call in exactly one row: the total is the number of calls
    chart: bool = True


@dataclass(frozen=True)
class CrossTable:
    id: str
    title: str
    row_heading: str
    rows: list[str]
    columns: list[str]
    cells: list[list[Cell]]


@dataclass(frozen=True)
class Stats:
    """Everything the outputs show; every count already suppressed."""

    calls: Cell
    tables: list[Table]
    cross: list[CrossTable]
    refused: dict[str, int]
    generated_at: datetime
    rule: str = RULE


def role_of(copy: AdviserReport) -> str:
    return ROLES.get(copy.role or "", NOT_RECORDED)


def nation_of(copy: AdviserReport) -> str:
    return NATIONS.get(copy.nation or copy.country or "", NOT_RECORDED)


def quarter_of(copy: AdviserReport) -> str:
    at = copy.generated_at
    return f"{at.year} Q{(at.month - 1) // 3 + 1}"


def coverage_of(copy: AdviserReport) -> str:
    if copy.coverage is None:
        return NOT_RECORDED
    return COVERAGE_BANDS[min(int(copy.coverage * 100) // 20, len(COVERAGE_BANDS) - 1)]


def _exposed(copy: AdviserReport) -> list[AdviserFinding]:
    return [f for f in copy.findings if f.status is Status.EXPOSED]


def first_action_of(copy: AdviserReport) -> str:
    """The first action the adviser handed out: the plan's first finding still exposed."""
    exposed = _exposed(copy)
    return exposed[0].title if exposed else NO_ACTION


def _partition(
    id: str, title: str, heading: str, labels: Iterable[str], order: Sequence[str] = ()
) -> Table:
    counts = Counter(labels)
    keys = [k for k in order if k in counts] + sorted(k for k in counts if k not in order)
    shown = suppress_group({k: counts[k] for k in keys})
    rows = [Row(k, shown[k]) for k in keys]
    return Table(id, title, heading, rows, partition=True)


def _overlapping(
    id: str,
    title: str,
    heading: str,
    counts: Counter[str],
    notes: dict[str, str],
    limit: int | None = None,
) -> Table:
    keys = sorted(counts, key=lambda k: (-counts[k], k))[:limit]
    rows = [Row(k, counts[k] if counts[k] >= 10 else None, notes.get(k, "")) for k in keys]
    return Table(id, title, heading, rows, partition=False)


def _per_call(
    copies: Sequence[AdviserReport], keys: Callable[[AdviserReport], set[str]]
) -> Counter[str]:
    counts: Counter[str] = Counter()
    for copy in copies:
        counts.update(keys(copy))
    return counts


def _first_actions(copies: Sequence[AdviserReport]) -> Table:
    firsts = [first_action_of(c) for c in copies]
    common = [a for a, _ in Counter(a for a in firsts if a != NO_ACTION).most_common(TOP_ACTIONS)]
    labels = [a if a in common or a == NO_ACTION else OTHER_ACTIONS for a in firsts]
    table = _partition(
        "first_actions",
        "The first action advisers handed out",
        "First action",
        labels,
        order=[*common, OTHER_ACTIONS, NO_ACTION],
    )
    return table


def _findings(copies: Sequence[AdviserReport]) -> Table:
    counts = _per_call(copies, lambda c: {f.title for f in _exposed(c)})
    notes = {f.title: f"{f.severity.value}, {f.axis.value}" for c in copies for f in _exposed(c)}
    return _overlapping(
        "findings",
        "The exposures members had most often",
        "Exposure",
        counts,
        notes,
        limit=TOP_FINDINGS,
    )


def _role_by_nation(
    copies: Sequence[AdviserReport], by_role: Table, by_nation: Table
) -> CrossTable:
    roles = [r.label for r in by_role.rows]
    nations = [r.label for r in by_nation.rows]
    counts = Counter((role_of(c), nation_of(c)) for c in copies)
    table = [[counts[(r, n)] for n in nations] for r in roles]
    hidden_rows = frozenset(i for i, r in enumerate(by_role.rows) if r.calls is None)
    hidden_cols = frozenset(i for i, r in enumerate(by_nation.rows) if r.calls is None)
    cells = suppress_cross(table, hidden_rows, hidden_cols)
    return CrossTable("role_by_nation", "Calls by role and nation", "Role", roles, nations, cells)


def count_calls(copies: Sequence[AdviserReport], refused: dict[str, int]) -> Stats:
    """Every table of the union statistics, small numbers already hidden."""
    by_role = _partition(
        "role",
        "Calls by the member's role",
        "Role",
        (role_of(c) for c in copies),
        order=[*ROLES.values(), NOT_RECORDED],
    )
    by_nation = _partition(
        "nation",
        "Calls by nation",
        "Nation",
        (nation_of(c) for c in copies),
        order=[*NATIONS.values(), NOT_RECORDED],
    )
    quarters = [quarter_of(c) for c in copies]
    by_quarter = _partition(
        "quarter", "Calls by quarter", "Quarter", quarters, order=sorted(set(quarters))
    )
    coverage = _partition(
        "coverage",
        "How much of the audit each call covered",
        "Checked",
        (coverage_of(c) for c in copies),
        order=[*COVERAGE_BANDS, NOT_RECORDED],
    )
    severity = _per_call(copies, lambda c: {f.severity.value for f in _exposed(c)})
    axis = _per_call(copies, lambda c: {f.axis.value for f in _exposed(c)})
    tables = [
        by_role,
        by_nation,
        by_quarter,
        coverage,
        _overlapping(
            "severity",
            "Calls with at least one exposure of each severity",
            "Severity",
            Counter({s.value: severity[s.value] for s in Severity}),
            {},
        ),
        _overlapping(
            "axis",
            "Calls with at least one exposure of each kind",
            "Kind",
            Counter({a.value: axis[a.value] for a in Axis}),
            {},
        ),
        _findings(copies),
        _first_actions(copies),
    ]
    plans = [c for c in copies if c.plan]
    if plans:
        statuses = _per_call(plans, lambda c: {s for s, n in (c.plan or {}).items() if n})
        tables.append(
            _overlapping(
                "plan",
                "Calls whose plan shows an action in each state",
                "Action state",
                statuses,
                {},
            )
        )
    return Stats(
        calls=suppress_total(len(copies)),
        tables=tables,
        cross=[_role_by_nation(copies, by_role, by_nation)],
        refused=refused,
        generated_at=datetime.now(timezone.utc).replace(microsecond=0),
    )
