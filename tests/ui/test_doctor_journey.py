"""The whole doctor journey in one go, in real Chromium, mostly at phone width.

A worried doctor fills in the essentials, says a patient is contacting them, writes a log entry
with a photo, agrees to all checks, skips an area they don't use, finds the name search blocked
and does it by hand, stops, goes back, carries on in a second `footprint ui`, changes an earlier
answer with Back, writes the report and downloads the log. Every page type met is checked once
for serious accessibility problems and for sideways scrolling at 390 px; the clicks, fields
typed and pages loaded are counted and printed (`pytest -s`).
"""

from __future__ import annotations

import re
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from tests.browser import axe_serious, describe_violations, new_page, screenshot
from tests.log.conftest import PNG
from tests.savedpages import google_page
from tests.ui.test_no_commands import COMMAND

from footprint.demo.run import STAND_INS
from footprint.log.database import LogStore
from footprint.log.exportcheck import verify_export
from footprint.lookups.search.common import clear_search_cache
from footprint.store.sessions import Store
from footprint.ui import RunningUi, start_ui
from footprint.ui.controller import UiOptions
from footprint.util.settings import Settings

pytestmark = pytest.mark.slow

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
CHALLENGE = "<html><body><p>Please complete the following challenge.</p></body></html>"
SKIPPED = "Facebook"  # the app the doctor says they don't use
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@dataclass
class Journey:
    """The doctor's browser tab, counting their work and checking each new kind of page."""

    page: Any = None
    clicks: int = 0
    answers: int = 0
    typed: int = 0
    pages: int = 0
    seen: set[str] = field(default_factory=set)

    def watch(self, page: Any) -> None:
        """Follow a new tab (the second server's), counting its page loads too."""
        page.set_default_timeout(10_000)
        self.page = page
        page.on("load", lambda _: self._loaded())

    def _loaded(self) -> None:
        self.pages += 1

    def click(self, locator: Any) -> None:
        locator.click()
        self.clicks += 1
        self.page.wait_for_load_state()

    def button(self, name: str) -> None:
        self.click(self.page.get_by_role("button", name=name, exact=True))

    def link(self, name: str) -> None:
        self.click(self.page.get_by_role("link", name=name).first)

    def fill(self, label: str, value: str) -> None:
        """Type into a field found by its label, or by its id when it starts with #."""
        field = self.page.locator(label) if label.startswith("#") else self.page.get_by_label(label)
        field.fill(value)
        self.typed += 1

    def look(self, kind: str, shots_at: tuple[int, ...] = ()) -> None:
        """Once per kind of page: axe-core, no sideways scroll at 390 px, screenshots."""
        if kind in self.seen:
            return
        self.seen.add(kind)
        text = self.page.locator("body").inner_text()
        assert not COMMAND.search(text), f"{kind} shows a footprint command"
        violations = axe_serious(self.page)
        assert not violations, f"{kind}: {describe_violations(violations)}"
        size = self.page.viewport_size
        self.page.set_viewport_size(PHONE)
        assert self.page.evaluate(SIDEWAYS) <= 0, f"{kind} scrolls sideways at 390 px"
        for width in shots_at:
            self.page.set_viewport_size({"width": width, "height": 900})
            screenshot(self.page, f"journey-{kind}-{width}.png")
        self.page.set_viewport_size(size)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    clear_search_cache()
    with Store(tmp_path / "store.db") as opened:
        yield opened
    clear_search_cache()


def _ui(tmp_path: Path, store: Store, httpserver: HTTPServer) -> RunningUi:
    """`footprint ui` with every service sent to the local stand-in (nothing leaves the machine)."""
    env = {
        f"FOOTPRINT_{name.upper().replace('-', '_')}_URL": httpserver.url_for(prefix)
        for name, prefix in STAND_INS.items()
    }
    env["FOOTPRINT_DUCKDUCKGO_URL"] = httpserver.url_for("/")
    options = UiOptions(
        settings=Settings(env=env, allow_loopback=True),
        store=store,
        reports_base=tmp_path / "reports",
        profile_folder=tmp_path / "data",
        started_in=tmp_path,
        log_folder=tmp_path / "log",
    )
    return start_ui(options)


def _profile_and_a_log_entry(j: Journey, running: RunningUi, photo: Path) -> None:
    """Start, the essentials (and Facebook), "a patient is contacting me", a log entry."""
    page = j.page
    page.goto(running.url)
    j.look("start", (1280, 390))
    j.button("Start")
    page.wait_for_url("**/profile")
    j.look("profile", (390,))
    j.fill("#f-name", "Alex Example")
    j.fill("#f-locality", "Exampleton")
    j.fill("#f-workplace_0_name", "Example Street Surgery")
    j.click(page.locator("summary", has_text="Apps and sites you use"))
    j.click(page.get_by_label("Facebook", exact=True))
    j.button("Continue")
    page.wait_for_url("**/response")
    j.look("response")
    j.button("Yes")
    page.wait_for_url("**/consent")
    j.look("consent-danger", (390,))
    j.link("Write down a contact now")  # the danger box leads to the log in one click
    page.wait_for_url("**/log/new")
    j.look("log-form")
    j.fill("When it happened", "01/03/2025 09:15")
    j.click(page.get_by_label("Letter or card"))
    j.fill("What happened", "Card left at reception addressed to me by first name.")
    page.locator("#f-files").set_input_files(str(photo))
    j.clicks += 1  # choosing the photo
    j.button("Save this entry")
    page.wait_for_url("**/log/1?saved=1")
    assert page.locator("img[src='/log/1/file/1']").evaluate("img => img.naturalWidth") == 2
    j.look("log-entry", (390,))
    j.link("Back to your privacy check")
    page.wait_for_url("**/consent")


def _consent_and_questions(j: Journey) -> None:
    """Agree to all, answer a few, then skip Facebook when its questions come."""
    page = j.page
    j.button("Agree to all")
    page.wait_for_url("**/question")
    j.look("question", (1280, 390))
    for _ in range(3):  # topic areas: nothing to "not use"
        assert page.locator(".area").inner_text() != SKIPPED
        assert not page.get_by_role("button", name=re.compile("I don't use")).count()
        j.button("No")
        j.answers += 1
    for _ in range(60):  # a quick audit comes to Facebook after the most important areas
        if page.locator(".area").inner_text() == SKIPPED:
            break
        j.button("No")
        j.answers += 1
    j.button(f"I don't use {SKIPPED}: skip it")
    assert page.locator(".area").inner_text() != SKIPPED


def _name_search_by_hand(j: Journey, running: RunningUi, saved: Path) -> None:
    """The search engine answered with a challenge: the doctor gives a saved results page."""
    page = j.page
    engine = running.audit.engine
    assert engine is not None and engine.wait_lookups(30)
    page.reload()
    j.pages -= 1  # the test waited for the lookups; the doctor would not reload
    assert not engine.report().summary.name_search_done
    j.link("Search it yourself and give footprint the results")
    page.wait_for_url("**/name-search")
    j.look("name-search")
    page.locator("#pages").set_input_files(str(saved))
    j.clicks += 1  # choosing the saved page
    j.button("Read my results")
    page.get_by_role("heading", name="Your name search is done").wait_for()
    j.look("name-search-read")
    assert engine.report().summary.name_search_done  # counted for coverage and score
    j.link("Back to the audit")
    page.wait_for_url("**/question")


def _stop_then_go_on(j: Journey) -> None:
    """Stop here, think better of it, go back and answer one more "yes"."""
    page = j.page
    j.button("Stop here and write my report")
    page.wait_for_url("**/finish")
    j.look("finish")
    j.button("Back to the questions")
    page.wait_for_url("**/question")
    j.button("Yes")
    j.answers += 1


def _carry_on_and_change_an_answer(j: Journey, running: RunningUi, store: Store) -> None:
    """A second `footprint ui` on the same store: Carry on, Back, change "yes" to "no"."""
    page = j.page
    page.goto(running.url)
    j.look("start-cards", (390,))
    j.button("Carry on with this audit")
    page.wait_for_url("**/question")
    engine = running.audit.engine
    assert engine is not None
    j.button("Back one question")
    assert page.get_by_text("Your earlier answer: yes").is_visible()
    changed = engine.next_question()
    assert changed is not None
    j.button("No")
    session = store.load(str(engine.session_id))
    assert session.answers[changed.item.id].value == "no"
    assert page.locator(".area").inner_text() != SKIPPED


def _report(j: Journey, running: RunningUi) -> None:
    """Write the report; the skipped area is named once and in no count, first step or plan."""
    page = j.page
    j.button("Stop here and write my report")
    page.wait_for_url("**/finish")
    j.button("Write my report")
    page.wait_for_url("**/report")
    page.set_viewport_size(DESKTOP)
    j.look("report-ready", (1280, 390))
    j.link("Open")
    page.get_by_role("link", name="Back to footprint").wait_for()
    j.look("report-view", (1280, 390))
    _skipped_once(page.locator("body").inner_text(), SKIPPED)
    j.link("Back to footprint")
    page.wait_for_url("**/report")
    assert SKIPPED not in page.locator("main").inner_text()  # not in "Do these first"
    outputs = running.audit.outputs
    assert outputs is not None and outputs.report.summary.name_search_done
    j.link("Your plan")
    page.wait_for_url("**/plan")
    j.look("plan")
    assert SKIPPED not in page.locator("main").inner_text()


def _download_the_log(j: Journey, folder: Path) -> Path:
    """From the header's "Contact log" to the ZIP download; returns the saved archive."""
    page = j.page
    j.link("Contact log")
    page.wait_for_url("**/log")
    j.look("log-list")
    j.link("Download a copy")
    page.wait_for_url("**/log/export")
    j.look("log-export", (1280,))
    with page.expect_download() as download:
        j.button("Download everything (ZIP)")
    archive = folder / download.value.suggested_filename
    download.value.save_as(archive)
    return archive


def test_a_worried_doctor_from_start_to_a_verified_log_export(
    browser: Any, tmp_path: Path, store: Store, httpserver: HTTPServer
) -> None:
    began = time.monotonic()
    httpserver.expect_request("/html/").respond_with_data(
        CHALLENGE, status=202, content_type="text/html"
    )
    photo = tmp_path / "card.png"
    photo.write_bytes(PNG)
    saved = tmp_path / "my search.html"
    people = ("Alex Example, Exampleton - 192.com", "https://www.192.com/people/alex-example/")
    saved.write_bytes(google_page("Alex Example", [people]))

    j = Journey()
    first = _ui(tmp_path, store, httpserver)
    try:
        j.watch(new_page(browser, **PHONE))
        _profile_and_a_log_entry(j, first, photo)
        _consent_and_questions(j)
        _name_search_by_hand(j, first, saved)
        _stop_then_go_on(j)
        j.page.context.close()
    finally:
        first.close()

    again = _ui(tmp_path, store, httpserver)  # `footprint ui` started again on the same store
    try:
        j.watch(new_page(browser, **PHONE))
        _carry_on_and_change_an_answer(j, again, store)
        _report(j, again)
        archive = _download_the_log(j, tmp_path)
    finally:
        again.close()

    with zipfile.ZipFile(archive) as opened:
        opened.extractall(tmp_path / "unzipped")
    (exported,) = (tmp_path / "unzipped").rglob("contact-log.json")
    result = verify_export(exported)
    assert result.ok and result.entries == 1 and result.files_checked == 1
    with LogStore(tmp_path / "log") as log:
        assert result.head == log.verify().head
    print(
        f"\ndoctor journey: {j.clicks} clicks ({j.answers} of them answers), {j.typed} fields "
        f"typed, {j.pages} pages, {len(j.seen)} page types checked, "
        f"{time.monotonic() - began:.1f} s"
    )


def _skipped_once(report_text: str, area: str) -> None:
    """The skipped area is named once, as not used, and nowhere else in the report."""
    assert report_text.count(f"You don't use {area}") == 1, report_text
    assert report_text.count(area) == 1, [
        line[:400] for line in report_text.splitlines() if area in line
    ]
