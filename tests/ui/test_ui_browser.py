"""The whole audit of the demo doctor in real Chromium: profile, consent, answers with one back,
lookups against the demo pages, report, download; accessibility and screenshots per page type."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.browser import axe_serious, describe_violations, new_page, screenshot

from footprint.demo.run import demo_environment
from footprint.store.sessions import Store
from footprint.ui import RunningUi, start_ui
from footprint.ui.controller import UiOptions

pytestmark = pytest.mark.slow


def _look(page: Any, name: str) -> None:
    """No serious accessibility problem; screenshots at desktop and phone widths."""
    violations = axe_serious(page)
    assert not violations, f"{name}: {describe_violations(violations)}"
    screenshot(page, f"ui-{name}-1280.png")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, f"ui-{name}-390.png")
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def demo_ui(tmp_path: Path) -> Any:
    with demo_environment() as env, Store(tmp_path / "store.db") as store:
        running: RunningUi = start_ui(
            UiOptions(
                settings=env.settings,
                store=store,
                reports_base=tmp_path / "reports",
                profile_folder=tmp_path,
                preset_profile=env.profile,
                granted_by=env.granted_by,
            )
        )
        try:
            yield running
        finally:
            running.close()


def test_whole_demo_audit_in_chromium(browser: Any, demo_ui: RunningUi) -> None:
    page = new_page(browser)
    page.goto(demo_ui.url)
    assert "token=" not in page.url  # the secret left the address bar
    _look(page, "start")
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_url("**/profile")
    _look(page, "profile")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/response")
    _look(page, "response")
    page.get_by_role("button", name="Yes", exact=True).click()
    page.wait_for_url("**/consent")
    assert page.get_by_text("If you are in danger now, call 999").is_visible()
    page.locator("details").first.locator("summary").click()  # one "Details" opened
    _look(page, "consent")
    page.get_by_role("button", name="Agree to all").click()
    page.wait_for_url("**/question")
    _look(page, "question")

    answered, went_back = 0, False
    while page.url.endswith("/question") and answered < 60:
        if answered == 2 and not went_back:
            heading = page.locator("#question-h").inner_text()
            page.get_by_role("button", name="Back one question").click()
            assert page.locator("#question-h").inner_text() != heading
            assert page.get_by_text("Your earlier answer").is_visible()
            went_back = True
        page.get_by_role("button", name="No", exact=True).click()
        answered += 1
    assert went_back and page.url.endswith("/finish"), page.url
    assert demo_ui.audit.engine is not None
    assert demo_ui.audit.engine.wait_lookups(timeout=60)
    # The page refreshes itself (meta refresh) while lookups run; wait for the settled page.
    for _ in range(40):
        if page.get_by_text("This page updates by itself").count() == 0:
            break
        page.wait_for_timeout(500)
    page.wait_for_load_state()
    _look(page, "finish")
    page.get_by_role("button", name="Write my report").click()
    page.wait_for_url("**/report")
    _look(page, "report")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download").first.click()
    assert Path(download.value.path()).stat().st_size > 1000
    page.get_by_role("link", name="Open").first.click()
    assert page.locator("h1").first.is_visible()
    written = demo_ui.audit.written()
    assert {p.suffix for p in written} >= {".html", ".md", ".json"}
    consents = demo_ui.audit.outputs.report.consents if demo_ui.audit.outputs else []
    assert consents and any(c.granted for c in consents)


def test_ui_start_page_refuses_a_browser_without_the_secret(
    browser: Any, demo_ui: RunningUi
) -> None:
    page = new_page(browser)
    response = page.goto(demo_ui.url.split("?")[0])
    assert response is not None and response.status == 403
