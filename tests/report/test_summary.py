"""The shared words: lookup counts, score wording, when reassurance is allowed, score changes."""

from __future__ import annotations

from collections.abc import Callable

from footprint.report.model import LookupSummary, Report, Status
from footprint.report.summary import (
    lookup_counts,
    may_reassure,
    score_change_text,
    score_words,
    summary_lines,
)


def _lookup(lookup_id: str, **outcomes: int) -> LookupSummary:
    return LookupSummary(id=lookup_id, title=lookup_id, outcomes=outcomes, duration_s=0.0)


def test_lookup_counts_what_really_ran(report: Report) -> None:
    r = report.model_copy(
        update={
            "lookups": [
                _lookup("a", found=1, couldnt_check=2),  # ran, partly
                _lookup("b", not_found=1),
                _lookup("c", couldnt_check=3),
                _lookup("d", skipped=1),
            ]
        }
    )
    c = lookup_counts(r)
    assert (c.ran, c.failed, c.skipped) == (2, 1, 1)


def test_score_words_frame_where_you_stand_not_a_grade(report: Report) -> None:
    assert score_words(report).startswith("Where you stand: 41 out of 100 on what was checked")
    none = report.model_copy(
        update={"summary": report.summary.model_copy(update={"score": None, "critical_open": 1})}
    )
    assert score_words(none).startswith("No score yet: 1 critical question still open")


def test_a_score_never_reassures_while_a_patient_is_contacting(
    make_report: Callable[..., Report],
) -> None:
    assert "It does not make you safe" in score_words(make_report(active=True))


def test_reassurance_needs_coverage_nothing_critical_and_no_patient_contacting(
    make_report: Callable[..., Report], report: Report
) -> None:
    high = report.summary.model_copy(update={"coverage": 0.9})
    assert may_reassure(report.model_copy(update={"summary": high}))
    assert not may_reassure(report)  # 0.72 is not high coverage
    active = make_report(active=True).model_copy(update={"summary": high})
    assert not may_reassure(active)
    crit = high.model_copy(update={"critical_open": 1})
    assert not may_reassure(report.model_copy(update={"summary": crit}))


def test_score_change_text() -> None:
    assert score_change_text(41, 62) == "Score: 41 -> 62 (+21; higher is harder to reach)"
    assert score_change_text(62, 41).startswith("Score: 62 -> 41 (-21;")
    assert "no score -> 62" in score_change_text(None, 62)


def test_summary_lines_mark_unsure_actions(report: Report) -> None:
    top = report.summary.top_actions[0].model_copy(update={"status": Status.UNSURE})
    summary = report.summary.model_copy(update={"top_actions": [top]})
    text = "\n".join(
        line.text for line in summary_lines(report.model_copy(update={"summary": summary}))
    )
    assert "(not sure yet \u2014 check)" in text
    assert "17 of 60 checks still open" in text
