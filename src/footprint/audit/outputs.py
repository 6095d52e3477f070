"""Report files: formats checked before an audit starts, and written one at a time after it,
so no interview ends in a failed render and one failed format never costs the others."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from footprint.audit.flow import write_outputs
from footprint.errors import FootprintError, ReportError
from footprint.report.nextsteps import Reader

if TYPE_CHECKING:
    from footprint.model.profile import Profile
    from footprint.report.model import Report
    from footprint.report.render import Format


def pdf_ready() -> bool:
    """Whether WeasyPrint (the `pdf` extra) can be loaded here."""
    from footprint.util import pdf

    return pdf.available()


def check_formats(formats: Iterable[Format | str]) -> None:
    """Fail now, before the first question, if a chosen format cannot be written."""
    from footprint.report.render import PDF_HINT

    if any(str(getattr(f, "value", f)) == "pdf" for f in formats) and not pdf_ready():
        raise ReportError(
            "--format pdf needs WeasyPrint, which is not installed (or cannot load) here.",
            hint=PDF_HINT + " Or leave pdf out of --format.",
        )


def write_each(
    report: Report,
    profile: Profile,
    out_dir: Path,
    formats: Iterable[Format | str],
    *,
    adviser_mode: bool,
    full: bool,
    reader: Reader = Reader.TERMINAL,
) -> tuple[list[Path], dict[str, str]]:
    """Write each format on its own: the files written, and format -> what went wrong.

    `reader` says who the report's next steps are worded for (see `footprint.report.nextsteps`).
    """
    del reader  # worded by the renderers once they take it
    written: list[Path] = []
    failed: dict[str, str] = {}
    for fmt in formats:
        problem = _write_one(report, profile, out_dir, fmt, written, adviser_mode, full)
        if problem:
            failed[str(getattr(fmt, "value", fmt))] = problem
    return written, failed


def _write_one(
    report: Report,
    profile: Profile,
    out_dir: Path,
    fmt: Format | str,
    written: list[Path],
    adviser_mode: bool,
    full: bool,
) -> str | None:
    try:
        written += write_outputs(report, profile, out_dir, [fmt], adviser_mode, full)
    except (FootprintError, OSError) as exc:
        hint = getattr(exc, "hint", None)
        return f"{exc} {hint or ''}".strip()
    return None
