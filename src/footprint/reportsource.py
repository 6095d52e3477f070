"""Finding a stored report: a session id in the store, or a report JSON file."""

from __future__ import annotations

from pathlib import Path

from footprint.errors import ReportError
from footprint.profile import Profile
from footprint.report.model import Report


def load_source(source: str) -> tuple[Report, Profile | None, str]:
    """Load a report from a JSON file path or a stored session id.

    Returns the report, the profile when it came from the store (needed for redaction), and a
    short label for messages.
    """
    from footprint.report.render import load_report_json

    path = Path(source)
    if path.suffix == ".json" or path.exists():
        return load_report_json(path), None, path.name
    from footprint.store import Store

    store = Store()
    try:
        data = store.load(source)
    finally:
        store.close()
    if data.report_json is None:
        raise ReportError(
            f"Session {source} has no report yet (it did not finish).",
            hint=f"Finish it with `footprint audit --resume {source}`.",
        )
    return Report.model_validate_json(data.report_json), data.profile, f"session {source}"
