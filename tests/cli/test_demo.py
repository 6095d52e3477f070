"""`footprint demo`: a complete report from loopback pages only, the first thing a new user runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPORT_FIELDS = {
    "schema_version",
    "generated_at",
    "tool_version",
    "subject",
    "adviser",
    "case",
    "summary",
    "findings",
    "lookups",
    "consents",
    "unanswered",
    "not_checked",
}


@pytest.mark.slow  # the whole demo audit
def test_demo_writes_a_complete_report(run_cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "demo"
    r = run_cli("demo", "--out", out)
    assert r.code == 0, r.stderr
    data = json.loads((out / "report.json").read_text())
    assert REPORT_FIELDS <= set(data)
    summary = data["summary"]
    assert {"score", "coverage", "axes", "counts", "top_actions"} <= set(summary)
    # the demo answers a third of the questions: honest coverage, and no score yet
    assert 0 < summary["coverage"] < 0.6 and summary["score"] is None
    assert f"{summary['checks_open']} of {summary['checks']} checks still open" in r.stdout
    assert "No score yet" in r.stdout and "Score:" not in r.stdout
    # one ordered plan: severity order, and "do these first" is its start
    ranks = ["critical", "high", "medium", "low", "info"]
    order = [ranks.index(f["severity"]) for f in data["findings"]]
    assert order == sorted(order)
    plan = [f["id"] for f in data["findings"]]
    first = [plan.index(a["finding_id"]) for a in summary["top_actions"]]
    assert first == sorted(first) and first[0] == 0
    assert len(data["findings"]) >= 15
    html = (out / "report.html").read_text()
    assert "<script" not in html.lower()
    assert "# Your privacy audit" in (out / "report.md").read_text()

    outcomes = {o for lk in data["lookups"] for o, n in lk["outcomes"].items() if n}
    assert {"found", "not_found", "couldnt_check"} <= outcomes
    ids = {f["id"] for f in data["findings"]}
    # the patient's-eye chain: the leaked mobile on the team page, a search hit, a register
    assert "page-scan.personal-phone" in ids
    assert any(i.startswith("web-search.people-search") for i in ids)
    assert "companies-house.home-address" in ids
    reasons = " ".join(n["reason"] for n in data["not_checked"])
    assert "403" in reasons and "too long" in reasons
    # the default copy is masked: the fictional private mobile never appears in full
    assert "900123" not in json.dumps(data) and "900123" not in html
