"""Re-audits: `footprint diff`, "since your last audit", accepted findings and --fail-on.

Each test runs real audits of one fictional doctor with answers files, so finding ids, scores
and the stored sessions are the ones a doctor would get. Only the search of the name runs (a
score needs it), against the demo's local search stand-in; every other lookup is refused.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from tests.auditrun import (
    exposed,
    footprint,
    items_for,
    report_json,
    safe,
    session_ids,
    write_answers,
    write_profile,
)

from footprint.audit.diff import diff_reports
from footprint.content.checklists import ChecklistItem
from footprint.errors import ExitCode
from footprint.report.model import LookupSummary, Report
from footprint.util.settings import Settings


@pytest.fixture(autouse=True)
def _local_search(monkeypatch: pytest.MonkeyPatch, httpserver: HTTPServer) -> Iterator[None]:
    """The name search goes to a local DuckDuckGo stand-in answering "no results" (its real
    page, tests/fixtures/web_search/ddg_no_results.html), never the internet."""
    from footprint.lookups.search.common import SearchLookupBase, clear_search_cache

    # one local stand-in needs no pause between searches (real engines get 1 s)
    monkeypatch.setattr(SearchLookupBase, "min_interval", 0.0)

    page = (
        Path(__file__).parents[1] / "fixtures" / "web_search" / "ddg_no_results.html"
    ).read_text()
    httpserver.expect_request("/html/").respond_with_data(page, content_type="text/html")
    env = {"FOOTPRINT_DUCKDUCKGO_URL": httpserver.url_for("/")}
    settings = Settings(env=env, allow_loopback=True)
    monkeypatch.setattr(Settings, "load", classmethod(lambda cls, *a, **k: settings))
    clear_search_cache()
    yield
    clear_search_cache()


def _audit(
    profile: Path, answers: Path, out: Path, *extra: object, code: int = ExitCode.OK
) -> tuple[str, dict[str, Any], str]:
    r = footprint(
        "audit",
        "--profile",
        profile,
        "--answers",
        answers,
        "--consent",
        "web-search",
        "--no-input",
        "--out",
        out,
        *extra,
    )
    assert r.code == code, r.stdout + r.stderr
    (sid,) = session_ids(r.stdout)
    return sid, report_json(out), r.stdout


def _ids(findings: list[dict[str, Any]]) -> set[str]:
    return {f["id"] for f in findings}


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    return write_profile(tmp_path)


def _all_safe(profile: Path) -> dict[str, str]:
    return {i.id: safe(i) for i in items_for(profile)}


@pytest.fixture
def three(profile: Path) -> tuple[ChecklistItem, ChecklistItem, ChecklistItem]:
    """Three items of different severities would be ideal; any three distinct ones will do."""
    items = items_for(profile)
    return items[0], items[1], items[2]


@pytest.fixture
def two_audits(
    tmp_path: Path, profile: Path, three: tuple[ChecklistItem, ChecklistItem, ChecklistItem]
) -> dict[str, Any]:
    """First audit: A and B exposed, C fine. Second: A fixed, B still exposed, C new.

    Every other question is answered "safe", so both audits cover enough to be scored.
    """
    a, b, c = three
    rest = _all_safe(profile)
    first = write_answers(
        tmp_path / "first.yaml", {**rest, a.id: exposed(a), b.id: exposed(b), c.id: safe(c)}
    )
    second = write_answers(
        tmp_path / "second.yaml", {**rest, a.id: safe(a), b.id: exposed(b), c.id: exposed(c)}
    )
    old_id, old, _ = _audit(profile, first, tmp_path / "one")
    new_id, new, out = _audit(profile, second, tmp_path / "two")
    return {"old_id": old_id, "old": old, "new_id": new_id, "new": new, "stdout": out}


def test_finding_ids_are_stable_across_runs(two_audits: dict[str, Any], three: Any) -> None:
    a, b, c = three
    assert {a.id, b.id} <= _ids(two_audits["old"]["findings"])
    assert {b.id, c.id} <= _ids(two_audits["new"]["findings"])


def test_diff_of_two_sessions(two_audits: dict[str, Any], three: Any) -> None:
    a, b, c = three
    old_score = two_audits["old"]["summary"]["score"]
    new_score = two_audits["new"]["summary"]["score"]
    assert old_score is not None and new_score is not None
    r = footprint("diff", two_audits["old_id"], two_audits["new_id"])
    assert r.code == 0, r.stderr
    sections = _sections(r.stdout)
    assert sections["Fixed"] == [a.id] and sections["New"] == [c.id]
    assert sections["Unchanged"] == [b.id]
    change = new_score - old_score
    assert f"Score: {old_score} -> {new_score} ({'+' if change >= 0 else ''}{change};" in r.stdout


def test_diff_of_two_report_files_matches_the_sessions(
    tmp_path: Path, two_audits: dict[str, Any]
) -> None:
    by_files = footprint("diff", tmp_path / "one" / "report.json", tmp_path / "two/report.json")
    by_ids = footprint("diff", two_audits["old_id"], two_audits["new_id"])
    assert by_files.code == 0, by_files.stderr
    assert _sections(by_files.stdout) == _sections(by_ids.stdout)
    assert (
        by_files.stdout.splitlines()[0].split("[")[0] == by_ids.stdout.splitlines()[0].split("[")[0]
    )


def _write_report(path: Path, report: dict[str, Any], **subject: str) -> Path:
    """`report` with some of its subject's fields changed, written to `path`."""
    path.write_text(json.dumps({**report, "subject": {**report["subject"], **subject}}))
    return path


def test_diff_warns_when_the_reports_are_about_different_people(
    tmp_path: Path, two_audits: dict[str, Any]
) -> None:
    old = tmp_path / "one" / "report.json"
    same = footprint("diff", old, tmp_path / "two" / "report.json")
    assert same.code == 0 and "different people" not in same.stdout + same.stderr
    other = _write_report(
        tmp_path / "other.json", two_audits["new"], name="Dr Sam Sample", role="hospital"
    )
    r = footprint("diff", old, other)
    assert r.code == 0, r.stderr
    (warning,) = [line for line in r.stderr.splitlines() if "different people" in line]
    assert warning.startswith("Warning:")
    assert "name initials: A. E. / S. S." in warning and "role: GP / Hospital doctor" in warning
    assert "jurisdiction" not in warning  # both GB
    assert _sections(r.stdout) == _sections(same.stdout)  # the diff is still shown


@pytest.mark.parametrize(
    "subject",
    [
        {"name": "Dr A. E."},  # a masked or adviser copy of the same doctor
        {"name": "Alex J. Example"},  # a middle name added to the profile later
        {"jurisdiction": "gb"},
    ],
)
def test_diff_does_not_warn_for_other_copies_of_the_same_doctor(
    tmp_path: Path, two_audits: dict[str, Any], subject: dict[str, str]
) -> None:
    renamed = _write_report(tmp_path / "copy.json", two_audits["new"], **subject)
    r = footprint("diff", tmp_path / "one" / "report.json", renamed)
    assert r.code == 0 and "different people" not in r.stderr


def test_diff_warns_about_another_jurisdiction(tmp_path: Path, two_audits: dict[str, Any]) -> None:
    moved = _write_report(tmp_path / "ie.json", two_audits["new"], jurisdiction="IE")
    r = footprint("diff", tmp_path / "one" / "report.json", moved)
    assert "(jurisdiction: GB / IE)" in r.stderr


def test_diff_names_a_missing_session_or_file(tmp_path: Path) -> None:
    r = footprint("diff", "deadbeef", tmp_path / "nope.json")
    assert r.code == 2 and "deadbeef" in r.stderr  # an unknown id is bad input


def test_second_audit_reports_since_your_last_audit(
    tmp_path: Path, two_audits: dict[str, Any], three: Any
) -> None:
    a, b, c = three
    since = two_audits["new"]["since_last"]
    assert since is not None, "an audit of a doctor with an earlier session compares with it"
    assert since["previous_session"] == two_audits["old_id"]
    assert since["previous_score"] == two_audits["old"]["summary"]["score"]
    assert (since["fixed"], since["new"], since["unchanged"]) == ([a.id], [c.id], [b.id])
    assert two_audits["old"]["since_last"] is None
    md = (tmp_path / "two" / "report.md").read_text()
    assert "Since your last audit" in md
    assert "You had an audit on" in two_audits["stdout"]  # the run says so at the start
    assert "Since your last audit" in two_audits["stdout"]  # and in its summary


def test_since_last_title_of_a_fixed_finding_is_its_title(
    tmp_path: Path, two_audits: dict[str, Any], three: Any
) -> None:
    a = three[0]
    old_title = next(f["title"] for f in two_audits["old"]["findings"] if f["id"] == a.id)
    assert two_audits["new"]["since_last"]["titles"][a.id] == old_title
    assert old_title in (tmp_path / "two" / "report.md").read_text()


def test_a_resumed_older_session_does_not_compare_with_a_later_audit(
    tmp_path: Path, profile: Path, three: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import footprint.cli.auditcmd as auditcmd

    a = three[0]
    answers = write_answers(tmp_path / "a.yaml", {a.id: exposed(a)})
    monkeypatch.setattr(auditcmd, "_interactive", lambda no_input: True)
    r = footprint(
        "audit",
        "--profile",
        profile,
        "--answers",
        answers,
        "--consent",
        "web-search",
        "--out",
        tmp_path / "early",
        input="",
    )
    (early,) = session_ids(r.stdout)  # stopped at the first question: unfinished
    monkeypatch.setattr(auditcmd, "_interactive", lambda no_input: False)
    _audit(profile, answers, tmp_path / "later")
    r = footprint("audit", "--resume", early, "--no-input", "--out", tmp_path / "early")
    assert r.code == 0, r.stderr
    assert report_json(tmp_path / "early")["since_last"] is None


def test_a_question_not_asked_again_is_not_fixed(tmp_path: Path, profile: Path) -> None:
    """A quick or unanswered re-audit must not report last time's findings as fixed."""
    items = items_for(profile)
    quick_ids = {i.id for i in items_for(profile, quick=True)}
    top = items[0]
    medium = next(i for i in items if i.id not in quick_ids)  # not asked with --quick
    skipped = next(i for i in items[1:] if i.id in quick_ids)  # asked, left unanswered
    first = {top.id: exposed(top), medium.id: exposed(medium), skipped.id: exposed(skipped)}
    old_id, _, _ = _audit(profile, write_answers(tmp_path / "1.yaml", first), tmp_path / "1")
    second = write_answers(tmp_path / "2.yaml", {top.id: safe(top)})
    new_id, new, _ = _audit(profile, second, tmp_path / "2", "--quick")

    since = new["since_last"]
    assert since["fixed"] == [top.id]
    assert sorted(since["not_rechecked"]) == sorted([medium.id, skipped.id])
    assert new["answered"] == [top.id]
    sections = _sections(footprint("diff", old_id, new_id).stdout)
    assert sections["Fixed"] == [top.id]
    assert sorted(sections["Not checked this time"]) == sorted([medium.id, skipped.id])


def test_a_lookup_finding_is_fixed_only_when_the_lookup_ran_cleanly(
    two_audits: dict[str, Any],
) -> None:
    """A page that was blocked (or a lookup refused) this time says nothing about a leak."""
    old = Report.model_validate(two_audits["old"])
    template = old.findings[0]
    leak = template.model_copy(
        update={"id": "page-scan.personal-phone", "source": "lookup:page-scan"}
    )
    old = old.model_copy(update={"findings": [*old.findings, leak]})
    new = Report.model_validate(two_audits["new"])

    def ran(**outcomes: int) -> Report:
        counts = {"found": 0, "not_found": 0, "couldnt_check": 0, "skipped": 0, **outcomes}
        summary = LookupSummary(id="page-scan", title="Pages", outcomes=counts, duration_s=1.0)
        return new.model_copy(update={"lookups": [summary]})

    assert leak in diff_reports(old, ran(not_found=4)).fixed
    for later in (new, ran(not_found=3, couldnt_check=1), ran(skipped=1)):
        d = diff_reports(old, later)
        assert leak not in d.fixed and leak in d.not_rechecked


# -- accepted findings -------------------------------------------------------------------------


def test_accepted_findings_are_listed_apart_and_not_scored(
    tmp_path: Path, profile: Path, three: Any
) -> None:
    a, b, _ = three
    rest = _all_safe(profile)  # enough answered for a score
    exposed_both = {**rest, a.id: exposed(a), b.id: exposed(b)}
    a_fixed = {**rest, a.id: safe(a), b.id: exposed(b)}
    _, open_report, _ = _audit(
        profile, write_answers(tmp_path / "1.yaml", exposed_both), tmp_path / "1"
    )
    _, fixed, _ = _audit(profile, write_answers(tmp_path / "2.yaml", a_fixed), tmp_path / "2")
    _, by_flag, _ = _audit(
        profile, write_answers(tmp_path / "3.yaml", exposed_both), tmp_path / "3", "--accept", a.id
    )
    _, by_file, _ = _audit(
        profile, write_answers(tmp_path / "4.yaml", exposed_both, accepted=[a.id]), tmp_path / "4"
    )
    assert a.id in _ids(open_report["findings"])
    for accepted in (by_flag, by_file):
        assert _ids(accepted["accepted"]) == {a.id}
        assert a.id not in _ids(accepted["findings"]) and b.id in _ids(accepted["findings"])
        # Not scored: the score is the one the doctor gets with A fixed, not with A open.
        assert accepted["summary"]["score"] == fixed["summary"]["score"]
        assert accepted["summary"]["counts"] == fixed["summary"]["counts"]
    # (equal when both are critical: an open critical exposure caps the score below half)
    assert open_report["summary"]["score"] <= fixed["summary"]["score"]
    assert len(open_report["findings"]) > len(fixed["findings"])
    md = (tmp_path / "3" / "report.md").read_text()
    title = by_flag["accepted"][0]["title"]
    apart = md.index("### Accepted as they are")
    assert title in md[apart:] and title not in md[:apart]  # listed apart, and only there


def test_an_accepted_finding_is_neither_fixed_nor_new(
    tmp_path: Path, profile: Path, three: Any
) -> None:
    a, b, _ = three
    both = {a.id: exposed(a), b.id: exposed(b)}
    old_id, _, _ = _audit(profile, write_answers(tmp_path / "1.yaml", both), tmp_path / "1")
    new_id, new, _ = _audit(
        profile, write_answers(tmp_path / "2.yaml", both), tmp_path / "2", "--accept", a.id
    )
    sections = _sections(footprint("diff", old_id, new_id).stdout)
    assert a.id not in sections["Fixed"] + sections["New"] + sections["Unchanged"]
    assert sections["Unchanged"] == [b.id]


# -- --fail-on ---------------------------------------------------------------------------------


def test_fail_on_exits_3_only_when_a_finding_at_or_above_remains(
    tmp_path: Path, profile: Path
) -> None:
    items = items_for(profile)
    high = next(i for i in items if i.severity.value == "high")
    answers = write_answers(tmp_path / "a.yaml", {high.id: exposed(high)})
    out = tmp_path / "o"
    _audit(profile, answers, out, "--fail-on", "high", code=ExitCode.FINDINGS)
    _audit(profile, answers, out, "--fail-on", "medium", code=ExitCode.FINDINGS)
    _audit(profile, answers, out, "--fail-on", "critical", code=ExitCode.OK)
    _audit(profile, answers, out, "--fail-on", "high", "--accept", high.id, code=ExitCode.OK)
    fine = write_answers(tmp_path / "b.yaml", {high.id: safe(high)})
    _audit(profile, fine, out, "--fail-on", "info", code=ExitCode.OK)
    _audit(profile, answers, out, code=ExitCode.OK)  # no --fail-on: findings are not failures
    assert footprint("audit", "--fail-on", "severe", "--no-input").code == ExitCode.USAGE


def _sections(text: str) -> dict[str, list[str]]:
    """`footprint diff` output -> {"Fixed": [ids], "New": [...], "Unchanged": [...]}."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        head = line.split(" (")[0]
        head = head.split(",")[0]
        if head in ("Fixed", "New", "Unchanged", "Not checked this time"):
            current = sections.setdefault(head, [])
        elif current is not None and line.startswith("  ["):
            current.append(line.split("] ", 1)[1].split(":", 1)[0])
    return sections
