"""Finding a stored report: a session id in the store, or a report JSON file."""

from __future__ import annotations

from pathlib import Path

from footprint.errors import ReportError
from footprint.model.profile import Profile
from footprint.report.model import Report


def load_source(source: str) -> tuple[Report, Profile | None, str]:
    """Load a report from a JSON file path or a stored session id.

    Returns the report, the profile when it came from the store (needed for redaction), and a
    short label for messages.
    """
    from footprint.report.render import load_report_json

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
    return Report.model_validate_json(data.report_json), data.profile, f"session {source}"


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
