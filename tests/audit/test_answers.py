"""Answers files: YAML booleans read as words, unknown ids named."""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint.audit.answers import RESPONSE_ID, initial_answers, load_answers
from footprint.content.checklists import ChecklistItem
from footprint.errors import AnswersError
from footprint.model.vocab import Answer


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
