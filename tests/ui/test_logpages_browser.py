"""The contact log in real Chromium: from the start page to an entry with an uploaded photo, a
correction, and a downloaded export that verifies; accessibility and both widths on every page
type, with screenshots kept in the test's folder."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from tests.browser import axe_serious, describe_violations, new_page
from tests.log.conftest import PNG

from footprint.demo.run import demo_environment
from footprint.log.database import LogStore
from footprint.log.exportcheck import verify_export
from footprint.store.sessions import Store
from footprint.ui import RunningUi, start_ui
from footprint.ui.controller import UiOptions
from footprint.util.settings import Settings

pytestmark = pytest.mark.slow

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def log_ui(tmp_path: Path) -> Any:
    with Store(tmp_path / "store.db") as store:
        running: RunningUi = start_ui(
            UiOptions(
                settings=Settings(env={}),
                store=store,
                reports_base=tmp_path / "reports",
                profile_folder=tmp_path,
            )
        )
        try:
            yield running
        finally:
            running.close()


def _look(page: Any, name: str, shots: Path) -> None:
    """No serious accessibility problem, no sideways scrolling at phone width, screenshots."""
    violations = axe_serious(page)
    assert not violations, f"{name}: {describe_violations(violations)}"
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(shots / f"log-{name}-1280.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate(NO_SIDEWAYS_SCROLL), f"{name} scrolls sideways at 390 px"
    page.screenshot(path=str(shots / f"log-{name}-390.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_an_entry_with_a_photo_and_a_download_that_verifies(
    browser: Any, log_ui: RunningUi, tmp_path: Path
) -> None:
    shots = tmp_path / "shots"
    photo = tmp_path / "photo of the card.png"
    photo.write_bytes(PNG)
    page = new_page(browser)
    page.goto(log_ui.url)
    page.get_by_role("link", name="Keep a log of a patient's contact").click()
    page.wait_for_url("**/log")
    _look(page, "empty-list", shots)

    page.get_by_role("link", name="Write down a contact").first.click()
    page.wait_for_url("**/log/new")
    page.get_by_label("When it happened").fill("31/02/2025")  # past the browser's own checks
    page.get_by_label("What happened").fill(" ")
    page.get_by_role("button", name="Save this entry").click()
    page.wait_for_url("**/log/new")
    assert page.locator(".errors li").count() == 3  # when, how and what, all at once
    _look(page, "form-errors", shots)

    page.get_by_label("When it happened").fill("01/03/2025 09:15")
    page.get_by_label("Letter or card").check()
    page.get_by_label("Where").fill("Example Street Surgery reception")
    page.get_by_label("What happened").fill("Card left at reception addressed to me by first name.")
    page.get_by_label("Who saw or heard it").fill("Sam (receptionist)\nJo (practice nurse)")
    page.locator("#f-files").set_input_files(str(photo))
    _look(page, "form", shots)
    page.get_by_role("button", name="Save this entry").click()
    page.wait_for_url("**/log/1?saved=1")
    assert page.get_by_text("Entry 1 is saved").is_visible()
    assert page.locator("img[src='/log/1/file/1']").evaluate("img => img.naturalWidth") == 2
    _look(page, "entry", shots)

    page.get_by_role("link", name="Correct this entry").click()
    page.wait_for_url("**/log/1/correct")
    page.get_by_label("Why you are correcting it").fill("Missed that it was signed")
    page.get_by_label("What happened").fill("Card left at reception, signed with their name.")
    _look(page, "correct", shots)
    page.get_by_role("button", name="Save this entry").click()
    page.wait_for_url("**/log/2?saved=1")

    page.get_by_role("link", name="All entries").click()
    assert page.get_by_text("Corrected by entry 2.").is_visible()
    _look(page, "list", shots)

    page.get_by_role("link", name="Download a copy").click()
    page.wait_for_url("**/log/export")
    _look(page, "export", shots)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download everything (ZIP)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        archive.extractall(tmp_path / "unzipped")
    (exported,) = (tmp_path / "unzipped").rglob("contact-log.json")
    result = verify_export(exported)
    assert result.ok and result.entries == 2 and result.files_checked == 1
    with LogStore() as store:
        assert result.head == store.verify().head

    page.get_by_role("link", name="Check the log").click()
    page.wait_for_url("**/log/verify")
    page.get_by_label("Final digest on your copy").fill(result.head)
    page.get_by_role("button", name="Compare").click()
    assert page.get_by_text("It matches").is_visible()
    _look(page, "verify", shots)

    page.goto(page.url.split("/log")[0] + "/log/99")
    assert page.get_by_text("There is no entry 99 in your log.").is_visible()
    _look(page, "missing", shots)
    with LogStore() as store:
        store._db.execute("UPDATE entries SET what = 'edited' WHERE seq = 1")
    page.get_by_role("link", name="All entries").click()
    assert page.get_by_text("Entry 1 no longer matches").is_visible()
    _look(page, "not-intact", shots)


def test_the_danger_box_leads_to_the_log_and_back_to_the_audit(
    browser: Any, tmp_path: Path
) -> None:
    photo = tmp_path / "letter.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00 a fictional photo")
    practice = tmp_path / "practice-log"
    with demo_environment() as env, Store(tmp_path / "store.db") as store:
        running = start_ui(
            UiOptions(
                settings=env.settings,
                store=store,
                reports_base=tmp_path / "reports",
                profile_folder=tmp_path,
                preset_profile=env.profile,
                granted_by=env.granted_by,
                log_folder=practice,
            )
        )
        try:
            page = new_page(browser)
            page.goto(running.url)
            page.get_by_role("button", name="Start", exact=True).click()
            page.get_by_role("button", name="Continue").click()
            page.get_by_role("button", name="Yes", exact=True).click()
            page.wait_for_url("**/consent")
            page.get_by_role("link", name="Write down a contact now").click()  # one click
            page.wait_for_url("**/log/new")
            page.get_by_label("When it happened").fill("now")
            page.get_by_label("Phone call or voicemail").check()
            page.get_by_label("What happened").fill("Voicemail asking where I live.")
            page.locator("#f-files").set_input_files(str(photo))
            page.get_by_role("button", name="Save this entry").click()
            page.wait_for_url("**/log/1?saved=1")
            page.get_by_role("link", name="Back to your privacy check").click()
            page.wait_for_url("**/consent")  # the audit carries on where it was
        finally:
            running.close()
    with LogStore(practice) as log:
        (entry,) = log.entries()
        assert entry.attachments[0].media_type == "image/jpeg" and log.verify().ok
