"""Reading YAML into pydantic models with errors that name the file, line and field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from footprint.errors import FootprintError, InputError, os_reason

M = TypeVar("M", bound=BaseModel)


MAX_INPUT_BYTES = 1_000_000  # a profile, answers or config file is a few kilobytes
MAX_NESTING = 64  # no footprint file nests more than a handful of levels


MAX_EXPANDED = 2 * MAX_INPUT_BYTES  # characters plus values, with every alias written out


def _expanded_size(node: yaml.Node, sizes: dict[int, int], depth: int = 0) -> int:
    """Characters plus values in `node` with aliases written out; a cycle counts as unbounded.

    An alias is the same node object met again, so each distinct node is sized once (the
    composed graph is at most the file's size) and the sum saturates at the limit. Aliases
    of aliases can nest deeper than the file does: past MAX_NESTING it counts as unbounded.
    """
    known = sizes.get(id(node))
    if known is not None:
        return known
    if depth > MAX_NESTING:
        return MAX_EXPANDED + 1
    sizes[id(node)] = MAX_EXPANDED + 1  # while being sized: met again means a cycle
    if isinstance(node, yaml.ScalarNode):
        total = 1 + len(node.value)
    elif isinstance(node, yaml.SequenceNode):
        total = 1 + sum(_expanded_size(child, sizes, depth + 1) for child in node.value)
    else:
        total = 1 + sum(
            _expanded_size(key, sizes, depth + 1) + _expanded_size(value, sizes, depth + 1)
            for key, value in node.value
        )
    sizes[id(node)] = min(total, MAX_EXPANDED + 1)
    return sizes[id(node)]


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader that bounds aliases, deep nesting and duplicate keys, with the line of each.

    An alias (`*name`) repeats an anchored node: nine aliases of nine aliases of... make a
    few hundred bytes expand to a billion values (gigabytes once validated, copied or turned
    into text). So a document whose size with every alias written out is more than
    MAX_EXPANDED (about twice the largest file read) is refused before anything is built;
    an ordinary anchor and merge key (`<<: *base`) still reads. PyYAML composes
    nested nodes recursively: a file nested thousands of levels deep would exhaust the stack
    (RecursionError) instead of being reported. Duplicate keys are silently "last one wins" in
    plain YAML; in a profile that hides a mistake, so they are an error.
    """

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self._depth += 1
        try:
            if self._depth > MAX_NESTING:
                mark = self.peek_event().start_mark
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {MAX_NESTING} levels deep", mark
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def compose_document(self) -> Any:
        node = super().compose_document()
        if node is not None and _expanded_size(node, {}) > MAX_EXPANDED:
            raise yaml.composer.ComposerError(
                None,
                None,
                "its aliases (*name) repeat parts of the file so often that it would grow "
                f"past {MAX_EXPANDED // 1_000_000} million characters; write the values out "
                "instead",
                node.start_mark,
            )
        return node

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                first = seen.get(key)
                seen.setdefault(key, key_node.start_mark.line)
            except TypeError:  # an unhashable key: the normal constructor reports it
                continue
            if first is not None:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key '{str(key)[:60]}' (first given on line {first + 1})",
                    key_node.start_mark,
                )
        return super().construct_mapping(node, deep)


def read_text_capped(path: Path, error: type[FootprintError], limit: int = MAX_INPUT_BYTES) -> str:
    """A UTF-8 file's text, refused before parsing when larger than `limit` bytes."""
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise error(f"{path}: file not found.", hint="Check the path and try again.") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read ({os_reason(exc)}).") from None
    if len(data) > limit:
        raise error(
            f"{path}: the file is larger than {limit // 1_000_000} MB, too large to be one.",
            hint="Check that this is the right file.",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(
            f"{path}: not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}).",
            hint="Save the file as UTF-8 in your editor, then try again.",
        ) from None


def parse_yaml(text: str, where: str, error: type[FootprintError]) -> Any:
    """Parse YAML text (bounded nesting, no duplicate keys); errors name the line and column."""
    try:
        return yaml.load(text, Loader=_BoundedLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        place = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown place"
        raise error(
            f"{where}: not valid YAML at {place}: {exc.problem}.",
            hint="Fix the YAML there (indentation, a missing colon or quote, a repeated key).",
        ) from None
    except yaml.YAMLError as exc:
        raise error(f"{where}: not valid YAML ({type(exc).__name__}).") from None


def read_yaml(path: Path, error: type[FootprintError]) -> Any:
    """Read and parse a YAML file the user gave (size-capped, UTF-8, bounded nesting)."""
    return parse_yaml(read_text_capped(path, error), str(path), error)


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
