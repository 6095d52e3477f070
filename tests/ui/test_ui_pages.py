"""The pages, driven without a browser: a whole audit, input checked, answers kept on resume."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from tests.uiclient import HOST, Browser
from werkzeug.test import TestResponse

from footprint.store.sessions import Store
from footprint.ui.controller import UiAudit, UiOptions
from footprint.ui.security import CSRF_FIELD
from footprint.util.settings import Settings


def _options(tmp_path: Path, store: Store | None) -> UiOptions:
    return UiOptions(
        settings=Settings(env={}),
        store=store,
        reports_base=tmp_path / "reports",
        profile_folder=tmp_path,
    )


PROFILE_FORM = {
    "name": "Alex Example",
    "title": "Dr",
    "role": "gp",
    "jurisdiction": "GB",
    "region": "Wales",
    "locality": "Exampleton",
    "workplace_0_name": "Example Street Surgery",
    "platforms": ["facebook", "strava"],
    "private_phones": "07700 900123",
    "private_emails": "alex.private@example.org",
}


def _heading(response: TestResponse) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", response.get_data(as_text=True), re.S)
    return match.group(1).strip() if match else ""


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "store.db") as opened:
        yield opened


def _to_first_question(browser: Browser) -> TestResponse:
    assert browser.post("/start", {"length": "quick"}).request.path == "/profile"
    page = browser.post("/profile", PROFILE_FORM)
    assert page.request.path == "/response"
    page = browser.post("/response", {"answer": "no"})
    if page.request.path == "/consent":
        page = browser.post("/consent", {})  # nothing ticked: nothing is sent
    assert page.request.path == "/question"
    return page


def test_a_whole_audit_through_the_pages(tmp_path: Path, store: Store) -> None:
    audit = UiAudit(_options(tmp_path, store))
    browser = Browser(audit)
    page = _to_first_question(browser)
    first = _heading(page)
    page = browser.post("/answer", {"item": audit.engine.next_question().item.id, "answer": "yes"})
    assert _heading(page) != first
    page = browser.post("/back")
    assert _heading(page) == first
    assert "Your earlier answer: yes" in page.get_data(as_text=True)
    item = audit.engine.next_question().item.id
    browser.post("/answer", {"item": item, "answer": "no"})
    assert store.load(audit.engine.session_id).answers[item].value == "no"
    page = browser.post("/stop")
    assert page.request.path == "/finish"
    page = browser.post("/report")
    assert page.request.path == "/report"
    assert "Your report is ready" in page.get_data(as_text=True)
    html = browser.get("/report/view/0")
    assert html.status_code == 200 and "<html" in html.get_data(as_text=True).lower()
    assert "unsafe-inline" in html.headers["Content-Security-Policy"]
    download = browser.get("/download/1")
    assert download.status_code == 200
    assert "attachment" in download.headers["Content-Disposition"]
    written = audit.written()
    assert written and all(p.stat().st_mode & 0o077 == 0 for p in written)
    closed = browser.post("/close")
    assert "footprint has stopped" in closed.get_data(as_text=True)
    closed.close()  # the server stops once the page has been sent
    assert browser.stop.event.is_set()


def test_profile_errors_are_shown_beside_the_field(tmp_path: Path, store: Store) -> None:
    browser = Browser(UiAudit(_options(tmp_path, store)))
    browser.post("/start", {"length": "full"})
    page = browser.post("/profile", {**PROFILE_FORM, "region": "somewhere up north"})
    text = page.get_data(as_text=True)
    assert page.status_code == 400
    assert 'aria-invalid="true"' in text and "northern-ireland" in text
    assert page.request.path == "/profile"


def test_case_without_adviser_is_refused(tmp_path: Path, store: Store) -> None:
    browser = Browser(UiAudit(_options(tmp_path, store)))
    page = browser.post("/start", {"length": "quick", "case": "MDU-1"})
    assert page.status_code == 400
    assert "adviser" in page.get_data(as_text=True)


def test_closing_the_tab_and_starting_again_offers_to_carry_on(
    tmp_path: Path, store: Store
) -> None:
    first = UiAudit(_options(tmp_path, store))
    browser = Browser(first)
    _to_first_question(browser)
    asked = []
    for _ in range(3):
        item = first.engine.next_question().item.id
        browser.post("/answer", {"item": item, "answer": "no"})
        asked.append(item)
    # The tab is closed and `footprint ui` is run again: a new server, the same store.
    again = UiAudit(_options(tmp_path, store))
    browser2 = Browser(again)
    start = browser2.get("/").get_data(as_text=True)
    assert "Carry on with this audit" in start
    session_id = first.engine.session_id
    page = browser2.post(f"/resume/{session_id}")
    assert page.request.path == "/question"
    kept = again.engine.flow.state.answers
    assert all(kept[i].value == "no" for i in asked)
    assert again.engine.next_question().item.id not in asked


def test_uploaded_profile_is_checked(tmp_path: Path, store: Store) -> None:
    browser = Browser(UiAudit(_options(tmp_path, store)))
    browser.post("/start", {"length": "quick"})
    bad = browser.client.post(
        "/profile/upload",
        data={
            CSRF_FIELD: browser.lock.csrf_token(),
            "file": (io.BytesIO(b"name: [unclosed"), "p.yaml"),
        },
        headers={"Host": HOST, "Origin": browser.lock.origin},
    )
    assert bad.status_code == 400
    assert "not valid YAML" in bad.get_data(as_text=True)


def test_adviser_mode_writes_member_and_adviser_copies(tmp_path: Path, store: Store) -> None:
    audit = UiAudit(_options(tmp_path, store))
    browser = Browser(audit)
    browser.post("/start", {"length": "quick", "adviser": "Sam Adviser", "case": "MDU-1234"})
    browser.post("/profile", PROFILE_FORM)
    page = browser.post("/response", {"answer": "no"})
    if page.request.path == "/consent":
        browser.post("/consent", {})
    browser.post("/stop")
    page = browser.post("/report")
    assert "adviser copy" in page.get_data(as_text=True)
    folders = {p.parent.name for p in audit.written()}
    assert folders == {"member-copy", "adviser-copy"}
    assert audit.outputs is not None and audit.outputs.report.case == "MDU-1234"


def test_typed_markup_is_shown_as_text(tmp_path: Path, store: Store) -> None:
    browser = Browser(UiAudit(_options(tmp_path, store)))
    browser.post("/start", {"length": "quick"})
    page = browser.post(
        "/profile", {**PROFILE_FORM, "name": "<script>alert(1)</script>", "region": "nowhere"}
    )
    text = page.get_data(as_text=True)
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;" in text


def test_without_a_store_the_page_does_not_promise_to_keep_answers(tmp_path: Path) -> None:
    browser = Browser(UiAudit(_options(tmp_path, None)))
    text = browser.get("/").get_data(as_text=True)
    assert "saved on this computer as you give them" not in text
    assert "Carry on with this audit" not in text


def test_an_uploaded_profile_with_a_repeated_key_or_deep_nesting_is_refused(
    tmp_path: Path, store: Store
) -> None:
    browser = Browser(UiAudit(_options(tmp_path, store)))
    browser.post("/start", {"length": "quick"})
    for raw, words in (
        (b"name: Ann Bee\nname: Cy Dee\n", "name"),
        (b"name: " + b"[" * 5000 + b"]" * 5000, "nest"),
    ):
        page = browser.client.post(
            "/profile/upload",
            data={CSRF_FIELD: browser.lock.csrf_token(), "file": (io.BytesIO(raw), "p.yaml")},
            headers={"Host": HOST, "Origin": browser.lock.origin},
        )
        assert page.status_code == 400, raw[:20]
        assert words in page.get_data(as_text=True).lower()


def test_closing_stops_only_after_the_page_is_sent(tmp_path: Path, store: Store) -> None:
    browser = Browser(UiAudit(_options(tmp_path, store)))
    response = browser.client.post(
        "/close",
        data={CSRF_FIELD: browser.lock.csrf_token()},
        headers={"Host": HOST, "Origin": browser.lock.origin},
        buffered=False,
    )
    assert not browser.stop.event.is_set()  # the body has not been read yet
    assert b"footprint has stopped" in b"".join(response.iter_encoded())
    response.close()
    assert browser.stop.event.is_set()


def test_a_resumed_adviser_audit_keeps_its_case_on_every_page(tmp_path: Path, store: Store) -> None:
    first = UiAudit(_options(tmp_path, store))
    browser = Browser(first)
    browser.post("/start", {"length": "quick", "adviser": "Sam Adviser", "case": "MDU-77"})
    browser.post("/profile", PROFILE_FORM)
    again = UiAudit(_options(tmp_path, store))
    browser2 = Browser(again)
    page = browser2.post(f"/resume/{first.engine.session_id}")
    assert "case MDU-77" in page.get_data(as_text=True)
