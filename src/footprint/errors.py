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


class ConfigError(InputError):
    """The user's config.yaml (API keys, service URLs) is unreadable or invalid."""


class ReportError(FootprintError):
    """A report could not be rendered or read."""


class StoreError(FootprintError):
    """The session store could not be opened, read or written."""


class FileAccessError(FootprintError):
    """A file or folder could not be read or written (full disk, read-only, permissions)."""


class UnsafePathError(FileAccessError):
    """A path footprint was asked to write is a symbolic link or not a regular file."""


class StoreDamaged(StoreError):
    """The session store file is damaged (malformed pages, zero bytes, not a database)."""


class SessionDamaged(StoreDamaged):
    """One stored session cannot be read (set aside); the store and the other sessions work."""


class SessionMissing(StoreError):
    """No stored session has the id asked for (never existed, or deleted since)."""

    exit_code = ExitCode.USAGE  # an id that names nothing is bad input, like a mistyped file


class SessionPurged(StoreError):
    """The session being written was deleted (by a purge) while it was open.

    `session_id` names it; the caller still holds the answers given so far and can offer to
    save them to an answers file.
    """

    def __init__(self, session_id: str) -> None:
        super().__init__(
            f"Session {session_id} was deleted (by `footprint sessions purge` or a retention "
            "clean-up) while this audit was running.",
            hint="Start a new audit; answers given so far can be saved to an answers file.",
        )
        self.session_id = session_id


def os_reason(exc: OSError) -> str:
    """A plain-words reason for an operating-system error, without the path in it."""
    import errno

    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EROFS: "the file system is read-only",
        errno.EACCES: "permission denied",
        errno.EPERM: "operation not permitted",
        errno.ENOTDIR: "a part of the path is a file, not a folder",
        errno.EISDIR: "it is a folder, not a file",
        errno.ELOOP: "it is a symbolic link",
        errno.ENOENT: "it does not exist",
        errno.EEXIST: "something else already exists there",
        errno.ENAMETOOLONG: "the name is too long",
        errno.EIO: "the disk reported an input/output error",
    }
    return reasons.get(exc.errno or 0) or (exc.strerror or type(exc).__name__).lower()


def os_hint(exc: OSError) -> str:
    """What to do about an operating-system error when writing."""
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "Free some disk space, then run the command again."
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "Choose a folder you can write to (for example with --out), or fix its permissions."
    return "Check the path, then run the command again."
