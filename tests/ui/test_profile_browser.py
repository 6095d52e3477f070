"""The profile and consent pages in real Chromium: short at 1280 px, no sideways scrolling at
390 px, countries switch their fields, and no serious accessibility problem."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.browser import axe_serious, describe_violations, new_page, screenshot

from footprint.demo.run import demo_environment
from footprint.store.sessions import Store
from footprint.ui import RunningUi, start_ui
from footprint.ui.controller import UiOptions
from footprint.util.settings import Settings

pytestmark = pytest.mark.slow

MAX_HEIGHT = 1800  # px at 1280 px wide, with the optional parts closed
SHOTS = Path("/work/shots/profile")  # kept for the people reviewing the pages, when present


def _keep(page: Any, name: str) -> None:
    path = screenshot(page, name)
    if SHOTS.parent.is_dir():
        SHOTS.mkdir(exist_ok=True)
        shutil.copy(path, SHOTS / name)


def _height(page: Any) -> int:
    return int(page.evaluate("document.documentElement.scrollHeight"))


def _sideways(page: Any) -> int:
    """How far the page scrolls sideways (0: it fits)."""
    return int(
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    )


def _no_serious_problem(page: Any, name: str) -> None:
    violations = axe_serious(page)
    assert not violations, f"{name}: {describe_violations(violations)}"


@pytest.fixture
def real_ui(tmp_path: Path) -> Iterator[RunningUi]:
    with Store(tmp_path / "store.db") as store:
        running = start_ui(
            UiOptions(
                settings=Settings(env={}),
                store=store,
                reports_base=tmp_path / "reports",
                profile_folder=tmp_path / "data",
                started_in=tmp_path,
            )
        )
        try:
            yield running
        finally:
            running.close()


def test_profile_page_is_short_fits_a_phone_and_switches_fields_by_country(
    browser: Any, real_ui: RunningUi
) -> None:
    page = new_page(browser)
    page.goto(real_ui.url)
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_url("**/profile")
    height = _height(page)
    assert height < MAX_HEIGHT, height
    _no_serious_problem(page, "profile")
    _keep(page, "profile-1280.png")
    assert not page.locator("#f-state").is_visible()  # no US state field for a UK doctor
    page.select_option("#f-jurisdiction", "US")
    assert page.locator("#f-state").count() == 1
    page.get_by_text("More about your work").click()
    assert page.locator("#f-state").is_visible()
    page.select_option("#f-jurisdiction", "IE")
    assert not page.locator("#f-state").is_visible() and not page.locator("#f-region").is_visible()
    page.select_option("#f-jurisdiction", "GB")

    page.set_viewport_size({"width": 390, "height": 844})
    assert _sideways(page) <= 0
    _keep(page, "profile-390.png")

    # Every mistake at once, at the top, each linking to its field.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.fill("#f-name", "")
    page.fill("#f-workplace_0_url", "http://practice.example/team")
    page.get_by_text("Private details").click()
    page.fill("#f-private-phones", "12345")
    page.get_by_role("button", name="Continue").click()
    box = page.locator("#errors")
    assert box.is_visible()
    assert box.get_by_role("link").count() == 3  # name, the page's workplace, the phone
    box.get_by_role("link", name="Personal mobile or home phone numbers").click()
    assert page.evaluate("location.hash") == "#f-private-phones"
    assert page.locator("#f-private-phones").is_visible()  # its part opened for the error
    assert page.get_by_text("changed http:// to https://").is_visible()
    _no_serious_problem(page, "profile with errors")
    _keep(page, "profile-errors-1280.png")
    page.set_viewport_size({"width": 390, "height": 844})
    assert _sideways(page) <= 0
    _keep(page, "profile-errors-390.png")


def test_demo_consent_page_agrees_to_all_in_one_click(browser: Any, tmp_path: Path) -> None:
    with demo_environment() as env, Store(tmp_path / "store.db") as store:
        running = start_ui(
            UiOptions(
                settings=env.settings,
                store=store,
                reports_base=tmp_path / "reports",
                profile_folder=tmp_path / "data",
                started_in=tmp_path,
                preset_profile=env.profile,
                granted_by=env.granted_by,
            )
        )
        try:
            page = new_page(browser)
            page.goto(running.url)
            page.get_by_role("button", name="Start", exact=True).click()
            page.wait_for_url("**/profile")
            assert _height(page) < MAX_HEIGHT
            assert not page.locator("input[name=save]").is_checked()  # the fictional doctor
            _keep(page, "demo-profile-1280.png")
            page.get_by_role("button", name="Continue").click()
            page.wait_for_url("**/response")
            page.get_by_role("button", name="No", exact=True).click()
            page.wait_for_url("**/consent")
            page.locator("details summary").first.click()
            assert page.get_by_text("Exactly what is sent").first.is_visible()
            _no_serious_problem(page, "consent")
            _keep(page, "consent-1280.png")
            page.set_viewport_size({"width": 390, "height": 844})
            assert _sideways(page) <= 0
            _keep(page, "consent-390.png")
            page.get_by_role("button", name="Agree to all").click()
            page.wait_for_url("**/question")
            assert running.audit.saved_profile is None
            assert not list(tmp_path.rglob("profile*.yaml"))
            engine = running.audit.engine
            assert engine is not None and engine.lookups is not None
            assert not engine.consent_questions()
            assert engine.wait_lookups(timeout=60)  # a cut-off request only makes noise
        finally:
            running.close()
