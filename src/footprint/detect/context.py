"""Short, one-line pieces of page text: what a found contact quotes as its context.

Used by the page parser (`footprint.detect.text`, for link context) and by the detectors
(`footprint.detect.interface` and the modules beside it), so it sits below both.
"""

from __future__ import annotations

import re

CONTEXT_CHARS = 80

_SPACES = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"\s*\n\s*")


def _near_lines(segment: str, *, before: bool) -> str:
    """Keep the current line and at most one more line of `segment` next to the match."""
    pieces = _LINE_BREAK.split(segment)
    if before:
        return " ".join(pieces[-2:])
    return " ".join(pieces[:2])


def snippet(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """A short, single-line piece of `text` around `text[start:end]` (at most ~`width` chars).

    It stays within the match's own line and the next line either side, so a link in a
    navigation bar is not described by the paragraph three blocks away.
    """
    spare = max(width - (end - start), 0)
    left = max(start - spare // 2, 0)
    right = min(end + spare - (start - left), len(text))
    before = _near_lines(text[left:start], before=True)
    after = _near_lines(text[end:right], before=False)
    cut_left = left > 0 or len(before) < start - left
    cut_right = right < len(text) or len(after) < right - end
    piece = one_line(before + text[start:end] + after)
    return (
        ("…" if cut_left and before.strip() else "")
        + piece
        + ("…" if cut_right and after.strip() else "")
    )


def one_line(text: str) -> str:
    """`text` with every run of white space (newlines too) as one space, trimmed."""
    return _SPACES.sub(" ", text).strip()


def clip(text: str, width: int = CONTEXT_CHARS) -> str:
    """`text` on one line, cut to `width` characters."""
    flat = one_line(text)
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"
