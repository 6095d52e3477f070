"""The view: labels and small formatters the templates rely on."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from footprint.report.model import Copy, Report
from footprint.report.render import render_html, render_markdown
from footprint.report.view import build_view, format_date, minutes, role_label


@pytest.mark.parametrize(
    ("value", "text"), [(0, "0 min"), (45, "45 min"), (60, "1 h"), (95, "1 h 35 min")]
)
def test_minutes(value: int, text: str) -> None:
    assert minutes(value) == text


def test_format_date() -> None:
    when = datetime(2026, 3, 4, 9, 7, tzinfo=timezone.utc)
    assert format_date(when) == "4 March 2026, 09:07 UTC"
    assert format_date(when, with_time=False) == "4 March 2026"
    assert format_date(datetime(2026, 3, 4, 9, 7)) == "4 March 2026, 09:07"
    assert format_date(None) == ""


def test_role_label() -> None:
    assert role_label("gp") == "GP" and role_label("surgeon") == "surgeon"


def test_view_counts_everything_not_checked(report: Report) -> None:
    v = build_view(report)
    assert v.not_checked_count == 1 + 1 + 2
    assert [f.id for f in v.couldnt_check] == ["people-search.192"]
    assert v.plan_minutes == sum(i.finding.effort_minutes for i in v.plan) == 70
    assert [i.number for i in v.plan] == list(range(1, 7))
    assert v.header is None and not v.is_adviser


def test_view_numbers_evidence_across_the_plan(report: Report) -> None:
    v = build_view(report)
    assert [(e.label, e.number) for e in v.evidence] == [("E1", 1), ("E2", 2), ("E3", 2)]


def test_unanswered_by_area_critical_first(report: Report) -> None:
    v = build_view(report)
    assert sum(a.count for a in v.unanswered_by_area) == len(report.unanswered)


def test_view_header_per_copy(report: Report) -> None:
    adviser = build_view(report.model_copy(update={"copy_kind": Copy.ADVISER}))
    assert adviser.is_adviser and adviser.header == "Adviser copy \u2014 no personal identifiers"
    masked = build_view(report.model_copy(update={"copy_kind": Copy.MASKED}))
    assert masked.header and "Masked copy" in masked.header


def test_no_score_is_not_scored(report: Report) -> None:
    assert build_view(report).scored
    summary = report.summary.model_copy(update={"score": None, "coverage": 0.1})
    empty = report.model_copy(update={"summary": summary, "findings": []})
    assert not build_view(empty).scored
    html, md = render_html(empty), render_markdown(empty)
    for text in (html, md):
        assert "No score yet" in text and "out of 100" not in text
