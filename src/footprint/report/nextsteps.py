"""Who reads a report, so that each renderer words the next steps for that reader."""

from __future__ import annotations

from footprint.model.vocab import StrEnum


class Reader(StrEnum):
    """The reader a rendered report is worded for.

    TERMINAL: made by `footprint audit` (commands may be shown); BROWSER: made in `footprint ui`
    (never a command); MEMBER: the member's copy of an adviser call (never a session that lives
    on the adviser's computer).
    """

    TERMINAL = "terminal"
    BROWSER = "browser"
    MEMBER = "member"
