"""Rendering a Report as HTML, Markdown, JSON or PDF, and parsing report JSON back.

Pure functions, model to text (or bytes): reading and writing files is the audit layer's
(`footprint.audit.outputs`, `footprint.audit.stored`). HTML, Markdown and PDF word the next
steps for a reader (`footprint.report.nextsteps`); JSON carries them as data.

One Jinja2 environment renders both templates. HTML is autoescaped; Markdown gets its own
escaping through `finalize`, so every value printed into `report.md` is escaped too and no
template line can forget it. Links from fetched pages become links only if they are http(s).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, NoReturn

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_eval_context, select_autoescape
from jinja2.nodes import EvalContext
from markupsafe import Markup
from pydantic import ValidationError

from footprint.errors import ReportError
from footprint.model.vocab import Axis, Severity, StrEnum
from footprint.report import actions as plan
from footprint.report import view
from footprint.report.model import SCHEMA_VERSION, Report
from footprint.report.nextsteps import Reader
from footprint.util import jsonsafe
from footprint.util.pdf import PdfUnavailable, html_to_pdf
from footprint.util.yamlio import describe_validation_error

PDF_HINT = "From the footprint project folder, install the PDF extra with `pip install '.[pdf]'` (WeasyPrint), or print the HTML report to PDF from a browser."


class Format(StrEnum):
    """Report file formats; each maps to one renderer (see `renderer`)."""

    HTML = "html"
    MARKDOWN = "md"
    JSON = "json"
    PDF = "pdf"

    @property
    def filename(self) -> str:
        """The file written for this format: report.html, report.md, ..."""
        return f"report.{self.value}"

    def renderer(self) -> Callable[[Report, Reader], str | bytes]:
        """The function that renders a report in this format."""
        if self is Format.HTML:
            return render_html
        if self is Format.MARKDOWN:
            return render_markdown
        if self is Format.JSON:
            return render_json
        if self is Format.PDF:
            return render_pdf_bytes
        _assert_never(self)


def _assert_never(value: NoReturn) -> NoReturn:  # pragma: no cover - mypy proves it
    raise AssertionError(f"unhandled format: {value!r}")


# --- Markdown escaping ------------------------------------------------------------------------

# Characters that make markup anywhere in a line ("<" starts raw HTML and autolinks).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<~])")
# ... and those that do only at the start of one (headings, quotes, lists, rules).
_MD_LINE_START = re.compile(r"^(\s*)(?:([-+=#>])|(\d+)([.)])(?=\s|$))")
_NEWLINES = re.compile(r"\s*[\r\n\f\v\u2028\u2029]+\s*")


def md_escape(value: object) -> str:
    """Text safe inside a Markdown line: no markup, no raw HTML, no new blocks."""
    text = _NEWLINES.sub(" ", str(value))  # a value never starts a new line or block
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # A value printed at the start of a line must not become a list item or heading.
    return _MD_LINE_START.sub(_escape_line_start, text, count=1)


def _escape_line_start(m: re.Match[str]) -> str:
    if m.group(2):  # "- item", "# heading", "> quote", "===": escape the marker
        return f"{m.group(1)}\\{m.group(2)}"
    return f"{m.group(1)}{m.group(3)}\\{m.group(4)}"  # "1. item" -> "1\. item"


def md_link(url: object, text: object = None) -> Markup:
    """A Markdown link when the URL is safe (http/https), else the escaped text of it."""
    safe = view.safe_url(url)
    if safe is None or re.search(r"[()\s]", safe):
        return Markup(md_escape(text or url or ""))
    return Markup(f"<{safe}>" if text is None else f"[{md_escape(text)}]({safe})")


def md_code(value: object) -> Markup:
    """An id or value in a code span (backticks inside are dropped)."""
    text = " ".join(str(value).replace("`", "'").split())
    return Markup(f"`{text}`")


_CODE_SPAN = re.compile(r"`([^`]+)`")


def html_code(value: object) -> Markup:
    """Escaped text whose `command` spans become <code> (our own wording, e.g. next_step)."""
    parts = _CODE_SPAN.split(str(value))
    return Markup("").join(
        Markup("<code>{}</code>").format(part) if odd else Markup.escape(part)
        for odd, part in ((i % 2 == 1, part) for i, part in enumerate(parts))
    )


def md_text_with_code(value: object) -> Markup:
    """Markdown-escaped text whose `command` spans stay code spans."""
    parts = _CODE_SPAN.split(str(value))
    return Markup("".join(md_code(p) if i % 2 else md_escape(p) for i, p in enumerate(parts) if p))


@pass_eval_context
def _finalize(eval_ctx: EvalContext, value: Any) -> Any:
    if value is None:
        return ""
    if eval_ctx.autoescape or isinstance(value, Markup):
        return value  # HTML: Jinja escapes it; Markup: already safe for its format
    return md_escape(value)


@cache
def environment() -> Environment:
    """The one Jinja2 environment, made on first use (keeps `footprint --help` fast)."""
    env = Environment(
        loader=PackageLoader("footprint", "report/templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
    )
    env.filters.update(
        safe_url=view.safe_url,
        date=view.format_date,
        minutes=view.minutes,
        role=view.role_label,
        md_link=md_link,
        md_code=md_code,
        code=html_code,
        md_with_code=md_text_with_code,
        first_sentence=plan.first_sentence,
        short_url=plan.short_url,
        host=plan.host_of,
    )
    env.globals.update(
        SEVERITY_LABEL=view.SEVERITY_LABEL,
        LEVEL_LABEL=view.LEVEL_LABEL,
        AXIS_LABEL=view.AXIS_LABEL,
        OUTCOME_LABEL=view.OUTCOME_LABEL,
        UNSURE_MARK=view.UNSURE_MARK,
    )
    return env


def _render(template: str, report: Report, reader: Reader) -> str:
    return environment().get_template(template).render(v=view.build_view(report, reader), r=report)


def render_html(report: Report, reader: Reader = Reader.TERMINAL) -> str:
    """A self-contained page: inline CSS, no JavaScript, prints cleanly."""
    return _render("report.html", report, reader)


def render_markdown(report: Report, reader: Reader = Reader.TERMINAL) -> str:
    """The same sections as the HTML, as Markdown."""
    # Templates may leave runs of blank lines where optional parts are empty; one is enough.
    return re.sub(r"\n{3,}", "\n\n", _render("report.md.j2", report, reader))


def render_json(report: Report, reader: Reader = Reader.TERMINAL) -> str:
    """JSON with a stable key order, `copy` by its alias, ISO 8601 dates, indent 2.

    Fields keep the model's order; the axis and severity maps are put in vocabulary order so
    two runs with the same content give the same file. The next steps are data here, so every
    reader gets the same JSON.
    """
    del reader
    summary = report.summary
    stable = summary.model_copy(
        update={
            "axes": {a: summary.axes[a] for a in Axis if a in summary.axes},
            "counts": {s: summary.counts[s] for s in Severity if s in summary.counts},
        }
    )
    return (
        report.model_copy(update={"summary": stable}).model_dump_json(by_alias=True, indent=2)
        + "\n"
    )


def render_pdf_bytes(report: Report, reader: Reader = Reader.TERMINAL) -> bytes:
    """The HTML report printed to PDF with WeasyPrint (the optional `pdf` extra)."""
    return pdf_or_report_error(render_html(report, reader))


def pdf_or_report_error(html: str) -> bytes:
    """`html_to_pdf`, with a missing WeasyPrint as a ReportError that says what to do."""
    try:
        return html_to_pdf(html)
    except PdfUnavailable as exc:
        raise ReportError(
            f"PDF output needs WeasyPrint, which is not usable here ({exc}).", hint=PDF_HINT
        ) from None


def render_report(report: Report, fmt: Format | str, reader: Reader) -> str | bytes:
    """The report in one format, its next steps worded for `reader`."""
    return Format(fmt).renderer()(report, reader)


def parse_formats(formats: Iterable[Format | str]) -> list[Format]:
    """Formats from names ('html', 'md', ...), in order, without repeats."""
    parsed: list[Format] = []
    for name in formats:
        try:
            fmt = Format(str(name).strip().lower())
        except ValueError:
            known = ", ".join(f.value for f in Format)
            raise ReportError(
                f"Unknown report format '{name}'.", hint=f"Use any of: {known}."
            ) from None
        if fmt not in parsed:
            parsed.append(fmt)
    return parsed


def render_all(
    report: Report, formats: Iterable[Format | str], reader: Reader
) -> list[tuple[Format, str | bytes]]:
    """Every format rendered, before anything is written: a PDF failure (ReportError) then
    costs no half-written set."""
    return [(f, f.renderer()(report, reader)) for f in parse_formats(formats)]


def parse_report_json(text: str, name: str) -> Report:
    """A report from the text of a report.json written by `render_json`; errors name `name`
    (the file) and the field."""
    try:
        data = jsonsafe.loads(text)
    except json.JSONDecodeError as exc:  # TooDeep (nesting) is one too
        raise ReportError(
            f"{name}: not valid JSON at line {exc.lineno}, column {exc.colno}.",
            hint="Use the report.json that footprint wrote, unedited.",
        ) from None
    if not isinstance(data, dict) or "schema_version" not in data:
        raise ReportError(f"{name}: not a footprint report (no schema_version).")
    version = str(data["schema_version"])
    # Minor versions only add fields with defaults (1.2: next_steps), so any 1.x reads.
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise ReportError(
            f"{name}: report schema {version} is not supported (this footprint reads {SCHEMA_VERSION}).",
            hint="Render it with the footprint version that wrote it.",
        )
    try:
        return Report.model_validate(data)
    except ValidationError as exc:
        raise ReportError(f"{name}: not a valid report: {describe_validation_error(exc)}") from None
