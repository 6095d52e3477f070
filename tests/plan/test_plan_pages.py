"""The "Your plan" page: WSGI-driven forms and downloads, then one walk in real Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from tests.browser import axe_serious, describe_violations, new_page
from tests.plan.conftest import offline_audit
from tests.uiclient import Browser

from footprint.store.sessions import Store
from footprint.ui import start_ui
from footprint.ui.controller import UiAudit, UiOptions
from footprint.util.settings import Settings


def _options(tmp_path: Path, store: Store | None) -> UiOptions:
    return UiOptions(
        settings=Settings(env={}),
        store=store,
        reports_base=tmp_path / "reports",
        profile_folder=tmp_path,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    offline_audit(tmp_path / "audit")
    with Store() as opened:  # the store the audit was kept in (FOOTPRINT_HOME, per test)
        yield opened


def _action(page: str, title_part: str) -> str:
    """The number of the action whose title contains `title_part`."""
    for match in re.finditer(r'<li id="action-(\d+)">\s*<h2>([^<]*)</h2>', page):
        if title_part in match.group(2):
            return match.group(1)
    raise AssertionError(f"no action titled like {title_part!r}")


def _block(page: str, number: str) -> str:
    return page.split(f'<li id="action-{number}">', 1)[1].split("</li>", 1)[0]


def test_the_plan_page_marks_actions_and_serves_drafts_and_the_calendar(
    tmp_path: Path, store: Store
) -> None:
    browser = Browser(UiAudit(_options(tmp_path, store)))
    page = browser.get("/plan").get_data(as_text=True)
    assert "<h1>Your plan</h1>" in page and "To do" in page
    engines = _action(page, "Search engines")
    register = _action(page, "open electoral register")

    page = browser.post(f"/plan/{engines}/done").get_data(as_text=True)
    assert "<strong>Done</strong>" in _block(page, engines)

    page = browser.post(f"/plan/{register}/sent", {"on": "2026-01-31"}).get_data(as_text=True)
    block = _block(page, register)
    assert "Request sent" in block and "answer due 02 Mar 2026" in block  # Saturday: Monday

    page = browser.post(f"/plan/{register}/reply", {"outcome": "refused"}).get_data(as_text=True)
    assert "<strong>Waiting</strong>" in _block(page, register)

    refused = browser.post(f"/plan/{register}/sent", {"on": "yesterday-ish"})
    assert refused.status_code == 400 and "as a date" in refused.get_data(as_text=True)

    draft = browser.get(f"/plan/{register}/draft.eml")
    assert draft.status_code == 200 and "attachment" in draft.headers["Content-Disposition"]
    assert browser.get(f"/plan/{engines}/draft.eml").status_code == 404  # done alone: no draft

    ics = browser.get("/plan/calendar.ics")
    events = Calendar.from_ical(ics.get_data()).walk("VEVENT")
    # sent 31 January 2026: one month on is Saturday 28 February, so due on Monday 2 March
    assert [e.decoded("dtstart").isoformat() for e in events] == ["2026-03-02"]


def test_a_notice_from_a_scheduled_re_check_is_shown_once(tmp_path: Path, store: Store) -> None:
    from footprint.store.plans import PlanStore

    PlanStore(store).add_notice("Re-check: 1 detail(s) you had removed are still there")
    browser = Browser(UiAudit(_options(tmp_path, store)))
    assert "Since you last looked: Re-check" in browser.get("/plan").get_data(as_text=True)
    assert "Since you last looked" not in browser.get("/plan").get_data(as_text=True)


def test_without_a_finished_audit_the_page_says_so(tmp_path: Path) -> None:
    browser = Browser(UiAudit(_options(tmp_path, None)))
    page = browser.get("/plan")
    assert page.status_code == 404 and "There is no plan yet" in page.get_data(as_text=True)


def test_the_start_page_links_to_the_plan(tmp_path: Path, store: Store) -> None:
    browser = Browser(UiAudit(_options(tmp_path, store)))
    assert 'href="/plan"' in browser.get("/").get_data(as_text=True)


@pytest.mark.slow
def test_the_plan_page_in_chromium(browser: Any, tmp_path: Path, store: Store) -> None:
    running = start_ui(_options(tmp_path, store))
    try:
        page = new_page(browser)
        page.goto(running.url)
        page.get_by_role("link", name="Your plan").click()
        page.wait_for_url("**/plan")
        violations = axe_serious(page)
        assert not violations, describe_violations(violations)
        first = page.locator("ol.plan > li").first
        first.get_by_role("button", name="Mark done").click()
        page.wait_for_url("**/plan*")
        assert page.locator("ol.plan > li").first.get_by_text("Done", exact=True).is_visible()
        page.set_viewport_size({"width": 390, "height": 844})
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 390, f"the plan page scrolls sideways at 390 px ({wide} px)"
        assert not axe_serious(page)
    finally:
        running.close()
