"""A checklist finding whose sources are all old or undated says when it was last confirmed, in
every format; a finding with a recent source says nothing of the kind."""

from __future__ import annotations

from collections.abc import Callable

from tests.report.conftest import finding

from footprint.model.vocab import Severity
from footprint.report.model import Report
from footprint.report.render import render_html, render_json, render_markdown


def test_old_sources_show_last_confirmed_year(make_report: Callable[..., Report]) -> None:
    stale = finding("strava.old-claim", Severity.HIGH, title="An old claim", last_confirmed=2019)
    fresh = finding("strava.new-claim", Severity.HIGH, title="A fresh claim")
    report = make_report(findings=[stale, fresh])
    html, md = render_html(report), render_markdown(report)
    assert html.count("Last confirmed 2019.") == 1 and md.count("Last confirmed 2019.") == 1
    assert "Last confirmed" not in md[md.index("A fresh claim") :]
    assert '"last_confirmed": 2019' in render_json(report)
