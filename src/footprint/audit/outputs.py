"""Report files: formats checked before an audit starts, and written one at a time after it,
so no interview ends in a failed render and one failed format never costs the others.

The report package renders (model -> text); every report file is written here: folders 0700,
files 0600, and every format of a set rendered before the first is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from footprint.errors import FootprintError, ReportError
from footprint.report.model import Copy
from footprint.report.nextsteps import Reader
from footprint.util.fsio import ensure_private_dir, write_private_file

if TYPE_CHECKING:
    from footprint.model.profile import Profile
    from footprint.report.adviser import AdviserReport
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

    `reader` says who the report's next steps are worded for (see `footprint.report.nextsteps`);
    in adviser mode the member's copy is worded for the member whoever made it.
    """
    written: list[Path] = []
    failed: dict[str, str] = {}
    for fmt in formats:
        problem = _write_one(report, profile, out_dir, fmt, written, adviser_mode, full, reader)
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
    reader: Reader,
) -> str | None:
    try:
        written += write_copies(report, profile, out_dir, [fmt], adviser_mode, full, reader)
    except (FootprintError, OSError) as exc:
        hint = getattr(exc, "hint", None)
        return f"{exc} {hint or ''}".strip()
    return None


def write_copies(
    report: Report,
    profile: Profile,
    out_dir: Path,
    formats: Iterable[Format | str],
    adviser_mode: bool,
    full: bool,
    reader: Reader = Reader.TERMINAL,
) -> list[Path]:
    """Write the report files: member (or masked) copy, plus the adviser copy in adviser mode.

    In adviser mode the member's copy (member-copy/) is worded for the member and carries no
    session id (see `without_sessions`): the session it came from lives on the adviser's
    computer.
    """
    from footprint.audit.stored import lookup_titles
    from footprint.report.adviser import adviser_copy
    from footprint.report.redact import to_copy

    written: list[Path] = []
    main_copy = Copy.MEMBER if (full or adviser_mode) else Copy.MASKED
    main = to_copy(report, main_copy, profile)
    if adviser_mode:
        member = without_sessions(main)
        written += write_reports(member, out_dir / "member-copy", formats, Reader.MEMBER)
        # Allow-listed: nothing of the profile can reach it.
        adviser = adviser_copy(report, lookup_titles())
        written += write_adviser_reports(adviser, out_dir / "adviser-copy", formats)
    else:
        written += write_reports(main, out_dir, formats, reader)
    return written


def without_sessions(report: Report) -> Report:
    """`report` with no session id anywhere: for the member's copy of an adviser call.

    The sessions (this one, and the earlier one "since your last audit" compares with) live
    on the adviser's computer: useless to the member, and a pointer to data they cannot reach.
    Done here, once, so every format (JSON included) leaves them out.
    """
    steps = [
        s.model_copy(update={"args": {k: v for k, v in s.args.items() if k != "session_id"}})
        for s in report.next_steps
    ]
    update: dict[str, object] = {"session_id": None, "next_steps": steps}
    if report.since_last is not None:
        update["since_last"] = report.since_last.model_copy(update={"previous_session": ""})
    return report.model_copy(update=update)


def write_reports(
    report: Report,
    out_dir: Path,
    formats: Iterable[Format | str],
    reader: Reader = Reader.TERMINAL,
) -> list[Path]:
    """Write one file per format into `out_dir`; every folder made is 0700, files are 0600."""
    from footprint.report.render import render_all

    # Render everything first: a PDF failure must not leave a half-written set behind.
    return write_rendered(out_dir, render_all(report, formats, reader))


def write_adviser_reports(
    adviser: AdviserReport, out_dir: Path, formats: Iterable[Format | str]
) -> list[Path]:
    """One file per format in `out_dir` (report.html, ...); folders 0700, files 0600."""
    from footprint.report.adviser_render import render_adviser_all

    # Everything is rendered first: a PDF failure must not leave a half-written set behind.
    return write_rendered(out_dir, render_adviser_all(adviser, formats))


def write_rendered(out_dir: Path, rendered: Iterable[tuple[Format, str | bytes]]) -> list[Path]:
    """Write already-rendered formats as `out_dir/report.<ext>` (folders 0700, files 0600)."""
    ensure_private_dir(out_dir)
    paths = []
    for fmt, data in rendered:
        path = out_dir / fmt.filename
        write_private_file(path, data)
        paths.append(path)
    return paths


def write_pdf(report: Report, path: Path, reader: Reader = Reader.TERMINAL) -> Path:
    """Write the PDF report to `path`, owner-only."""
    from footprint.report.render import render_pdf_bytes

    write_private_file(path, render_pdf_bytes(report, reader))
    return path
