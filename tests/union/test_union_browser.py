"""The union statistics page in Chromium: accessible, readable on a phone, a short printout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.browser import (
    axe_serious,
    describe_violations,
    new_page,
    pdf_page_count,
    print_pdf,
    screenshot,
)
from tests.union.copies import random_copies

from footprint.union import count_calls
from footprint.union.render import render

pytestmark = pytest.mark.slow
MAX_PAGES = 8  # a union's annual-report appendix, not a booklet


def test_union_stats_page_prints_short_and_passes_axe(browser: Any, tmp_path: Path) -> None:
    html = tmp_path / "union-stats.html"
    html.write_text(render(count_calls(random_copies(600), {}), "html"), encoding="utf-8")
    page = new_page(browser)
    page.goto(html.as_uri())
    violations = axe_serious(page)
    assert not violations, describe_violations(violations)
    assert page.locator("svg[role=img]").count() >= 6
    screenshot(page, "union-stats-1280.png")
    pages = pdf_page_count(print_pdf(page, tmp_path / "union-stats.pdf"))
    assert 1 <= pages <= MAX_PAGES, f"{pages} printed pages"
    phone = new_page(browser, width=390, height=844)
    phone.goto(html.as_uri())
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone, "union-stats-390.png")
