"""The adviser copy's HTML in a real browser: no serious accessibility problem, prints."""

from __future__ import annotations

from typing import Any

from tests.browser import axe_serious, new_page, pdf_page_count, print_pdf

from footprint.audit.stored import lookup_titles
from footprint.report.adviser import adviser_copy
from footprint.report.adviser_render import render_adviser_html
from footprint.report.model import Report


def test_adviser_html_passes_axe_and_prints(browser: Any, report: Report) -> None:
    page = new_page(browser)
    page.set_content(render_adviser_html(adviser_copy(report, lookup_titles())))
    assert axe_serious(page) == []
    assert pdf_page_count(print_pdf(page)) >= 1
