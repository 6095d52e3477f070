"""False reassurance, end to end: few answers, a patient contacting, lookups failed.

The case that once scored 100/100 ("That is good news", "based on 12 lookups") must give no
score, coverage below half, a plain "what is still open" and no reassuring words in any format.
"""

from __future__ import annotations

import json
import re

import pytest

from footprint.audit.answers import RESPONSE_ID
from footprint.audit.build import AuditState, build_report
from footprint.content.checklists import select_items, shipped_catalogue
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import Answer, Axis
from footprint.report.model import NextStepKind, Report
from footprint.report.render import render_html, render_json, render_markdown
from footprint.report.summary import summary_lines

REASSURING = re.compile(
    r"good news|well done|nothing exposed turned up in what|you are hard to find\b|"
    r"harder to reach: well|out of 100",
    re.IGNORECASE,
)
AXIS_LOW = re.compile(r"(Findable|Contactable|Locatable)\W+(?:strong\W+)?Low\b")
LOOKUPS = ["page-scan", "web-search", "gravatar", "companies-house"]


@pytest.fixture(scope="module")
def failed_audit() -> Report:
    profile = Profile.model_validate(
        {"name": "Alex Example", "role": "gp", "platforms": ["facebook", "instagram", "strava"]}
    )
    catalogue = shipped_catalogue()
    items = select_items(catalogue, profile)
    # five real answers, all "no" (the safe-sounding ones), and a patient contacting now
    answers = {i.id: Answer.NO for i in items[:4]}
    answers[RESPONSE_ID] = Answer.YES
    state = AuditState(profile=profile, session_id="s-demo1", answers=answers)
    for lookup_id in LOOKUPS:
        for n in range(3):
            state.observations.append(
                Observation(
                    lookup_id=lookup_id,
                    outcome=Outcome.COULDNT_CHECK,
                    subject=f"check {n}",
                    reason="took too long (limit 3s)",
                )
            )
        state.lookup_runs[lookup_id] = (3.0, ["took too long (limit 3s)"])
    return build_report(catalogue, items, state)


def test_no_score_and_low_coverage(failed_audit: Report) -> None:
    s = failed_audit.summary
    assert s.score is None
    assert s.coverage < 0.5
    assert s.checks_open > 0 and s.checks == len(failed_audit.unanswered) + 4 + 12
    assert s.next_step.startswith(f"{s.checks_open} of {s.checks} checks still open")
    # The sentence is for any reader: the route back to the session is a next step, as data.
    assert "footprint" not in s.next_step.replace("what footprint could not", "")
    assert "--resume" not in s.next_step
    carry_on = [n for n in failed_audit.next_steps if n.kind is NextStepKind.CARRY_ON]
    assert [n.args["session_id"] for n in carry_on] == ["s-demo1"]
    # "low" on an axis after four answers would reassure; it says it cannot tell
    # ("findable" reads "not checked": the name search, its main check, did not run)
    assert s.axes[Axis.FINDABLE].value == "not_checked"
    assert {s.axes[a].value for a in Axis if a is not Axis.FINDABLE} == {"unknown"}


@pytest.mark.parametrize("render", [render_html, render_markdown, render_json])
def test_no_format_reassures(failed_audit: Report, render: object) -> None:
    assert callable(render)
    text = render(failed_audit)
    assert not REASSURING.search(text), REASSURING.search(text)
    assert not AXIS_LOW.search(text)
    if render is render_json:
        assert json.loads(text)["summary"]["score"] is None
    else:
        assert "No score yet" in text
        assert f"{failed_audit.summary.checks_open} of {failed_audit.summary.checks}" in text
        assert "If you are in danger now, call 999." in text
        # the header counts what really ran: four lookups, none of which got an answer
        assert "lookups: 0 ran, 4 could not finish, 0 not run" in text


def test_terminal_summary_is_as_plain(failed_audit: Report) -> None:
    text = "\n".join(line.text for line in summary_lines(failed_audit))
    assert not REASSURING.search(text)
    assert "No score yet" in text and "still open" in text and "--resume s-demo1" in text
    assert text.index("A patient is contacting you") < text.index("No score yet")
