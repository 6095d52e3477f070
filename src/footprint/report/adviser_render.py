"""Rendering the adviser copy (HTML, Markdown, JSON, PDF), writing it, and reading it back.

It uses the report's Jinja environment (HTML autoescaped, Markdown escaped by `finalize`) but
its own templates, `adviser.html` and `adviser.md.j2`, which print only the AdviserReport.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from footprint.errors import ReportError
from footprint.model.vocab import Axis, Severity
from footprint.report.adviser import AdviserReport
from footprint.report.model import Level, Status
from footprint.report.render import (
    Format,
    environment,
    parse_formats,
    pdf_or_report_error,
    write_rendered,
)
from footprint.util import jsonsafe
from footprint.util.yamlio import describe_validation_error

LABELS = {
    "severity": {s: s.value.capitalize() for s in Severity},
    "axis": {a: a.value.capitalize() for a in Axis},
    "level": {
        Level.LOW: "Low",
        Level.MODERATE: "Moderate",
        Level.HIGH: "High",
        Level.UNKNOWN: "Not enough checked to say",
    },
    "outcome": {
        "found": "found",
        "not_found": "not found",
        "couldnt_check": "could not check",
        "skipped": "skipped",
    },
    "status": {
        Status.EXPOSED: "exposed",
        Status.UNSURE: "unsure",
        Status.COULDNT_CHECK: "could not check",
    },
}


def _date(value: object) -> str:
    """'21 November 2026, 14:05 UTC'."""
    from datetime import datetime

    if not isinstance(value, datetime):
        return ""
    zone = f" {value.tzname()}" if value.tzname() else ""
    return f"{value.day} {value:%B %Y}, {value:%H:%M}{zone}"


def _render(template: str, adviser: AdviserReport) -> str:
    return (
        environment()
        .get_template(template)
        .render(a=adviser, L=LABELS, date=_date(adviser.generated_at))
    )


def render_adviser_html(adviser: AdviserReport) -> str:
    """A self-contained page: inline CSS, no JavaScript, no links."""
    return _render("adviser.html", adviser)


def render_adviser_markdown(adviser: AdviserReport) -> str:
    """The same content as Markdown."""
    return re.sub(r"\n{3,}", "\n\n", _render("adviser.md.j2", adviser))


def render_adviser_json(adviser: AdviserReport) -> str:
    """JSON with `copy: adviser`, ISO 8601 dates, indent 2."""
    return adviser.model_dump_json(by_alias=True, indent=2) + "\n"


def render_adviser_pdf(adviser: AdviserReport) -> bytes:
    """The HTML printed to PDF with WeasyPrint (the optional `pdf` extra)."""
    return pdf_or_report_error(render_adviser_html(adviser))


def render_adviser(adviser: AdviserReport, fmt: Format | str) -> str | bytes:
    """The adviser copy in one format."""
    chosen = Format(fmt)
    if chosen is Format.HTML:
        return render_adviser_html(adviser)
    if chosen is Format.MARKDOWN:
        return render_adviser_markdown(adviser)
    if chosen is Format.JSON:
        return render_adviser_json(adviser)
    return render_adviser_pdf(adviser)


def write_adviser_reports(
    adviser: AdviserReport, out_dir: Path, formats: Iterable[Format | str]
) -> list[Path]:
    """One file per format in `out_dir` (report.html, ...); folders 0700, files 0600."""
    # Everything is rendered first: a PDF failure must not leave a half-written set behind.
    rendered = [(fmt, render_adviser(adviser, fmt)) for fmt in parse_formats(formats)]
    return write_rendered(out_dir, rendered)


def read_adviser_json(path: Path) -> AdviserReport | None:
    """The adviser copy in a report.json file, or None when the file holds another copy.

    Raises ReportError when it says it is an adviser copy but is not a valid one.
    """
    try:
        data = jsonsafe.loads(path.read_text(encoding="utf-8"))  # bounded nesting
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None  # the report loader gives the clear message for these
    if not isinstance(data, dict) or data.get("copy") != "adviser" or "score" not in data:
        return None  # an older adviser copy is a full Report: the report loader reads it
    try:
        return AdviserReport.model_validate(data)
    except ValidationError as exc:
        raise ReportError(
            f"{path}: not a valid adviser copy: {describe_validation_error(exc)}",
            hint="Use the adviser-copy/report.json that footprint wrote, unedited.",
        ) from None
