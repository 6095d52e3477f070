"""Finding a stored report: a session id in the store, or a report JSON file; and the copy of
it that `footprint report render` asks for. The report package parses; this module reads."""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from footprint.errors import ReportError
from footprint.model.profile import Profile
from footprint.report.model import Copy, Report

if TYPE_CHECKING:
    from footprint.report.adviser import AdviserReport


@cache
def lookup_titles() -> dict[str, str]:
    """Every built-in lookup's id -> its title, read from the classes (static text we wrote),
    for the adviser copy: never an instance title, which may quote a page or a name."""
    from footprint.lookups.registry import BUILTIN

    titles = {}
    for target in BUILTIN:
        module, name = target.split(":")
        cls = getattr(importlib.import_module(f"footprint.lookups.{module}"), name)
        titles[cls.id] = cls.title
    return titles


def read_report_text(path: Path) -> str:
    """The text of a report file; errors name the file and say what went wrong."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReportError(
            f"{path}: file not found.", hint="Check the path and try again."
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise ReportError(f"{path}: cannot be read ({reason}).") from None


def load_report_json(path: Path) -> Report:
    """Read a report.json written by `render_json` (any 1.x schema); errors name the file and
    the field."""
    from footprint.report.render import parse_report_json

    return parse_report_json(read_report_text(path), str(path))


def read_adviser_json(path: Path) -> AdviserReport | None:
    """The adviser copy in a report.json file, or None when the file holds another copy (or
    cannot be read: the report loader gives the clear message for that).

    Raises ReportError when it says it is an adviser copy but is not a valid one.
    """
    from footprint.report.adviser_render import parse_adviser_json

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return parse_adviser_json(text, str(path))


def load_source(source: str) -> tuple[Report, Profile | None, str]:
    """Load a report from a JSON file path or a stored session id.

    Returns the report, the profile when it came from the store (needed for redaction), and a
    short label for messages.
    """
    path = Path(source)
    if path.suffix == ".json" or path.exists():
        report = load_report_json(path)
        return report, _stored_profile(report.session_id), path.name
    from footprint.store.sessions import Store

    with Store(read_only=True) as store:
        data = store.load(source)
    if data.report_json is None:
        raise ReportError(
            f"Session {source} has no report yet (it did not finish).",
            hint=f"Finish it with `footprint audit --resume {source}`.",
        )
    try:
        report = Report.model_validate_json(data.report_json)
    except ValueError as exc:  # never str(exc): pydantic quotes the stored text
        raise ReportError(
            f"The stored report of session {source} is damaged ({type(exc).__name__}).",
            hint="Run the audit again, or delete it with `footprint sessions purge`.",
        ) from None
    return report, data.profile, f"session {source}"


def load_copy(source: str, copy: Copy | None) -> Report | AdviserReport:
    """The copy asked for (None: masked) of a stored session or a report JSON file.

    An adviser copy's file can only give itself (it is what it is, with nothing to mask); an
    adviser copy needs no profile, as it is allow-listed. Raises ReportError for a member copy
    asked of a file that no longer holds the details.
    """
    from footprint.report.adviser import adviser_copy
    from footprint.report.redact import to_copy

    path = Path(source)
    filed = read_adviser_json(path) if path.is_file() else None
    if filed is not None:
        if copy is Copy.MEMBER:
            raise ReportError(
                f"{source} is an adviser copy; the full member copy cannot be rebuilt from it.",
                hint="Render the member copy from the stored session id instead.",
            )
        return filed
    loaded, profile, _label = load_source(source)
    if copy is Copy.MEMBER and loaded.copy_kind is not Copy.MEMBER:
        raise ReportError(
            f"{source} is a {loaded.copy_kind.value} copy; the full member copy cannot be "
            "rebuilt from it.",
            hint="Render the member copy from the stored session id instead.",
        )
    if copy is Copy.ADVISER or (copy is None and loaded.copy_kind is Copy.ADVISER):
        return adviser_copy(loaded, lookup_titles())
    return to_copy(loaded, copy or Copy.MASKED, profile)


def _stored_profile(session_id: str | None) -> Profile | None:
    """The profile of the session a report file came from, if that session is stored here.

    A report file holds the name only as initials; the profile knows every form of it, which
    the adviser copy must remove (consent sentences quote the name).
    """
    from footprint.errors import StoreError
    from footprint.store.sessions import Store, default_path

    if not session_id or not default_path().exists():
        return None
    try:
        with Store(read_only=True) as store:
            return store.load(session_id).profile
    except StoreError:  # not stored here, or the store is unreadable: render without it
        return None
