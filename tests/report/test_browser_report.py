"""The demo report in a real browser (system Chromium): print length, page one, phone width, axe.

A worried doctor prints the report or reads it on a phone. Page one must tell the whole story
(coverage, the first actions, the danger box when a patient is contacting them), the print
must stay short, and the page must pass axe-core with no serious or critical violation.
Screenshots and PDFs are kept under reports/browser-review/ for a person to look at.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.browser import (
    REVIEW_DIR,
    axe_serious,
    describe_violations,
    new_page,
    pdf_page_count,
    screenshot,
)

from footprint.report.model import Report
from footprint.report.render import render_html

pytestmark = pytest.mark.slow  # Chromium, and the whole demo audit behind demo_dir

MAX_PAGES = 12
MM = 96 / 25.4  # CSS px per millimetre
# The print CSS's @page box: A4 less 14 mm margins at the sides and top, 16 mm at the bottom.
PAGE_WIDTH_PX = round((210 - 28) * MM)
PAGE_HEIGHT_PX = round((297 - 14 - 16) * MM)


def _print(page: Any, name: str) -> bytes:
    """Print as a doctor would from the browser: A4, the page's own margins and page numbers."""
    pdf: bytes = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    REVIEW_DIR.mkdir(parents=True, exist_ok=True)
    (REVIEW_DIR / name).write_bytes(pdf)
    return pdf


def _open(browser: Any, html: Path, width: int = 1280) -> Any:
    page = new_page(browser, width)
    page.goto(html.resolve().as_uri())
    return page


@pytest.fixture(scope="module")
def contacting_html(demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo report as it reads when the doctor said a patient is contacting them now."""
    data = json.loads((demo_dir / "report.json").read_text())
    data["response_plan"]["active"] = True
    path = tmp_path_factory.mktemp("contacting") / "report.html"
    path.write_text(render_html(Report.model_validate(data)), encoding="utf-8")
    return path


def _bottom_in_print(page: Any, selector: str) -> float:
    """Where an element ends in the print layout, in px from the top of the first page."""
    box = page.locator(selector).last.bounding_box()
    assert box is not None, selector
    return float(box["y"] + box["height"])


def _print_layout(browser: Any, html: Path) -> Any:
    page = new_page(browser, PAGE_WIDTH_PX, PAGE_HEIGHT_PX)
    page.emulate_media(media="print")
    page.goto(html.resolve().as_uri())
    return page


def test_demo_report_prints_to_at_most_12_pages(browser: Any, demo_dir: Path) -> None:
    page = _open(browser, demo_dir / "report.html")
    pages = pdf_page_count(_print(page, "demo-report.pdf"))
    print(f"demo report: {pages} A4 pages")
    assert 1 < pages <= MAX_PAGES


def test_page_one_holds_coverage_and_first_actions(browser: Any, demo_dir: Path) -> None:
    page = _print_layout(browser, demo_dir / "report.html")
    for selector in ("#coverage", "#next-step", "#score", "#first-actions ol.first li"):
        assert _bottom_in_print(page, selector) < PAGE_HEIGHT_PX, selector
    assert page.locator("#first-actions ol.first li").count() == 5


def test_danger_box_comes_first_on_page_one(browser: Any, contacting_html: Path) -> None:
    page = _print_layout(browser, contacting_html)
    danger = page.locator("#danger").bounding_box()
    stand = page.locator("#where-you-stand").bounding_box()
    assert danger is not None and stand is not None
    assert danger["y"] < stand["y"]
    assert "call 999" in page.locator("#danger").inner_text()
    for selector in ("#danger", "#coverage", "#first-actions ol.first li"):
        assert _bottom_in_print(page, selector) < PAGE_HEIGHT_PX, selector
    pages = pdf_page_count(_print(_open(browser, contacting_html), "demo-contacting.pdf"))
    print(f"demo report, patient contacting: {pages} A4 pages")
    assert pages <= MAX_PAGES


@pytest.mark.parametrize("width", [1280, 390])
def test_reads_at_desktop_and_phone_width(browser: Any, demo_dir: Path, width: int) -> None:
    page = _open(browser, demo_dir / "report.html", width)
    screenshot(page, f"demo-report-{width}.png")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{overflow}px wider than the screen at {width}px"


@pytest.mark.parametrize("variant", ["demo", "contacting"])
def test_no_serious_accessibility_violations(
    browser: Any, demo_dir: Path, contacting_html: Path, variant: str
) -> None:
    html = demo_dir / "report.html" if variant == "demo" else contacting_html
    violations = axe_serious(_open(browser, html))
    assert not violations, describe_violations(violations)


def test_self_contained_no_requests_beyond_the_file(browser: Any, demo_dir: Path) -> None:
    page = new_page(browser, 1280)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto((demo_dir / "report.html").resolve().as_uri())
    assert [u for u in requested if not u.startswith("file://")] == []


@pytest.mark.parametrize("copy", ["member-copy", "adviser-copy"])
def test_quick_adviser_audit_copies_print_short(
    browser: Any, quick_adviser_dir: Path, copy: str
) -> None:
    page = _open(browser, quick_adviser_dir / copy / "report.html")
    pages = pdf_page_count(_print(page, f"quick-{copy}.pdf"))
    print(f"quick adviser-mode audit, {copy}: {pages} A4 pages")
    assert pages <= MAX_PAGES
