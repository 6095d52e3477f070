"""`summary.critical_open` and the words for it: critical questions not answered or unsure."""

from __future__ import annotations

from footprint.audit.build import AuditState, build_report
from footprint.content.checklists import select_items, shipped_catalogue
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import Answer, Severity
from footprint.report.model import Summary
from footprint.report.render import render_html, render_markdown
from footprint.report.summary import UNSURE_MARK, summary_lines


def test_the_json_field_says_what_it_counts() -> None:
    text = Summary.model_fields["critical_open"].description or ""
    assert text.startswith("Critical questions that apply and are unanswered or unsure")


def test_an_unsure_critical_answer_is_named_where_the_count_is_explained() -> None:
    profile = Profile.model_validate({"name": "Jane Doe", "platforms": ["facebook"]})
    catalogue = shipped_catalogue()
    items = select_items(catalogue, profile)
    critical = next(i for i in items if i.severity is Severity.CRITICAL)
    answers = {i.id: Answer.NO for i in items} | {critical.id: Answer.UNSURE}
    searched = Observation(lookup_id="web-search", outcome=Outcome.NOT_FOUND, subject="search: x")
    state = AuditState(profile=profile, answers=answers, observations=[searched])
    report = build_report(catalogue, items, state)
    assert report.summary.critical_open == 1 and report.summary.score is None
    terminal = " ".join(line.text for line in summary_lines(report))
    for text in (render_html(report), render_markdown(report), terminal):
        assert "1 critical question still open" in text
    for text in (render_html(report), render_markdown(report)):
        assert "Critical questions still open (1;" in text
        assert f"{critical.finding} ({UNSURE_MARK})" in text.replace("&#39;", "'")
