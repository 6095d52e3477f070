"""The interview prompts: wrong keys get help, `?` explains, the area gives the question context."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from footprint.cli import prompts
from footprint.content.checklists import shipped_catalogue
from footprint.model.vocab import Answer


def _ask(keys: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Answer | prompts.Move | None, str]:
    monkeypatch.setenv("COLUMNS", "60")
    item = shipped_catalogue().items["strava.flyby"]
    runner = CliRunner()
    result: list[Answer | prompts.Move | None] = []
    with runner.isolation(input=keys) as (out, _err, _):
        result.append(prompts.ask_item(item, "7/133, about 42 min left", "Strava"))
        return result[0], out.getvalue().decode()


def test_wrong_key_then_help_then_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    answer, out = _ask("maybe\n?\nY\n", monkeypatch)
    assert answer is Answer.YES
    assert "'maybe' is not an answer here" in out
    assert (
        "Strava\n[7/133, about 42 min left] " in out
    )  # a Flyby question alone does not say which app
    why = out[out.index("Why it matters:") :]
    assert all(len(line) <= 60 for line in why.splitlines()), why  # wrapped, not cut mid-word


def test_q_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _ask("q\n", monkeypatch)[0] is None


def test_b_goes_back_and_s_skips_the_area(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _ask("b\n", monkeypatch)[0] is prompts.BACK
    assert _ask("s\n", monkeypatch)[0] is prompts.SKIP
