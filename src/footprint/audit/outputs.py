"""Checking report formats before an audit starts, so no interview ends in a failed render."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from footprint.errors import ReportError

if TYPE_CHECKING:
    from footprint.report.render import Format


def pdf_ready() -> bool:
    """Whether WeasyPrint (the `pdf` extra) can be loaded here."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: WeasyPrint present, Pango missing
        return False
    return True


def check_formats(formats: Iterable[Format | str]) -> None:
    """Fail now, before the first question, if a chosen format cannot be written."""
    from footprint.report.render import PDF_HINT

    if any(str(getattr(f, "value", f)) == "pdf" for f in formats) and not pdf_ready():
        raise ReportError(
            "--format pdf needs WeasyPrint, which is not installed (or cannot load) here.",
            hint=PDF_HINT + " Or leave pdf out of --format.",
        )
