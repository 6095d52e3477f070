"""Domain exceptions and exit codes.

Core code raises these; `footprint.cli` is the one place that turns them into a message and an
exit code. Messages name what was wrong, where (file, line, item, field) and what to do, and
never contain personal data from the profile.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes (DESIGN.md "Commands")."""

    OK = 0
    ERROR = 1  # network, file, internal
    USAGE = 2  # usage or invalid input (bad YAML, unknown option)
    FINDINGS = 3  # findings at or above --fail-on
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, the shell convention); answers are kept


class FootprintError(Exception):
    """Base of every domain error. `hint` says what the user can do about it."""

    exit_code: ExitCode = ExitCode.ERROR

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class InputError(FootprintError):
    """A file or value the user gave us is invalid (exit 2)."""

    exit_code = ExitCode.USAGE


class ProfileError(InputError):
    """The profile YAML is missing, unreadable or invalid."""


class ChecklistError(InputError):
    """A checklist, guidance or sites file is invalid."""


class AnswersError(InputError):
    """An answers or accepted-findings file is invalid."""


class ReportError(FootprintError):
    """A report could not be rendered or read."""


class StoreError(FootprintError):
    """The session store could not be opened, read or written."""
