"""Answers files, the response-plan question's id, and what an answer means.

Asking the questions is the engine's job (`footprint.audit.engine`): it hands out one question
at a time and stores every answer the moment it is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from footprint.content.checklists import ChecklistItem, current_answers, current_id
from footprint.errors import AnswersError
from footprint.model.bounds import TEXT_MAX
from footprint.model.profile import PrivateDetails, Profile
from footprint.model.vocab import Answer
from footprint.util.yamlio import load_model, parse_yaml, read_yaml

#: The early question that switches the response plan on. Stored like an item answer.
RESPONSE_ID = "response.active"


class AnswersFile(BaseModel):
    """An answers file: `answers: {item-id: yes|no|unsure|n/a}` and optional `accepted:`.

    The hand-over file an adviser call writes for the member (`footprint.audit.handover`) is
    an answers file too, with the areas skipped on the call and the profile's public parts.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_max_length=TEXT_MAX)

    contacting_now: Answer | None = Field(
        default=None, description="Is a patient contacting you in a way that worries you?"
    )
    answers: dict[str, Answer] = Field(default_factory=dict)
    accepted: list[str] = Field(default_factory=list, description="Finding ids you accept.")
    skipped_areas: list[str] = Field(
        default_factory=list, description="Areas or platforms you don't use (not asked)."
    )
    profile: Profile | None = Field(
        default=None,
        description="Who the answers are about (a hand-over file): used when no profile is given.",
    )


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
    return _checked(path, read_yaml(path, AnswersError), known_ids)


def answers_from_text(text: str, name: str, known_ids: Iterable[str]) -> AnswersFile:
    """An answers file (or hand-over file) given as text, e.g. uploaded in the browser;
    `name` is how errors name it."""
    return _checked(Path(name), parse_yaml(text, name, AnswersError), known_ids)


def _checked(path: Path, data: object, known_ids: Iterable[str]) -> AnswersFile:
    raw = _coerce_answer_values(data)
    parsed = load_model(path, AnswersFile, AnswersError, data=raw if raw is not None else {})
    # Files written before items were merged or turned round name old ids: carry them over.
    parsed = parsed.model_copy(
        update={
            "answers": current_answers(parsed.answers),
            "accepted": [current_id(a) for a in parsed.accepted],
        }
    )
    if parsed.profile is not None and parsed.profile.private != PrivateDetails():
        # A hand-over file travels, often by e-mail, and footprint never writes these into it:
        # one that holds them was made or changed by someone else, so none of it is taken.
        raise AnswersError(
            f"{path}: profile: it holds personal e-mails, phone numbers or a home address, "
            "which a hand-over file never carries, so it was not used.",
            hint="Ask your adviser for the hand-over file footprint wrote after your call.",
        )
    known = set(known_ids)
    for item_id in parsed.answers:
        if item_id not in known:
            raise AnswersError(
                f"{path}: answers: unknown checklist item '{item_id}'.",
                hint="Check the id with `footprint checklist list`.",
            )
    areas = {i.split(".", 1)[0] for i in known}
    for area in parsed.skipped_areas:
        if area not in areas:
            raise AnswersError(f"{path}: skipped_areas: unknown area '{area}'.")
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


def is_exposed(item: ChecklistItem, answer: Answer) -> bool:
    """Whether `answer` means the doctor is exposed on this item."""
    return answer.value == item.exposed_when
