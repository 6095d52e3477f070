"""Navigation that never strands anyone, driven without a browser: Back after Carry on and on
the first question, a way back from "Stop here", and a way back from the report view."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.uiclient import Browser
from werkzeug.test import TestResponse

from footprint.store.sessions import Store
from footprint.ui.controller import UiAudit, UiOptions
from footprint.util.settings import Settings

PROFILE_FORM = {
    "name": "Alex Example",
    "title": "Dr",
    "role": "gp",
    "jurisdiction": "GB",
    "region": "Wales",
    "locality": "Exampleton",
    "workplace_0_name": "Example Street Surgery",
    "platforms": ["facebook", "strava"],
}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "store.db") as opened:
        yield opened


def _audit(tmp_path: Path, store: Store) -> UiAudit:
    options = UiOptions(
        settings=Settings(env={}),
        store=store,
        reports_base=tmp_path / "reports",
        profile_folder=tmp_path,
    )
    return UiAudit(options)


def _heading(response: TestResponse) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", response.get_data(as_text=True), re.S)
    return match.group(1).strip() if match else ""


def _to_first_question(browser: Browser) -> TestResponse:
    browser.post("/start", {"length": "quick"})
    browser.post("/profile", PROFILE_FORM)
    page = browser.post("/response", {"answer": "no"})
    if page.request.path == "/consent":
        page = browser.post("/consent", {})
    assert page.request.path == "/question"
    return page


def _answer(audit: UiAudit, browser: Browser, count: int) -> list[str]:
    asked = []
    for _ in range(count):
        assert audit.engine is not None
        question = audit.engine.next_question()
        assert question is not None
        browser.post("/answer", {"item": question.item.id, "answer": "no"})
        asked.append(question.item.id)
    return asked


def test_carry_on_then_back_changes_an_earlier_answer(tmp_path: Path, store: Store) -> None:
    first = _audit(tmp_path, store)
    browser = Browser(first)
    _to_first_question(browser)
    asked = _answer(first, browser, 3)
    again = _audit(tmp_path, store)  # `footprint ui` run again: a new server, the same store
    browser2 = Browser(again)
    assert again.engine is None and first.engine is not None
    browser2.post(f"/resume/{first.engine.session_id}")
    page = browser2.post("/back")
    assert page.request.path == "/question"
    assert "Your earlier answer: no" in page.get_data(as_text=True)
    assert again.engine is not None
    question = again.engine.next_question()
    assert question is not None and question.item.id == asked[-1]
    browser2.post("/answer", {"item": asked[-1], "answer": "yes"})
    stored = store.load(str(again.engine.session_id)).answers
    assert stored[asked[-1]].value == "yes"


def test_back_on_the_first_question_says_where_it_goes_and_goes_there(
    tmp_path: Path, store: Store
) -> None:
    audit = _audit(tmp_path, store)
    browser = Browser(audit)
    page = _to_first_question(browser)
    assert "Back to “Is a patient contacting you now?”" in page.get_data(as_text=True)
    page = browser.post("/back")
    assert page.request.path == "/response"
    assert "Your earlier answer: no" in page.get_data(as_text=True)
    page = browser.post("/response", {"answer": "no"})
    assert page.request.path == "/question"
    _answer(audit, browser, 1)
    assert "Back one question" in browser.get("/question").get_data(as_text=True)


def test_stop_here_has_a_way_back_to_the_questions(tmp_path: Path, store: Store) -> None:
    audit = _audit(tmp_path, store)
    browser = Browser(audit)
    _to_first_question(browser)
    _answer(audit, browser, 1)
    page = browser.post("/stop")
    assert page.request.path == "/finish"
    assert "Back to the questions" in page.get_data(as_text=True)
    page = browser.post("/go-on")
    assert page.request.path == "/question"


def test_the_report_view_leads_back_to_footprint(tmp_path: Path, store: Store) -> None:
    audit = _audit(tmp_path, store)
    browser = Browser(audit)
    _to_first_question(browser)
    browser.post("/stop")
    browser.post("/report")
    view = browser.get("/report/view/0").get_data(as_text=True)
    body = view.lower().index("<body")
    bar = view.index("Back to footprint")
    assert body < bar < view.index("<h1")
    assert 'href="/report"' in view
    # The file on disk is the report as written: the bar is only in the served view.
    assert "Back to footprint" not in audit.written()[0].read_text(encoding="utf-8")


def test_only_an_app_or_site_is_offered_as_not_used(tmp_path: Path, store: Store) -> None:
    """'I don't use Facebook' makes sense; 'I don't use Safety habits at work' does not."""
    audit = _audit(tmp_path, store)
    browser = Browser(audit)
    _to_first_question(browser)
    assert audit.engine is not None
    seen: dict[bool, str] = {}
    while len(seen) < 2 and (question := audit.engine.next_question()) is not None:
        platform = audit.engine.flow.catalogue.file_of(question.item.id).platform
        html = browser.get("/question").get_data(as_text=True)
        offered = f"I don't use {question.area_title}" in html
        assert offered == platform, question.area_title
        seen.setdefault(platform, question.area_title)
        browser.post("/answer", {"item": question.item.id, "answer": "no"})
    assert set(seen) == {True, False}, seen
