"""The response plan sends a doctor who is being contacted to the log first, after safety."""

from __future__ import annotations

from footprint.content.checklists import response_steps_for, shipped_catalogue
from footprint.model.profile import Profile


def test_the_first_step_after_safety_is_start_your_log() -> None:
    plan = shipped_catalogue().response_plan
    for country in ("GB", "IE", "US", "AU"):
        steps = response_steps_for(plan, Profile(name="Jo Tester", jurisdiction=country))
        assert steps[0].title.startswith("If you are in danger"), country
        assert steps[1].title == "Start your log", country
        assert "contact log" in steps[1].detail
        assert "footprint log" not in steps[1].detail  # content is worded for any face
    assert not any("Keep a dated log" in s.title for s in plan.steps)
