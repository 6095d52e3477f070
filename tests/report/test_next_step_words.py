"""Next steps are data in the report and words for each reader: the terminal may show a
command, the browser never does, and the member's copy of an adviser call never points at a
session on the adviser's computer."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest

from footprint.model.vocab import Severity
from footprint.report.model import NextStep, NextStepKind, Report, Unanswered
from footprint.report.nextsteps import CARRY_ON_BUTTON, Reader, step_words, steps_words
from footprint.report.render import parse_report_json, render_html, render_json, render_markdown
from footprint.report.summary import summary_lines

SESSION = "sess-0002"
COMMAND = re.compile(r"footprint (audit|profile|scan|log|ui|sessions)\b|footprint report render")
RENDERERS = [render_html, render_markdown]
EVERY_KIND_AND_ARGS = [
    NextStep(kind=NextStepKind.START_AUDIT),
    NextStep(kind=NextStepKind.START_AUDIT, args={"count": "12"}),
    NextStep(kind=NextStepKind.CARRY_ON, args={"session_id": SESSION, "count": "3"}),
    NextStep(kind=NextStepKind.FINISH_AT_HOME, args={"session_id": SESSION, "count": "9"}),
    NextStep(kind=NextStepKind.FINISH_AT_HOME, args={"count": "9"}),
    NextStep(kind=NextStepKind.CHECK_BY_HAND, args={"count": "4"}),
    NextStep(kind=NextStepKind.RUN_ONLINE, args={"count": "1"}),
    NextStep(kind=NextStepKind.SAVE_RESULTS_PAGE),
    NextStep(kind=NextStepKind.ADD_TO_PROFILE, args={"count": "2"}),
    NextStep(kind=NextStepKind.START_LOG),
    NextStep(kind=NextStepKind.REAUDIT, args={"months": "3"}),
]


@pytest.fixture
def quick(make_report: Callable[..., Report]) -> Report:
    """The sample report as a resumable quick audit: questions left for home, every kind of
    next step there is."""
    left = Unanswered(
        id="photos.exif", question="Do you strip photo locations?", severity=Severity.LOW
    )
    return make_report(active=True, to_finish=[left], next_steps=EVERY_KIND_AND_ARGS)


def test_every_kind_has_words_for_every_reader() -> None:
    kinds = {step.kind for step in EVERY_KIND_AND_ARGS}
    assert kinds == set(NextStepKind)
    for step in EVERY_KIND_AND_ARGS:
        texts = {reader: step_words(step, reader) for reader in Reader}
        assert all(t.strip() for t in texts.values()), step


@pytest.mark.parametrize("render", RENDERERS)
def test_browser_output_names_no_command_and_no_readme(
    quick: Report, render: Callable[..., str]
) -> None:
    text = render(quick, Reader.BROWSER)
    assert not COMMAND.search(text), COMMAND.search(text)
    assert "README" not in text and "--resume" not in text
    assert "\u201cCarry on with this audit\u201d" in text


@pytest.mark.parametrize("render", RENDERERS)
def test_member_copy_never_points_at_the_advisers_session(
    quick: Report, render: Callable[..., str]
) -> None:
    text = render(quick, Reader.MEMBER)
    assert SESSION not in text and "--resume" not in text
    assert not COMMAND.search(text)
    assert "open the hand-over file that came with this report (handover.yaml)" in text
    # ... and lists the questions themselves, as the session holding them is not theirs.
    assert "Do you strip photo locations?" in text
    assert "Results about you" in text  # an unanswered question, listed too


@pytest.mark.parametrize("render", RENDERERS)
def test_terminal_output_shows_how_to_resume_a_quick_audit(
    quick: Report, render: Callable[..., str]
) -> None:
    text = render(quick, Reader.TERMINAL)
    assert f"footprint audit --resume {SESSION}" in text
    assert "footprint scan saved.html --follow-results" in text
    assert "Do you strip photo locations?" not in text  # counted; the session holds them


def test_the_terminal_summary_words_the_steps_for_its_reader(quick: Report) -> None:
    terminal = "\n".join(line.text for line in summary_lines(quick))
    assert f"`footprint audit --resume {SESSION}`" in terminal
    browser = "\n".join(line.text for line in summary_lines(quick, Reader.BROWSER))
    assert not COMMAND.search(browser)


def test_json_carries_the_steps_as_data_for_every_reader(quick: Report) -> None:
    text = render_json(quick)
    assert render_json(quick, Reader.MEMBER) == render_json(quick, Reader.BROWSER) == text
    steps = json.loads(text)["next_steps"]
    assert [s["kind"] for s in steps] == [s.kind.value for s in EVERY_KIND_AND_ARGS]
    assert steps[2] == {"kind": "carry_on", "args": {"session_id": SESSION, "count": "3"}}
    assert parse_report_json(text, "report.json") == quick


def test_an_older_report_without_next_steps_still_loads_and_renders(report: Report) -> None:
    data = json.loads(render_json(report))
    del data["next_steps"]
    data["schema_version"] = "1.1"
    data["summary"]["next_step"] = "17 of 60 checks still open: answer the rest."
    old = parse_report_json(json.dumps(data), "old.json")
    assert old.next_steps == [] and old.schema_version == "1.1"
    html = render_html(old, Reader.BROWSER)
    assert "17 of 60 checks still open: answer the rest." in html


QUICK_STOPPED = [
    NextStep(kind=NextStepKind.CARRY_ON, args={"session_id": SESSION, "count": "21"}),
    NextStep(kind=NextStepKind.FINISH_AT_HOME, args={"session_id": SESSION, "count": "79"}),
]


@pytest.mark.parametrize("reader", list(Reader))
def test_a_stopped_quick_audit_counts_both_lists_once_each(reader: Reader) -> None:
    now, home = steps_words(QUICK_STOPPED, reader)
    assert now.startswith("21 questions are still open") and "79" not in now
    assert home.startswith("Then 79 more questions are on your list to finish at home")
    assert "21" not in home
    # The command (terminal) or the button (browser) is named once, not on both lines.
    assert "--resume" not in home and CARRY_ON_BUTTON not in home
    if reader is Reader.TERMINAL:
        assert f"`footprint audit --resume {SESSION}`" in now
    if reader is Reader.BROWSER:
        assert CARRY_ON_BUTTON in now
    if reader is Reader.MEMBER:
        assert "listed in this report" in now and "listed in this report too" in home


@pytest.mark.parametrize("reader", list(Reader))
def test_the_list_for_home_alone_reads_on_its_own(reader: Reader) -> None:
    (home,) = steps_words(QUICK_STOPPED[1:], reader)
    assert home.startswith("79 more questions are on your list to finish at home: ")
    assert home == step_words(QUICK_STOPPED[1], reader)


def test_one_open_question_is_worded_in_the_singular() -> None:
    steps = [
        NextStep(kind=NextStepKind.CARRY_ON, args={"count": "1"}),
        NextStep(kind=NextStepKind.FINISH_AT_HOME, args={"count": "1"}),
    ]
    now, home = steps_words(steps, Reader.MEMBER)
    assert now.startswith("1 question is still open: it is listed") and "answer it," in now
    assert home.startswith("Then 1 more question is on your list")
    (alone,) = steps_words(steps[1:], Reader.MEMBER)
    assert "it is listed in this report; to answer it, open the hand-over file" in alone
