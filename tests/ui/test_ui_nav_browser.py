"""In real Chromium: a blocked name search done by hand (saved results page uploaded, counted in
coverage and score), Carry on then Back to change an earlier answer, a way back from "Stop
here" and from the report view; accessibility and screenshots of each new page."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from tests.browser import REVIEW_DIR, axe_serious, describe_violations, new_page, screenshot
from tests.savedpages import CLUB_PAGE, google_page

from footprint.lookups.search.common import clear_search_cache
from footprint.store.sessions import Store
from footprint.ui import RunningUi, start_ui
from footprint.ui.controller import UiOptions
from footprint.util.settings import Settings

pytestmark = pytest.mark.slow

SHOTS = Path("/work/shots/nav")
CHALLENGE = "<html><body><p>Please complete the following challenge.</p></body></html>"


def _look(page: Any, name: str) -> None:
    """No serious accessibility problem; screenshots at desktop and phone widths."""
    violations = axe_serious(page)
    assert not violations, f"{name}: {describe_violations(violations)}"
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        shot = screenshot(page, f"ui-nav-{name}-{width}.png")
        if SHOTS.parent.is_dir():  # kept for the lead to look at, when the folder exists
            SHOTS.mkdir(exist_ok=True)
            shutil.copy(shot, SHOTS / shot.name)
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    clear_search_cache()
    with Store(tmp_path / "store.db") as opened:
        yield opened
    clear_search_cache()


def _ui(tmp_path: Path, store: Store, httpserver: HTTPServer) -> RunningUi:
    env = {"FOOTPRINT_DUCKDUCKGO_URL": httpserver.url_for("/")}
    options = UiOptions(
        settings=Settings(env=env, allow_loopback=True),
        store=store,
        reports_base=tmp_path / "reports",
        profile_folder=tmp_path,
    )
    return start_ui(options)


def _to_questions(page: Any, running: RunningUi) -> None:
    page.goto(running.url)
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_url("**/profile")
    page.locator("input[name=name]").fill("Alex Example")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/response")
    page.get_by_role("button", name="No", exact=True).click()
    page.wait_for_url("**/consent")
    page.locator("input[name=web-search][value=yes]").check()
    page.get_by_role("button", name="Continue to the questions").click()
    page.wait_for_url("**/question")


def test_blocked_name_search_done_by_hand_then_carry_on_and_back(
    browser: Any, tmp_path: Path, store: Store, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/html/").respond_with_data(
        CHALLENGE, status=202, content_type="text/html"
    )
    httpserver.expect_request("/committee").respond_with_data(CLUB_PAGE, content_type="text/html")
    saved = tmp_path / "my search.html"
    people = ("Alex Example, Exampleton - 192.com", "https://www.192.com/people/alex-example/")
    club = ("Exampleton Running Club", httpserver.url_for("/committee"))
    saved.write_bytes(google_page("Alex Example", [people, club]))

    first = _ui(tmp_path, store, httpserver)
    try:
        page = new_page(browser)
        _to_questions(page, first)
        engine = first.audit.engine
        assert engine is not None and engine.wait_lookups(30)
        page.reload()
        page.get_by_role("link", name="Search it yourself and give footprint the results").click()
        page.wait_for_url("**/name-search")
        _look(page, "name-search")
        assert not engine.report().summary.name_search_done
        page.locator("#pages").set_input_files(str(saved))
        page.get_by_role("button", name="Read my results").click()
        page.get_by_role("heading", name="Your name search is done").wait_for()
        assert page.get_by_text("192.com").first.is_visible()
        _look(page, "name-search-read")
        assert engine.report().summary.name_search_done  # counted in coverage and score
        page.get_by_role("button", name="Continue").click()  # "No" is chosen: nothing opened
        page.wait_for_url("**/question")
        assert not any(r.path == "/committee" for r, _ in httpserver.log)
        for _ in range(3):
            page.get_by_role("button", name="No", exact=True).click()
            page.wait_for_load_state()
        session_id = engine.session_id
        page.context.close()
    finally:
        first.close()

    again = _ui(tmp_path, store, httpserver)  # `footprint ui` started again: Carry on
    try:
        page = new_page(browser)
        page.goto(again.url)
        _look(page, "start-cards")
        page.get_by_role("button", name="Carry on with this audit").first.click()
        page.wait_for_url("**/question")
        page.get_by_role("button", name="Back one question").click()
        assert page.get_by_text("Your earlier answer: no").is_visible()
        changed = again.audit.engine.next_question() if again.audit.engine else None
        assert changed is not None
        page.get_by_role("button", name="Yes", exact=True).click()
        page.wait_for_load_state()
        assert store.load(str(session_id)).answers[changed.item.id].value == "yes"
        assert store.load(str(session_id)).answers  # the rest kept

        page.get_by_role("button", name="Stop here and write my report").click()
        page.wait_for_url("**/finish")
        _look(page, "finish-stopped")
        page.get_by_role("button", name="Back to the questions").click()
        page.wait_for_url("**/question")
        page.get_by_role("button", name="Stop here and write my report").click()
        page.get_by_role("button", name="Write my report").click()
        page.wait_for_url("**/report")
        page.get_by_role("link", name="Open").first.click()
        page.get_by_role("link", name="Back to footprint").wait_for()
        _look(page, "report-view")
        page.get_by_role("link", name="Back to footprint").click()
        page.wait_for_url("**/report")
        assert again.audit.outputs is not None
        assert again.audit.outputs.report.summary.name_search_done
    finally:
        again.close()
    assert (REVIEW_DIR / "ui-nav-name-search-390.png").exists()
