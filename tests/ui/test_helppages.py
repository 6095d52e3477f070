"""The install page: reachable from every page's footer, plain words, no commands, accessible."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from tests.browser import axe_serious, describe_violations, new_page, screenshot
from tests.uiclient import Browser

from footprint.ui import start_ui
from footprint.ui.controller import UiAudit, UiOptions
from footprint.util.settings import Settings

# A terminal command a doctor could not use from the browser: `footprint` and a sub-command.
COMMAND = re.compile(r"\bfootprint (ui|audit|demo|log|scan|plan|profile|report|sessions)\b")


def _options(tmp_path: Path) -> UiOptions:
    return UiOptions(
        settings=Settings(env={}), store=None, reports_base=tmp_path, profile_folder=tmp_path
    )


def test_install_page_is_linked_from_the_start_page_and_names_each_system(
    tmp_path: Path,
) -> None:
    browser = Browser(UiAudit(_options(tmp_path)))
    start = browser.get("/").get_data(as_text=True)
    assert 'href="/install"' in start
    page = browser.get("/install")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    for heading in ("Windows", "Mac", "Linux", "What footprint sends, and what it does not"):
        assert f"<h2>{heading}</h2>" in text
    assert "footprint-audit" in text  # the package's real name on the index
    assert not COMMAND.search(text), COMMAND.search(text)


@pytest.mark.slow
def test_install_page_reads_on_a_phone(browser: Any, tmp_path: Path) -> None:
    running = start_ui(_options(tmp_path))
    try:
        page = new_page(browser, width=390, height=844)
        page.goto(running.url)
        page.get_by_role("link", name="Installing footprint, and what it sends").click()
        page.wait_for_url("**/install")
        violations = axe_serious(page)
        assert not violations, describe_violations(violations)
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 390, f"the page scrolls sideways at 390 px ({wide} px wide)"
        screenshot(page, "ui-install-390.png")
    finally:
        running.close()
