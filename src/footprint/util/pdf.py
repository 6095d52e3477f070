"""HTML to PDF through WeasyPrint, the optional `.[pdf]` extra: the one place that imports it.

Callers turn `PdfUnavailable` into their own domain error with their own way round it (print
the HTML from a browser), so the report, the adviser copy and the log export say the same.
"""

from __future__ import annotations


class PdfUnavailable(Exception):
    """WeasyPrint is not installed, or installed without the libraries it needs (Pango)."""


def available() -> bool:
    """Whether WeasyPrint can be loaded here (installed, and its libraries found)."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: WeasyPrint present, Pango missing
        return False
    return True


def html_to_pdf(html: str) -> bytes:
    """The page printed by WeasyPrint; PdfUnavailable names why it cannot be."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: WeasyPrint present, Pango missing
        raise PdfUnavailable(type(exc).__name__) from None
    pdf = HTML(string=html).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf
