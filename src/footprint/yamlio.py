"""Reading YAML into pydantic models with errors that name the file, line and field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from footprint.errors import InputError

M = TypeVar("M", bound=BaseModel)


def read_yaml(path: Path, error: type[InputError]) -> Any:
    """Parse a YAML file; a syntax error names the line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(f"{path}: file not found.", hint="Check the path and try again.") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror}).") from None
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown place"
        raise error(
            f"{path}: not valid YAML at {where}: {exc.problem}.",
            hint="Fix the YAML syntax there (indentation, a missing colon or quote).",
        ) from None
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare
        raise error(f"{path}: not valid YAML: {exc}.") from None


def describe_validation_error(
    exc: ValidationError, locate: Callable[[list[str | int]], str | None] | None = None
) -> str:
    """One line per problem: `field.path: message`, without echoing the bad value.

    `locate` may name a place better than its dotted path (e.g. a list entry by its id).
    """
    lines = []
    for err in exc.errors(include_url=False, include_input=False):
        loc = list(err["loc"])
        where = (locate(loc) if locate else None) or ".".join(str(p) for p in loc)
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = "unknown field (check the spelling; see the schema)"
        lines.append(f"{where or '(top level)'}: {msg}")
    return "; ".join(lines)


def load_model(path: Path, model: type[M], error: type[InputError], data: Any = None) -> M:
    """Validate YAML data (read from `path` unless given) into `model`."""
    raw = read_yaml(path, error) if data is None else data
    if raw is None:
        raw = {}
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise error(
            f"{path}: {describe_validation_error(exc)}",
            hint=f"Correct the field named above in {path.name}.",
        ) from None
