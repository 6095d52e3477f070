"""`footprint audit` end to end, offline and with consent refused."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

from footprint.errors import ExitCode


def _report(out: Path) -> dict[str, object]:
    return json.loads((out / "report.json").read_text())


def test_offline_no_input_writes_three_private_files(
    run_cli: Any, profile_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    r = run_cli("audit", "--profile", profile_file, "--offline", "--no-input", "--out", out)
    assert r.code == 0, r.stderr
    for name in ("report.html", "report.md", "report.json"):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o600
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    data = _report(out)
    assert data["unanswered"], "with --no-input every question is listed as unanswered"
    assert data["consents"] == []  # nobody was asked, nothing was sent
    # every lookup is listed as not run (an open check), none as run
    assert data["lookups"] and all(
        sum(lk["outcomes"].values()) == lk["outcomes"]["skipped"] for lk in data["lookups"]
    )
    assert "<script" not in (out / "report.html").read_text().lower()


def test_answers_file_findings_and_fail_on(
    run_cli: Any, profile_file: Path, tmp_path: Path
) -> None:
    from footprint.content.checklists import select_items, shipped_catalogue
    from footprint.model.profile import load_profile

    items = select_items(shipped_catalogue(), load_profile(profile_file))
    critical = next(i for i in items if i.severity.value in ("critical", "high"))
    answers = tmp_path / "answers.yaml"
    answers.write_text(f"contacting_now: yes\nanswers:\n  {critical.id}: {critical.exposed_when}\n")
    out = tmp_path / "out"
    r = run_cli(
        "audit",
        "--profile",
        profile_file,
        "--answers",
        answers,
        "--offline",
        "--no-input",
        "--out",
        out,
        "--fail-on",
        "high",
        "--format",
        "json",
    )
    assert r.code == ExitCode.FINDINGS, r.stderr
    data = _report(out)
    ids = [f["id"] for f in data["findings"]]  # type: ignore[index]
    assert critical.id in ids
    assert data["response_plan"]["active"] is True  # type: ignore[index]
    # one answer is far too little to score: no number, and coverage says so
    assert data["summary"]["score"] is None  # type: ignore[index]
    assert data["summary"]["coverage"] < 0.1  # type: ignore[index]
    # accepting it takes it out of the findings and the score
    r = run_cli(
        "audit",
        "--profile",
        profile_file,
        "--answers",
        answers,
        "--offline",
        "--no-input",
        "--out",
        out,
        "--accept",
        critical.id,
        "--format",
        "json",
    )
    data = _report(out)
    assert critical.id not in [f["id"] for f in data["findings"]]  # type: ignore[index]
    assert critical.id in [f["id"] for f in data["accepted"]]  # type: ignore[index]


def test_bad_profile_yaml_exits_2_naming_file_and_line(run_cli: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: Alex\nplatforms: [facebook\n")
    r = run_cli("audit", "--profile", bad, "--offline", "--no-input")
    assert r.code == ExitCode.USAGE
    assert "bad.yaml" in r.stderr and "line" in r.stderr
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text("name: Alex Example\nnickname: Al\n")
    r = run_cli("audit", "--profile", unknown, "--offline", "--no-input")
    assert r.code == ExitCode.USAGE and "nickname" in r.stderr


def test_bad_answers_and_unknown_consent_id_exit_2(
    run_cli: Any, profile_file: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("answers:\n  no.such-item: yes\n")
    r = run_cli("audit", "--profile", profile_file, "--answers", answers, "--offline", "--no-input")
    assert r.code == ExitCode.USAGE and "no.such-item" in r.stderr
    r = run_cli(
        "audit",
        "--profile",
        profile_file,
        "--consent",
        "bogus-lookup",
        "--no-input",
        "--out",
        tmp_path / "o",
    )
    assert r.code == ExitCode.USAGE and "bogus-lookup" in r.stderr


def test_consent_none_makes_no_connection(run_cli: Any, tmp_path: Path) -> None:
    """A full audit with every lookup refused sends nothing, even to pages it would fetch."""
    from footprint.demo.server import DemoServer

    with DemoServer() as server:
        profile = tmp_path / "p.yaml"
        profile.write_text(
            "name: Alex Example\nusernames: {github: alexexample}\n"
            f"urls: ['{server.base_url}/practice/team.html']\ndomains: [alexexample.example]\n"
        )
        r = run_cli(
            "audit",
            "--profile",
            profile,
            "--consent",
            "none",
            "--no-input",
            "--out",
            tmp_path / "o",
            "--format",
            "json",
        )
        assert r.code == 0, r.stderr
        assert server.requests == []
    data = _report(tmp_path / "o")
    consents = data["consents"]
    assert consents and all(c["granted"] is False for c in consents if c["destinations"])  # type: ignore[index]
    # only lookups that contact no one run without asking
    assert all(not c["destinations"] for c in consents if c["granted"])  # type: ignore[index]


def _demo_profile_file(tmp_path: Path) -> Path:
    import yaml

    from footprint.demo.run import demo_profile

    path = tmp_path / "demo-profile.yaml"
    path.write_text(yaml.safe_dump(demo_profile("http://127.0.0.1:9").model_dump(mode="json")))
    return path


def test_quick_lists_at_most_30_questions_with_every_critical(run_cli: Any, tmp_path: Path) -> None:
    from footprint.content.checklists import select_items, shipped_catalogue
    from footprint.model.profile import load_profile

    profile = _demo_profile_file(tmp_path)
    out = tmp_path / "out"
    r = run_cli("audit", "--profile", profile, "--quick", "--offline", "--no-input", "--out", out)
    assert r.code == 0, r.stderr
    data = _report(out)
    unanswered = {u["id"] for u in data["unanswered"]}  # type: ignore[union-attr]
    to_finish = {u["id"] for u in data["to_finish"]}  # type: ignore[union-attr]
    applicable = select_items(shipped_catalogue(), load_profile(profile))
    critical = {i.id for i in applicable if i.severity.value == "critical"}
    assert len(unanswered) <= 30 and critical <= unanswered
    assert unanswered | to_finish == {i.id for i in applicable} and not unanswered & to_finish
    assert f"{len(to_finish)} more questions are on your list to finish at home" in r.stdout
    for name in ("report.md", "report.html"):
        assert f"To finish at home ({len(to_finish)})" in (out / name).read_text()


def test_case_without_adviser_is_a_usage_error(run_cli: Any, profile_file: Path) -> None:
    r = run_cli("audit", "--profile", profile_file, "--case", "C-1", "--offline", "--no-input")
    assert r.code == ExitCode.USAGE and "--adviser" in r.stderr


def test_pdf_without_weasyprint_fails_before_anything_is_asked(
    run_cli: Any, profile_file: Path, tmp_path: Path
) -> None:
    from footprint.store.sessions import Store

    r = run_cli("audit", "--profile", profile_file, "--offline", "--format", "html,pdf")
    assert r.code == ExitCode.ERROR
    assert "pip install '.[pdf]'" in r.stderr and "project folder" in r.stderr
    assert Store().list_sessions() == []  # failed before the session, let alone a question


def _interactive(monkeypatch: Any) -> None:
    import footprint.cli.auditcmd as auditcmd

    monkeypatch.setattr(auditcmd, "_interactive", lambda no_input: True)


def test_back_changes_an_answer_and_skip_drops_an_area(
    run_cli: Any, profile_file: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    from footprint.store.sessions import Store

    _interactive(monkeypatch)
    # response: no; first: yes, back, no (changed); second: skip its area; then stop.
    r = run_cli(
        "audit",
        "--profile",
        profile_file,
        "--offline",
        "--out",
        tmp_path / "o",
        input="n\ny\nb\nn\ns\nq\n",
    )
    assert r.code == 0, r.stdout + r.stderr
    assert "questions for you, most important first: about" in r.stdout
    assert "[1/" in r.stdout and "min left]" in r.stdout and "(you answered: yes" in r.stdout
    (session,) = Store().list_sessions()
    data = Store().load(session.id)
    first = next(k for k in data.answers if k != "response.active")
    assert data.answers[first].value == "no" and len(data.answers) == 2
    (area,) = data.options["skipped_areas"]  # type: ignore[misc]
    assert "Skipped " in r.stdout and "listed as skipped" in r.stdout
    report = Store().load(session.id).report_json
    # The skipped area is listed once, apart from the open questions.
    assert report is not None
    assert [a["area"] for a in json.loads(report)["skipped"]] == [area]
    assert area


def test_ctrl_c_with_no_store_says_nothing_was_kept(
    run_cli: Any, profile_file: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    _interactive(monkeypatch)
    r = run_cli("audit", "--profile", profile_file, "--offline", "--no-store", input="n\n")
    assert r.code == ExitCode.INTERRUPTED
    assert "Nothing was kept (--no-store)" in r.stderr and "has been kept" not in r.stderr


def test_saved_results_count_as_the_name_search(
    run_cli: Any, profile_file: Path, tmp_path: Path
) -> None:
    saved = Path(__file__).parents[1] / "fixtures" / "saved_results" / "google_results.html"
    out = tmp_path / "out"
    args = ("audit", "--profile", profile_file, "--offline", "--no-input", "--out", out)
    without = run_cli(*args)
    assert without.code == 0, without.stderr
    assert _report(out)["summary"]["name_search_done"] is False  # type: ignore[index]
    out2 = tmp_path / "out2"
    r = run_cli(*args[:-1], out2, "--saved-results", saved)
    assert r.code == 0, r.stderr
    assert "the name search counts as done" in r.stdout
    data = _report(out2)
    assert data["summary"]["name_search_done"] is True  # type: ignore[index]
