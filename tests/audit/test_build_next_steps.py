"""The core builds the report's next steps as data, and writes each copy for its reader: the
member's copy of an adviser call never points at the adviser's session."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from footprint.audit.answers import RESPONSE_ID
from footprint.audit.build import AuditState, build_report
from footprint.audit.flow import write_outputs
from footprint.content.checklists import select_items, shipped_catalogue
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import Answer
from footprint.report.model import NextStepKind, Report, SinceLast
from footprint.report.nextsteps import Reader

SESSION = "s-quick1"
PROFILE = Profile.model_validate({"name": "Alex Example", "role": "gp"})


def _report(state: AuditState) -> Report:
    catalogue = shipped_catalogue()
    return build_report(catalogue, select_items(catalogue, state.profile), state)


def _obs(lookup: str, outcome: Outcome, reason: str | None = None) -> Observation:
    return Observation(lookup_id=lookup, outcome=outcome, subject=lookup, reason=reason)


@pytest.fixture
def quick() -> Report:
    """A stored quick audit: three questions answered, the rest left for home; a patient is
    contacting the doctor; one lookup offline, one without a profile detail, the name search
    could not finish."""
    items = select_items(shipped_catalogue(), PROFILE)
    state = AuditState(profile=PROFILE, session_id=SESSION, quick_ids=[i.id for i in items[:5]])
    state.answers = {i.id: Answer.NO for i in items[:3]} | {RESPONSE_ID: Answer.YES}
    state.observations = [
        _obs("web-search", Outcome.COULDNT_CHECK, "rate-limited (429)"),
        _obs(
            "gravatar", Outcome.SKIPPED, "not run, because this audit was offline: nothing was sent"
        ),
        _obs("rdap", Outcome.SKIPPED, "no domains in your profile (domains: ...)"),
        _obs("page-scan", Outcome.FOUND),
    ]
    return _report(state)


def test_a_quick_audit_gets_its_steps_most_urgent_first(quick: Report) -> None:
    kinds = [s.kind for s in quick.next_steps]
    assert kinds == [
        NextStepKind.START_LOG,
        NextStepKind.CARRY_ON,
        NextStepKind.FINISH_AT_HOME,
        NextStepKind.SAVE_RESULTS_PAGE,
        NextStepKind.RUN_ONLINE,
        NextStepKind.ADD_TO_PROFILE,
        NextStepKind.CHECK_BY_HAND,
    ]
    # Two of the five quick questions are still open (this sitting's), the rest are for home.
    assert quick.next_steps[1].args == {"count": "2", "session_id": SESSION}
    home = quick.next_steps[2]
    assert home.args == {"count": str(len(quick.to_finish)), "session_id": SESSION}
    assert len(quick.to_finish) == len(select_items(shipped_catalogue(), PROFILE)) - 5
    assert quick.next_steps[4].args == {"count": "1"}
    assert "--resume" not in quick.summary.next_step and SESSION not in quick.summary.next_step


def _question_steps(report: Report) -> list[tuple[NextStepKind, dict[str, str]]]:
    kinds = {NextStepKind.CARRY_ON, NextStepKind.FINISH_AT_HOME, NextStepKind.START_AUDIT}
    return [(s.kind, s.args) for s in report.next_steps if s.kind in kinds]


def _quick_state(quick: int, answered: int, session_id: str | None = SESSION) -> AuditState:
    items = select_items(shipped_catalogue(), PROFILE)
    state = AuditState(
        profile=PROFILE, session_id=session_id, quick_ids=[i.id for i in items[:quick]]
    )
    state.answers = {i.id: Answer.NO for i in items[:answered]}
    return state


def test_a_quick_audit_stopped_early_says_both_what_is_open_now_and_what_is_for_home() -> None:
    state = _quick_state(quick=30, answered=9)
    rest = len(select_items(shipped_catalogue(), PROFILE)) - 30
    session = {"session_id": SESSION}
    assert _question_steps(_report(state)) == [
        (NextStepKind.CARRY_ON, {"count": "21", **session}),
        (NextStepKind.FINISH_AT_HOME, {"count": str(rest), **session}),
    ]


def test_a_quick_audit_with_its_questions_answered_leaves_only_the_list_for_home() -> None:
    state = _quick_state(quick=30, answered=30)
    rest = len(select_items(shipped_catalogue(), PROFILE)) - 30
    assert _question_steps(_report(state)) == [
        (NextStepKind.FINISH_AT_HOME, {"count": str(rest), "session_id": SESSION}),
    ]


def test_a_full_audit_stopped_early_carries_on() -> None:
    items = select_items(shipped_catalogue(), PROFILE)
    state = AuditState(profile=PROFILE, session_id=SESSION)
    state.answers = {i.id: Answer.NO for i in items[:9]}
    assert _question_steps(_report(state)) == [
        (NextStepKind.CARRY_ON, {"count": str(len(items) - 9), "session_id": SESSION}),
    ]


def test_a_quick_audit_with_nothing_kept_starts_afresh_for_every_open_question() -> None:
    state = _quick_state(quick=30, answered=9, session_id=None)
    open_ = len(select_items(shipped_catalogue(), PROFILE)) - 9
    assert _question_steps(_report(state)) == [(NextStepKind.START_AUDIT, {"count": str(open_)})]


def test_nothing_checked_starts_an_audit_and_nothing_kept_starts_afresh() -> None:
    empty = _report(AuditState(profile=Profile(name="Alex Example", platforms=[])))
    assert empty.summary.checks  # the questions apply, so it is "not kept", not "nothing"
    (step,) = [s for s in empty.next_steps if s.kind is NextStepKind.START_AUDIT]
    assert step.args == {"count": str(len(empty.unanswered))}
    assert not any(s.kind is NextStepKind.CARRY_ON for s in empty.next_steps)


def test_a_kept_session_with_questions_open_carries_on() -> None:
    report = _report(AuditState(profile=PROFILE, session_id="s-kept"))
    carry_on = [s for s in report.next_steps if s.kind is NextStepKind.CARRY_ON]
    assert [s.args["session_id"] for s in carry_on] == ["s-kept"]


def test_everything_answered_says_look_again_later() -> None:
    catalogue = shipped_catalogue()
    items = select_items(catalogue, PROFILE)
    state = AuditState(profile=PROFILE, session_id="s-done")
    state.answers = {i.id: Answer.NO for i in items}
    state.observations = [_obs("web-search", Outcome.NOT_FOUND)]
    report = build_report(catalogue, items, state)
    assert [s.kind for s in report.next_steps] == [NextStepKind.REAUDIT]
    assert report.next_steps[0].args == {"months": "3"}


def test_the_member_copy_of_an_adviser_call_never_names_the_session(
    quick: Report, tmp_path: Path
) -> None:
    # A second audit of the same member: "since your last audit" names an earlier session too.
    earlier = SinceLast(
        previous_session="s-earlier",
        previous_date=datetime(2024, 1, 2, tzinfo=timezone.utc),
        previous_score=None,
        fixed=[],
        new=[],
        unchanged=[],
    )
    again = quick.model_copy(update={"since_last": earlier})
    # Made in the browser or the terminal, the member's copy is worded for the member, and no
    # file of it (the JSON included) carries a session id: those live on the adviser's computer.
    for reader in (Reader.BROWSER, Reader.TERMINAL):
        out = tmp_path / reader.value
        write_outputs(again, PROFILE, out, ["html", "md", "json"], True, False, reader)
        files = sorted((out / "member-copy").iterdir())
        assert [f.name for f in files] == ["report.html", "report.json", "report.md"]
        for path in files:
            text = path.read_text(encoding="utf-8")
            assert SESSION not in text and "s-earlier" not in text, (reader, path.name)
            assert "--resume" not in text, (reader, path.name)
        for name in ("report.html", "report.md"):
            assert "footprint audit" not in (out / "member-copy" / name).read_text()
        data = json.loads((out / "member-copy" / "report.json").read_text(encoding="utf-8"))
        assert data["session_id"] is None
        steps = {s["kind"]: s["args"] for s in data["next_steps"]}
        assert steps["finish_at_home"] == {"count": str(len(quick.to_finish))}
        assert all("session_id" not in args for args in steps.values())
        assert data["since_last"]["previous_date"].startswith("2024-01-02")
        assert (out / "adviser-copy" / "report.html").exists()
    assert again.session_id == SESSION  # the report itself is left as it was


def test_the_doctors_own_report_keeps_its_session(quick: Report, tmp_path: Path) -> None:
    for full in (False, True):  # masked, and the doctor's full copy
        out = tmp_path / str(full)
        write_outputs(quick, PROFILE, out, ["json"], False, full)
        data = json.loads((out / "report.json").read_text(encoding="utf-8"))
        assert data["session_id"] == SESSION
        home = next(s for s in data["next_steps"] if s["kind"] == "finish_at_home")
        assert home["args"]["session_id"] == SESSION


def test_a_browser_report_names_no_command_and_a_terminal_one_does(
    quick: Report, tmp_path: Path
) -> None:
    write_outputs(quick, PROFILE, tmp_path / "b", ["html", "md"], False, True, Reader.BROWSER)
    write_outputs(quick, PROFILE, tmp_path / "t", ["html", "md"], False, True)
    for name in ("report.html", "report.md"):
        browser = (tmp_path / "b" / name).read_text(encoding="utf-8")
        assert "--resume" not in browser and "footprint scan" not in browser
        assert "footprint profile init" not in browser
        terminal = (tmp_path / "t" / name).read_text(encoding="utf-8")
        assert f"footprint audit --resume {SESSION}" in terminal
