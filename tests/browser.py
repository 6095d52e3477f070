"""Real-browser helpers: Debian's system Chromium driven through Playwright.

Playwright's own browser download cannot work here (no internet), so every browser test drives
the system binary (`/usr/bin/chromium`, Debian's `chromium` package, which `.ci/run` installs
when missing). Without it, browser tests are skipped on a developer's machine and fail in CI
(`CI` set), so a missing install can never pass silently.

Use the `browser` fixture (session-wide) and `new_page(browser, width)`; `pdf_page_count`,
`axe_serious` and `REVIEW_DIR` cover the checks the report, the UI and the log export share.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REVIEW_DIR = Path(__file__).resolve().parent.parent / "reports" / "browser-review"
"""Screenshots and PDFs kept for a person to look at (git-ignored, never committed)."""

A4_WIDTH_PX = 794  # 210 mm at 96 px per inch


def chromium_path() -> str | None:
    """The system Chromium, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    """The system Chromium's path; skip locally, fail in CI, when it is missing."""
    path = chromium_path()
    if path is None:
        message = "system Chromium not found: apt-get install -y chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless system Chromium for the whole test session."""
    executable = require_chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        launched = pw.chromium.launch(
            executable_path=executable,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        try:
            yield launched
        finally:
            launched.close()


def new_page(browser: Any, width: int = 1280, height: int = 900) -> Any:
    """A fresh page in its own context (no shared cookies) at the given viewport."""
    context = browser.new_context(viewport={"width": width, "height": height})
    return context.new_page()


def pdf_page_count(pdf: bytes) -> int:
    """Pages in a PDF Chromium printed (counts page objects, not the page tree)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def print_pdf(page: Any, out: Path | None = None) -> bytes:
    """Print the page as Chromium would to A4, with page numbers in the footer."""
    pdf: bytes = page.pdf(
        format="A4",
        print_background=True,
        prefer_css_page_size=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=(
            '<div style="font-size:8px;width:100%;text-align:center">'
            '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
        ),
        margin={"top": "12mm", "bottom": "14mm", "left": "12mm", "right": "12mm"},
    )
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pdf)
    return pdf


def axe_serious(page: Any) -> list[dict[str, Any]]:
    """axe-core violations of impact serious or critical on the loaded page."""
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    results = axe_module.Axe().run(page)
    violations: list[dict[str, Any]] = results.response.get("violations", [])
    return [v for v in violations if v.get("impact") in ("serious", "critical")]


def describe_violations(violations: list[dict[str, Any]]) -> str:
    """One line per violation, for an assertion message."""
    lines = []
    for v in violations:
        targets = [node.get("target") for node in v.get("nodes", [])][:3]
        lines.append(f"{v.get('impact')}: {v.get('id')} - {v.get('help')} at {targets}")
    return "\n".join(lines)


def screenshot(page: Any, name: str) -> Path:
    """A full-page screenshot kept under reports/browser-review/ for review."""
    REVIEW_DIR.mkdir(parents=True, exist_ok=True)
    path = REVIEW_DIR / name
    page.screenshot(path=str(path), full_page=True)
    return path
