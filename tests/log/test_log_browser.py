"""The HTML export in a real browser (system Chromium): readable, accessible, digest on every page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.browser import (
    REVIEW_DIR,
    axe_serious,
    describe_violations,
    new_page,
    pdf_page_count,
    print_pdf,
    screenshot,
)
from tests.log.conftest import MakeFields
from tests.log.pdftext import page_texts

from footprint.log.database import LogStore
from footprint.log.export import DoctorDetails, write_export
from footprint.log.models import Channel

pytestmark = pytest.mark.slow  # Chromium prints the export

CHANNELS = list(Channel)


def _export(store: LogStore, make_fields: MakeFields, shot: Path, out: Path) -> str:
    for n in range(36):  # enough rows for several printed pages
        store.add(
            make_fields(
                when=f"2026-{9 + n // 12:02d}-{1 + (n * 2) % 27:02d}T{8 + n % 10:02d}:30:00+00:00",
                channel=CHANNELS[n % len(CHANNELS)],
                what=f"Contact {n + 1}: a message asking where I live and when I finish work.",
            ),
            [shot] if n == 3 else [],
        )
    store.add(make_fields(when="2026-09-02", corrects=1, reason="Wrong day"))
    write_export(store, out, ["html"], DoctorDetails(name="Dr Alex Example", details="GMC 0000000"))
    return store.verify().head


def test_export_renders_accessibly_with_the_digest_on_every_printed_page(
    browser: Any, store: LogStore, make_fields: MakeFields, screenshot_file: Path, tmp_path: Path
) -> None:
    head = _export(store, make_fields, screenshot_file, tmp_path)
    page = new_page(browser)
    page.goto((tmp_path / "contact-log.html").as_uri())
    assert page.locator("#digest code").inner_text() == head
    assert page.locator("#digest code").is_visible()
    assert page.locator("img[src^='data:image/png']").count() == 1
    assert page.locator("table.log tbody tr").count() == 37
    violations = axe_serious(page)
    assert violations == [], describe_violations(violations)
    screenshot(page, "log-export.png")

    pdf = print_pdf(page, REVIEW_DIR / "log-export.pdf")
    pages = page_texts(pdf)
    assert pdf_page_count(pdf) == len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert head in text.replace("\n", ""), f"digest missing on printed page {number}"
