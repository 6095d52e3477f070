"""JSON from untrusted sources (web pages, API answers, report files) with bounded nesting.

`json.loads` recurses once per level: a body of 100,000 nested brackets raises RecursionError,
which no caller expects, and a structure a few hundred levels deep still makes every later walk
over it risky. `loads` turns both into a `TooDeep` error, a `json.JSONDecodeError`, so every
existing "not valid JSON" handler already treats it as malformed input.
"""

from __future__ import annotations

import json
from typing import Any

DEFAULT_MAX_DEPTH = 64


class TooDeep(json.JSONDecodeError):
    """The JSON nests deeper than allowed."""


def loads(text: str | bytes, max_depth: int = DEFAULT_MAX_DEPTH) -> Any:
    """Parse JSON; raises `json.JSONDecodeError` (or `TooDeep`) for malformed or deep input."""
    doc = text if isinstance(text, str) else text.decode("utf-8", "replace")
    try:
        value = json.loads(doc)
    except RecursionError:
        raise TooDeep(f"nested more than {max_depth} levels deep", doc, 0) from None
    if depth(value, max_depth) > max_depth:
        raise TooDeep(f"nested more than {max_depth} levels deep", doc, 0)
    return value


def depth(value: Any, stop_at: int | None = None) -> int:
    """How many levels of lists and objects `value` nests (iterative: no recursion).

    Stops counting once `stop_at` is passed, so a hostile structure costs no more than needed.
    """
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        deepest = max(deepest, level)
        if stop_at is not None and deepest > stop_at:
            return deepest
        stack.extend((child, level + 1) for child in children)
    return deepest
