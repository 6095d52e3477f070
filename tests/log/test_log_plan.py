"""The response plan sends a doctor who is being contacted to the log first."""

from __future__ import annotations

from footprint.checklists import shipped_catalogue


def test_the_first_step_is_start_your_log() -> None:
    steps = shipped_catalogue().response_plan.steps
    assert steps[0].title == "Start your log"
    assert "`footprint log add`" in steps[0].detail
    assert not any("Keep a dated log" in s.title for s in steps)
