"""The HTML and PDF export: one self-contained page, no script, printable.

Built like the audit report (`footprint.report.render`): an autoescaped Jinja2 environment
with StrictUndefined. Images kept with an entry are embedded as data: URIs so the page stands
alone; other files are listed with their hashes. PDF uses WeasyPrint when the optional `pdf`
extra is installed; otherwise the message says how to print the HTML to PDF from a browser.
"""

from __future__ import annotations

import base64
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from footprint.log.attachments import read_kept
from footprint.log.errors import LogError
from footprint.log.export_data import HOW_KEPT, LogExport
from footprint.log.models import Attachment
from footprint.util.pdf import PdfUnavailable, html_to_pdf

PDF_HINT = (
    "Export HTML instead (--format html), open contact-log.html in your browser and print it "
    "to PDF (Ctrl+P or Cmd+P, then 'Save as PDF'); the digest is printed on every page. Or "
    "install the PDF extra from the footprint project folder: pip install '.[pdf]' (WeasyPrint)."
)
# Larger images are listed, not embedded, so the page stays quick to open and print.
MAX_EMBED_BYTES = 5 * 1024 * 1024


@cache
def environment() -> Environment:
    """The export's Jinja2 environment, made on first use."""
    env = Environment(
        loader=PackageLoader("footprint", "log/templates"),
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["size"] = human_size
    env.filters["sentence"] = as_sentence
    return env


def as_sentence(text: str) -> str:
    """Text ending in one full stop: "at 5:50pm." stays as it is, "at 5:50pm" gains one."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def human_size(size: int) -> str:
    """1536 -> '1.5 KB'."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"  # pragma: no cover - the loop always returns


def _data_uri(attachment: Attachment, files: Path) -> str | None:
    if not attachment.is_image or attachment.size > MAX_EMBED_BYTES:
        return None
    data = read_kept(files / attachment.stored_name, attachment.sha256)
    if data is None:
        return None  # listed without its picture: missing, changed or a link (named as changed)
    return f"data:{attachment.media_type};base64,{base64.b64encode(data).decode('ascii')}"


def to_html(export: LogExport, files: Path) -> str:
    """The export page; `files` is the folder of kept copies (for embedding images)."""
    images = {
        a.sha256: uri
        for e in export.entries
        for a in e.attachments
        if (uri := _data_uri(a, files)) is not None
    }
    template = environment().get_template("log.html")
    return template.render(x=export, s=export.summary, images=images, how_kept=HOW_KEPT)


def to_pdf(export: LogExport, files: Path) -> bytes:
    """The HTML page printed by WeasyPrint; LogError with the way round it if it is missing."""
    try:
        return html_to_pdf(to_html(export, files))
    except PdfUnavailable as exc:
        raise LogError(
            f"A PDF cannot be made on this computer: WeasyPrint is not usable ({exc}).",
            hint=PDF_HINT,
        ) from None
