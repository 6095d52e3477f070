"""The real-browser harness itself works: system Chromium loads, prints and runs axe."""

from __future__ import annotations

from typing import Any

from tests.browser import axe_serious, new_page, pdf_page_count, print_pdf


def test_chromium_prints_two_pages_and_axe_runs(browser: Any) -> None:
    page = new_page(browser)
    page.set_content(
        "<!doctype html><html lang='en'><head><title>t</title></head><body><main>"
        "<h1>One</h1><p>first</p><h2 style='break-before: page'>Two</h2><p>second</p>"
        "</main></body></html>"
    )
    assert pdf_page_count(print_pdf(page)) == 2
    assert axe_serious(page) == []


def test_axe_reports_a_serious_violation(browser: Any) -> None:
    page = new_page(browser)
    page.set_content(
        "<!doctype html><html lang='en'><head><title>t</title></head><body><main>"
        "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='></main></body></html>"
    )
    assert any(v["id"] == "image-alt" for v in axe_serious(page))
