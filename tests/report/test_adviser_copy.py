"""The adviser copy: allow-listed from catalogue text, numbers and consent decisions only."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from footprint.audit.outputs import write_adviser_reports
from footprint.audit.stored import lookup_titles, read_adviser_json
from footprint.content.checklists import shipped_catalogue
from footprint.errors import ReportError
from footprint.model.vocab import Axis
from footprint.report.adviser import OTHER_LOOKUP, UNKNOWN_ITEM, adviser_copy
from footprint.report.adviser_render import render_adviser
from footprint.report.model import Copy, Level, Report, Status
from footprint.report.render import Format

FORMATS = [Format.HTML, Format.MARKDOWN, Format.JSON]


def test_it_keeps_what_the_adviser_needs(report: Report) -> None:
    a = adviser_copy(report, lookup_titles())
    assert (a.case, a.adviser) == ("MDU-2026-0042", "Sam Adviser")
    assert a.generated_at == report.generated_at and a.score == report.summary.score
    assert a.axes == report.summary.axes and a.counts == report.summary.counts
    assert (a.answered, a.asked) == (40, 52)
    assert [f.severity for f in a.findings] == [f.severity for f in report.findings]
    assert [f.status for f in a.findings] == [f.status for f in report.findings]
    assert [f.axis for f in a.findings] == [f.axis for f in report.findings]
    assert a.not_checked == 2  # one not-checked entry, one couldn't-check finding


def test_titles_and_steps_come_from_the_catalogues_never_the_instance(report: Report) -> None:
    a = adviser_copy(report, lookup_titles())
    by_ref = {f.ref: f for f in a.findings}
    item = shipped_catalogue().items["facebook.lookup-by-phone"]
    # The report's own title ("Title of facebook...") is an instance value: never copied.
    assert by_ref[item.id].title == item.finding and by_ref[item.id].steps == list(item.fix)
    page_scan = [f for f in a.findings if f.ref == "page-scan"]
    # The sample's ids: page-scan.home-address, page-scan.personal-mobile (no such key).
    assert [f.title for f in page_scan] == ["Pages about you: home address", "Pages about you"]
    assert lookup_titles()["page-scan"] == "Pages about you"
    assert all(f.steps == [] for f in page_scan)
    unknown = next(f for f in a.findings if f.source == "checklist" and f.ref != item.id)
    assert (unknown.ref, unknown.title) == UNKNOWN_ITEM  # not in the shipped catalogue
    other = next(f for f in a.findings if f.source == "lookup" and f.ref != "page-scan")
    assert (other.ref, other.title) == OTHER_LOOKUP  # "people-search" is no built-in lookup


def test_consents_keep_the_decision_and_who_but_never_what_was_sent(report: Report) -> None:
    a = adviser_copy(report, lookup_titles())
    first = a.consents[0]
    assert (first.lookup_id, first.title, first.granted) == ("page-scan", "Pages about you", True)
    assert (first.granted_by, first.asked_by) == ("member (verbal)", "Sam Adviser")
    assert first.at == report.consents[0].at
    data = json.loads(render_adviser(a, Format.JSON))
    assert {"sentence", "destinations"}.isdisjoint(data["consents"][0])


def test_lookups_are_numbers_only(report: Report) -> None:
    a = adviser_copy(report, lookup_titles())
    assert a.lookups[0].errors == 1 and a.lookups[0].outcomes["found"] == 3
    for fmt in FORMATS:
        assert "alexexample" not in str(render_adviser(a, fmt)).lower()


def test_questions_to_finish_come_from_the_catalogue(make_report: Callable[..., Report]) -> None:
    item = shipped_catalogue().items["facebook.lookup-by-phone"]
    r = make_report()
    unanswered = [u.model_copy(update={"id": item.id}) for u in r.unanswered[:1]]
    a = adviser_copy(
        r.model_copy(update={"unanswered": unanswered + r.unanswered}), lookup_titles()
    )
    assert [(u.id, u.question) for u in a.to_finish] == [(item.id, item.question)]


def test_no_score_while_nothing_was_checked(report: Report) -> None:
    blank = report.summary.model_copy(update={"axes": dict.fromkeys(Axis, Level.UNKNOWN)})
    a = adviser_copy(report.model_copy(update={"summary": blank, "findings": []}), lookup_titles())
    assert a.score is None
    assert "no score yet" in str(render_adviser(a, Format.MARKDOWN))


def test_coverage_is_copied(report: Report) -> None:
    summary = report.summary.model_copy(update={"coverage": 0.75})
    a = adviser_copy(report.model_copy(update={"summary": summary}), lookup_titles())
    assert a.coverage == 0.75
    assert "Coverage: 75%" in str(render_adviser(a, Format.MARKDOWN))


def test_an_older_adviser_copy_or_a_masked_copy_gives_the_same(report: Report) -> None:
    old = report.model_copy(update={"copy_kind": Copy.ADVISER})
    assert adviser_copy(old, lookup_titles()) == adviser_copy(report, lookup_titles())


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders(report: Report, fmt: Format) -> None:
    text = str(render_adviser(adviser_copy(report, lookup_titles()), fmt))
    assert "Adviser copy" in text or '"copy": "adviser"' in text
    assert "MDU-2026-0042" in text


def test_written_files_read_back(report: Report, tmp_path: Path) -> None:
    a = adviser_copy(report, lookup_titles())
    paths = write_adviser_reports(a, tmp_path / "new" / "adviser-copy", ["html", "md", "json"])
    assert [p.name for p in paths] == ["report.html", "report.md", "report.json"]
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in paths)
    assert read_adviser_json(paths[2]) == a
    assert read_adviser_json(paths[0]) is None  # not JSON: the report loader explains


def test_an_edited_adviser_file_is_refused_clearly(report: Report, tmp_path: Path) -> None:
    data = json.loads(render_adviser(adviser_copy(report, lookup_titles()), Format.JSON))
    data["findings"][0]["status"] = "leaked"
    path = tmp_path / "report.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ReportError, match="not a valid adviser copy"):
        read_adviser_json(path)


def test_markdown_values_cannot_add_markup(report: Report) -> None:
    a = adviser_copy(
        report.model_copy(update={"case": "# [x](javascript:alert(1))"}), lookup_titles()
    )
    md = str(render_adviser(a, Format.MARKDOWN))
    assert "[x](javascript" not in md and "\\[x\\]" in md
    html = str(render_adviser(a, Format.HTML))
    assert "<a " not in html and "<script" not in html


def test_statuses_are_labelled(report: Report) -> None:
    md = str(render_adviser(adviser_copy(report, lookup_titles()), Format.MARKDOWN))
    assert Status.COULDNT_CHECK.value not in md and "could not check" in md


def test_adviser_copy_counts_every_question_left_and_lists_skipped_areas_apart() -> None:
    from footprint.audit.engine import AuditEngine
    from footprint.audit.flow import AuditOptions
    from footprint.model.profile import Profile
    from footprint.model.vocab import Answer
    from footprint.report.adviser_render import render_adviser_html, render_adviser_markdown
    from footprint.util.settings import Settings

    profile = Profile(name="Alex Example", platforms=["facebook", "strava"])
    options = AuditOptions(quick=True, offline=True, adviser="Sam Adviser")
    engine = AuditEngine.start(shipped_catalogue(), profile, options, Settings(env={}), None)
    engine.skip_area("facebook")
    while (q := engine.next_question()) is not None:
        engine.answer(q.item.id, Answer(q.item.exposed_when))
    report = engine.report()
    left = len(report.unanswered) + len(report.to_finish)
    a = adviser_copy(report, lookup_titles())
    # Once "To finish at home: 1 question" while 102 were left (it listed a skipped one).
    assert len(a.to_finish) == left > 30
    assert not [u for u in a.to_finish if u.id.startswith("facebook.")]
    assert a.skipped == ["Facebook"]
    catalogue = shipped_catalogue()
    statements = {i.finding for i in catalogue.items.values()}
    checklist = [f for f in a.findings if f.source == "checklist"]
    assert checklist and all(f.title in statements for f in checklist)
    assert not [f.title for f in checklist if f.title.endswith("?")]
    html = render_adviser_html(a)
    md = render_adviser_markdown(a)
    for text in (html, md):
        assert f"{left} questions were not answered on the call" in text
        assert "Not used by the member" in text and "Facebook" in text
        assert "Axis" not in text and "exposed" not in text.replace("not exposed", "")
    # Findings are a list that runs on across printed pages, not table rows that cannot split.
    findings = html.split('id="findings"', 1)[1].split("<h2", 1)[0]
    assert "<table" not in findings and 'class="finding"' in findings
    assert "break-inside: auto" in html
