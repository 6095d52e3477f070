"""The interview asks only what is unanswered and reports every answer at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint.checklists import ChecklistItem
from footprint.errors import AnswersError
from footprint.interview import RESPONSE_ID, initial_answers, load_answers, run_interview
from footprint.vocab import Answer


def _item(n: int) -> ChecklistItem:
    return ChecklistItem.model_validate(
        {
            "id": f"test.item-{n}",
            "question": f"Question number {n}?",
            "why": "Because it matters.",
            "check": "Look here.",
            "fix": ["Do this."],
            "finding": "Something is exposed.",
            "exposed_when": "yes",
            "severity": "high",
            "axis": "findable",
            "exposes": "identity",
            "effort": 5,
            "reviewed": "2026-11",
        }
    )


def test_asks_only_unanswered_and_saves_each_answer() -> None:
    items = [_item(n) for n in range(4)]
    asked: list[str] = []
    saved: list[tuple[str, Answer]] = []
    numbers: list[tuple[int, int]] = []

    def ask(item: ChecklistItem, index: int, total: int) -> Answer:
        asked.append(item.id)
        numbers.append((index, total))
        return Answer.NO

    result = run_interview(
        items, {"test.item-1": Answer.YES}, ask, lambda i, a: saved.append((i, a))
    )
    assert asked == ["test.item-0", "test.item-2", "test.item-3"]
    assert numbers == [(2, 4), (3, 4), (4, 4)]  # the answered item counts: no "[1/3]" restart
    assert saved == [(i, Answer.NO) for i in asked]
    assert result.answers["test.item-1"] is Answer.YES and not result.unanswered


def test_stop_and_no_input_leave_the_rest_unanswered() -> None:
    items = [_item(n) for n in range(3)]
    answers = iter([Answer.YES, None])
    result = run_interview(items, {}, lambda *_: next(answers), lambda *_: None)
    assert result.stopped and [i.id for i in result.unanswered] == ["test.item-1", "test.item-2"]
    silent = run_interview(items, {}, None, lambda *_: None)
    assert len(silent.unanswered) == 3 and not silent.stopped


def test_answers_file_accepts_yaml_booleans_and_rejects_unknown_ids(tmp_path: Path) -> None:
    good = tmp_path / "answers.yaml"
    good.write_text("contacting_now: no\nanswers:\n  test.item-0: yes\n  test.item-1: n/a\n")
    parsed = load_answers(good, ["test.item-0", "test.item-1"])
    answers = initial_answers(parsed)
    assert answers == {"test.item-0": Answer.YES, "test.item-1": Answer.NA, RESPONSE_ID: Answer.NO}
    bad = tmp_path / "bad.yaml"
    bad.write_text("answers:\n  test.nope: yes\n")
    with pytest.raises(AnswersError, match="test.nope"):
        load_answers(bad, ["test.item-0"])
    worse = tmp_path / "worse.yaml"
    worse.write_text("answers:\n  test.item-0: maybe\n")
    with pytest.raises(AnswersError, match="answers.test.item-0"):
        load_answers(worse, ["test.item-0"])
