"""`footprint demo`: a complete report from loopback pages only (issue 2 and 3 "done means")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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


def test_demo_writes_a_complete_report(run_cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "demo"
    r = run_cli("demo", "--out", out)
    assert r.code == 0, r.stderr
    data = json.loads((out / "report.json").read_text())
    assert REPORT_FIELDS <= set(data)
    assert {"score", "axes", "counts", "top_actions"} <= set(data["summary"])
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
