"""The view: labels and small formatters the templates rely on."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from footprint.report.model import Copy, Level, Report
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
    assert v.plan_minutes == sum(g.minutes for g in v.plan) == 70
    assert v.header is None and not v.is_adviser


def test_view_header_per_copy(report: Report) -> None:
    adviser = build_view(report.model_copy(update={"copy_kind": Copy.ADVISER}))
    assert adviser.is_adviser and adviser.header == "Adviser copy \u2014 no personal identifiers"
    masked = build_view(report.model_copy(update={"copy_kind": Copy.MASKED}))
    assert masked.header and "Masked copy" in masked.header


def test_nothing_answered_or_checked_has_no_score(report: Report) -> None:
    assert build_view(report).scored
    summary = report.summary.model_copy(
        update={"score": 100, "axes": dict.fromkeys(report.summary.axes, Level.UNKNOWN)}
    )
    empty = report.model_copy(update={"summary": summary, "findings": []})
    assert not build_view(empty).scored
    html, md = render_html(empty), render_markdown(empty)
    assert "no score yet" in html and '<div class="num">100</div>' not in html
    assert "**No score yet.**" in md and "Score: 100" not in md
