"""The counts, the outputs, the charts and the command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.auditrun import footprint
from tests.union.copies import FINDINGS, adviser_copy, random_copies

from footprint.union import count_calls
from footprint.union.counts import NO_ACTION, OTHER_ACTIONS
from footprint.union.render import render


def _table(stats: object, table_id: str) -> dict[str, int | None]:
    table = next(t for t in stats.tables if t.id == table_id)  # type: ignore[attr-defined]
    return {row.label: row.calls for row in table.rows}


def test_counts_by_role_nation_quarter_with_small_numbers_hidden() -> None:
    copies = [adviser_copy(role="gp") for _ in range(30)]
    copies += [adviser_copy(role="hospital", nation="scotland") for _ in range(12)]
    copies += [adviser_copy(role="locum", nation="wales") for _ in range(3)]
    stats = count_calls(copies, {})
    assert stats.calls == 45
    # locum (3) hidden; hospital (12) hidden with it, or 45 - 30 would give locum back
    assert _table(stats, "role") == {"GP": 30, "Hospital doctor": None, "Locum": None}
    assert _table(stats, "nation") == {"England": 30, "Wales": None, "Scotland": None}
    assert _table(stats, "quarter") == {"2026 Q4": 45}
    (cross,) = stats.cross
    hospital = cross.rows.index("Hospital doctor")
    assert cross.cells[hospital] == [None] * len(cross.columns)


def test_findings_and_first_actions() -> None:
    copies = [adviser_copy(findings=(1, 0)) for _ in range(20)]
    copies += [adviser_copy(findings=(0,)) for _ in range(15)]
    copies += [adviser_copy(findings=()) for _ in range(11)]
    stats = count_calls(copies, {})
    findings = _table(stats, "findings")
    assert findings[FINDINGS[0][1]] == 35 and findings[FINDINGS[1][1]] == 20
    first = _table(stats, "first_actions")
    assert first[FINDINGS[1][1]] == 20 and first[FINDINGS[0][1]] == 15
    assert first[NO_ACTION] == 11
    assert OTHER_ACTIONS not in first
    assert _table(stats, "severity")["critical"] == 20


def test_plan_states_counted_when_copies_carry_them() -> None:
    copies = [adviser_copy(plan={"confirmed_gone": 2, "todo": 1}) for _ in range(12)]
    copies += [adviser_copy() for _ in range(5)]
    plan = _table(count_calls(copies, {}), "plan")
    assert plan == {"confirmed_gone": 12, "todo": 12}


def test_every_output_states_the_rule_and_hides_small_numbers() -> None:
    stats = count_calls(random_copies(40), {"a member's copy": 2})
    html, text, data = (render(stats, f) for f in ("html", "csv", "json"))
    for out in (html, text, data):
        assert "fewer than 10" in out
    parsed = json.loads(data)
    numbers = [row["calls"] for t in parsed["tables"] for row in t["rows"]]
    numbers += [cell for x in parsed["cross"] for line in x["cells"] for cell in line]
    assert all(n is None or n >= 10 for n in numbers)
    rows = list(csv.reader(io.StringIO(text)))
    assert all(row[3] == "" or int(row[3]) >= 10 for row in rows[2:])


def test_html_holds_static_charts_and_no_script() -> None:
    html = render(count_calls(random_copies(200), {}), "html")
    assert html.count('<svg role="img"') >= 6
    assert "<script" not in html.lower()
    assert 'aria-label="Bar chart: Calls by the member' in html


def test_command_writes_each_format_and_names_refusals(tmp_path: Path) -> None:
    folder = tmp_path / "copies"
    folder.mkdir()
    for n, copy in enumerate(random_copies(30)):
        (folder / f"{n}.json").write_text(copy.model_dump_json(by_alias=True))
    (folder / "not-a-copy.json").write_text("{}")
    out = tmp_path / "out"
    run = footprint("union", "stats", folder, "--out", out)
    assert run.code == 0, run.stdout + run.stderr
    assert "Counted 30 adviser copies; not counted: 1." in run.stdout
    assert "not-a-copy.json" in run.stderr
    for fmt in ("html", "csv", "json"):
        written = out / f"union-stats.{fmt}"
        assert written.stat().st_mode & 0o077 == 0  # owner-only


def test_command_refuses_when_nothing_is_an_adviser_copy(tmp_path: Path) -> None:
    bad = tmp_path / "x.json"
    bad.write_text("[]")
    run = footprint("union", "stats", bad, "--out", tmp_path / "out")
    assert run.code == 2
    assert "No adviser copy to count" in run.stderr
