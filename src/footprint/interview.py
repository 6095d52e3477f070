"""Asking the checklist questions, and answers files.

The core never prompts: the CLI passes an `ask` callback (click prompts) or none at all
(`--no-input`). Every answer is handed to `on_answer` the moment it is given, so the session
store keeps it even if the process dies on the next question.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from footprint.checklists import ChecklistItem
from footprint.errors import AnswersError
from footprint.vocab import Answer
from footprint.yamlio import load_model, read_yaml

#: The early question that switches the response plan on. Stored like an item answer.
RESPONSE_ID = "response.active"

Ask = Callable[[ChecklistItem, int, int], "Answer | None"]
OnAnswer = Callable[[str, Answer], None]


class AnswersFile(BaseModel):
    """An answers file: `answers: {item-id: yes|no|unsure|n/a}` and optional `accepted:`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    contacting_now: Answer | None = Field(
        default=None, description="Is a patient contacting you in a way that worries you?"
    )
    answers: dict[str, Answer] = Field(default_factory=dict)
    accepted: list[str] = Field(default_factory=list, description="Finding ids you accept.")


def _coerce_answer_values(raw: object) -> object:
    # YAML reads bare yes/no as booleans; accept them as the words the user meant.
    if not isinstance(raw, dict):
        return raw
    fixed = dict(raw)
    if isinstance(fixed.get("answers"), dict):
        fixed["answers"] = {k: _word(v) for k, v in fixed["answers"].items()}
    if "contacting_now" in fixed:
        fixed["contacting_now"] = _word(fixed["contacting_now"])
    return fixed


def _word(value: object) -> object:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, str) and value.lower() in ("na", "n/a", "none"):
        return "n/a"
    return value.lower() if isinstance(value, str) else value


def load_answers(path: Path, known_ids: Iterable[str]) -> AnswersFile:
    """Load an answers file; an unknown item id is an error naming the id."""
    raw = _coerce_answer_values(read_yaml(path, AnswersError))
    parsed = load_model(path, AnswersFile, AnswersError, data=raw if raw is not None else {})
    known = set(known_ids)
    for item_id in parsed.answers:
        if item_id not in known:
            raise AnswersError(
                f"{path}: answers: unknown checklist item '{item_id}'.",
                hint="Check the id with `footprint checklist list`.",
            )
    return parsed


def dump_answers(answers: Mapping[str, Answer], accepted: Iterable[str] = ()) -> str:
    """An answers file (the format `load_answers` reads) holding `answers` and `accepted`."""
    import yaml

    items = {k: v.value for k, v in sorted(answers.items()) if k != RESPONSE_ID}
    data: dict[str, object] = {}
    if RESPONSE_ID in answers:
        data["contacting_now"] = answers[RESPONSE_ID].value
    data["answers"] = items
    if accepted:
        data["accepted"] = sorted(accepted)
    header = "# footprint answers file: use it with `footprint audit --answers FILE`.\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def initial_answers(parsed: AnswersFile | None) -> dict[str, Answer]:
    """The answers an answers file gives, including the response-plan question."""
    if parsed is None:
        return {}
    answers = dict(parsed.answers)
    if parsed.contacting_now is not None:
        answers[RESPONSE_ID] = parsed.contacting_now
    return answers


@dataclass(frozen=True)
class InterviewResult:
    """What the interview ended with."""

    answers: dict[str, Answer]
    unanswered: list[ChecklistItem]
    stopped: bool  # the user stopped early (the rest stays unanswered)


def run_interview(
    items: list[ChecklistItem],
    answered: Mapping[str, Answer],
    ask: Ask | None,
    on_answer: OnAnswer,
) -> InterviewResult:
    """Ask each item not yet answered, in order; never re-ask an answered one.

    `ask(item, index, total)` numbers the question among all `items` (answered ones count).

    `ask` returns None to stop the interview (the rest stays unanswered). With `ask=None`
    (`--no-input`) nothing is asked.
    """
    answers = dict(answered)
    pending = [i for i in items if i.id not in answers]
    stopped = False
    if ask is not None:
        # Numbered among all the items, so a resumed audit carries on at [7/133], not [1/127].
        done = len(items) - len(pending)
        for index, item in enumerate(pending, start=done + 1):
            answer = ask(item, index, len(items))
            if answer is None:
                stopped = True
                break
            answers[item.id] = answer
            on_answer(item.id, answer)
    unanswered = [i for i in items if i.id not in answers]
    return InterviewResult(answers=answers, unanswered=unanswered, stopped=stopped)


def is_exposed(item: ChecklistItem, answer: Answer) -> bool:
    """Whether `answer` means the doctor is exposed on this item."""
    return answer.value == item.exposed_when
