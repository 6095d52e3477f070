"""Rendering the adviser copy (HTML, Markdown, JSON, PDF), and parsing its JSON back.

It uses the report's Jinja environment (HTML autoescaped, Markdown escaped by `finalize`) but
its own templates, `adviser.html` and `adviser.md.j2`, which print only the AdviserReport.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from pydantic import ValidationError

from footprint.errors import ReportError
from footprint.model.vocab import Axis, Severity
from footprint.report.adviser import AdviserReport
from footprint.report.model import Level, Status
from footprint.report.render import Format, environment, parse_formats, pdf_or_report_error
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
        Level.NOT_CHECKED: "Not checked (the name search did not run)",
    },
    "outcome": {
        "found": "found",
        "not_found": "not found",
        "couldnt_check": "could not check",
        "skipped": "skipped",
    },
    "risk": {
        Axis.FINDABLE: "a patient could find the member",
        Axis.CONTACTABLE: "a patient could contact the member",
        Axis.LOCATABLE: "a patient could locate the member",
    },
    "found": {
        Status.EXPOSED: "confirmed",
        Status.UNSURE: "the member was not sure: to check",
        Status.COULDNT_CHECK: "could not be checked",
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


def render_adviser_all(
    adviser: AdviserReport, formats: Iterable[Format | str]
) -> list[tuple[Format, str | bytes]]:
    """Every format rendered, before anything is written (a PDF failure writes nothing)."""
    return [(fmt, render_adviser(adviser, fmt)) for fmt in parse_formats(formats)]


def parse_adviser_json(text: str, name: str) -> AdviserReport | None:
    """The adviser copy in the text of a report.json, or None when it holds another copy (or
    is not JSON: the report parser gives the clear message for that).

    Raises ReportError when it says it is an adviser copy but is not a valid one.
    """
    try:
        data = jsonsafe.loads(text)  # bounded nesting
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict) or data.get("copy") != "adviser" or "score" not in data:
        return None  # an older adviser copy is a full Report: the report loader reads it
    try:
        return AdviserReport.model_validate(data)
    except ValidationError as exc:
        raise ReportError(
            f"{name}: not a valid adviser copy: {describe_validation_error(exc)}",
            hint="Use the adviser-copy/report.json that footprint wrote, unedited.",
        ) from None
