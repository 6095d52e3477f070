"""Errors of the contact log. Messages never quote what an entry says."""

from __future__ import annotations

from footprint.errors import FootprintError, InputError


class LogError(FootprintError):
    """The log could not be opened, read, written or exported (exit 1)."""


class LogInputError(InputError):
    """A value given for an entry, or a file given to `verify`, is not usable (exit 2)."""


class NoSuchEntry(LogInputError):
    """`show N` or `correct N` named an entry that does not exist."""

    def __init__(self, seq: int, count: int) -> None:
        hint = (
            "The log is empty: start it with `footprint log add`."
            if count == 0
            else f"Entries are numbered 1 to {count}; `footprint log list` shows them."
        )
        super().__init__(f"There is no entry {seq} in your log.", hint=hint)
