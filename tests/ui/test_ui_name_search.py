"""The name search by hand in the browser, driven without one: a blocked search offers the
page, a saved results page is read and counted, and result pages open only when agreed to."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from tests.savedpages import CLUB_PAGE, google_page
from tests.uiclient import HOST, Browser
from werkzeug.test import TestResponse

from footprint.lookups.search.common import clear_search_cache
from footprint.store.sessions import Store
from footprint.ui.controller import UiAudit, UiOptions
from footprint.ui.security import CSRF_FIELD
from footprint.util.settings import Settings

PROFILE_FORM = {
    "name": "Alex Example",
    "title": "Dr",
    "role": "gp",
    "jurisdiction": "GB",
    "region": "Wales",
    "locality": "Exampleton",
    "workplace_0_name": "Example Street Surgery",
    "private_phones": "07700 900123",
}
CHALLENGE = "<html><body><p>Please complete the following challenge.</p></body></html>"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    clear_search_cache()
    with Store(tmp_path / "store.db") as opened:
        yield opened
    clear_search_cache()


def _blocked_audit(tmp_path: Path, store: Store, httpserver: HTTPServer) -> UiAudit:
    """DuckDuckGo stood in for by a local server that answers every search with its bot check."""
    httpserver.expect_request("/html/").respond_with_data(
        CHALLENGE, status=202, content_type="text/html"
    )
    env = {"FOOTPRINT_DUCKDUCKGO_URL": httpserver.url_for("/")}
    options = UiOptions(
        settings=Settings(env=env, allow_loopback=True),
        store=store,
        reports_base=tmp_path / "reports",
        profile_folder=tmp_path,
    )
    return UiAudit(options)


def _to_questions(audit: UiAudit, browser: Browser) -> TestResponse:
    browser.post("/start", {"length": "quick"})
    browser.post("/profile", PROFILE_FORM)
    browser.post("/response", {"answer": "no"})
    page = browser.post("/consent", {"web-search": "yes"})
    assert audit.engine is not None and audit.engine.wait_lookups(20)
    return page


def _upload(browser: Browser, *pages: bytes) -> TestResponse:
    files = [(io.BytesIO(page), f"saved-{n}.html") for n, page in enumerate(pages)]
    return browser.client.post(
        "/name-search",
        data={CSRF_FIELD: browser.lock.csrf_token(), "pages": files},
        headers={"Host": HOST, "Origin": browser.lock.origin},
        follow_redirects=True,
    )


def test_a_blocked_name_search_is_done_by_hand_and_counted(
    tmp_path: Path, store: Store, httpserver: HTTPServer
) -> None:
    audit = _blocked_audit(tmp_path, store, httpserver)
    browser = Browser(audit)
    _to_questions(audit, browser)
    question = browser.get("/question").get_data(as_text=True)
    assert 'href="/name-search"' in question
    page = browser.get("/name-search").get_data(as_text=True)
    assert "google.com/search?q=Dr+Alex+Example" in page and "Ctrl and S" in page
    assert audit.engine is not None and not audit.engine.report().summary.name_search_done
    people = ("Alex Example, Exampleton - 192.com", "https://www.192.com/people/alex-example/")
    read = _upload(browser, google_page("Dr Alex Example", [people]))
    text = read.get_data(as_text=True)
    assert read.status_code == 200 and "Your name search is done" in text and "192.com" in text
    assert audit.engine.report().summary.name_search_done
    assert 'href="/name-search"' not in browser.get("/question").get_data(as_text=True)
    # Stored: a server started again on the same store counts it too.
    assert "web-search" in store.load(str(audit.engine.session_id)).finished_lookups


def test_result_pages_open_only_when_agreed(
    tmp_path: Path, store: Store, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/committee").respond_with_data(CLUB_PAGE, content_type="text/html")
    audit = _blocked_audit(tmp_path, store, httpserver)
    browser = Browser(audit)
    _to_questions(audit, browser)
    club = httpserver.url_for("/committee")
    read = _upload(browser, google_page("Dr Alex Example", [("Running club", club)]))
    text = read.get_data(as_text=True)
    assert "Open the pages your saved results lead to?" in text and "localhost" in text
    assert not any(r.path == "/committee" for r, _ in httpserver.log)
    followed = browser.post("/name-search/follow", {"follow": "yes"})
    assert "found your personal details on 1 page" in followed.get_data(as_text=True)
    assert any(r.path == "/committee" for r, _ in httpserver.log)
    again = browser.post("/name-search/follow", {"follow": "yes"})  # the form sent twice
    assert again.request.path in ("/question", "/finish")


def test_a_refused_follow_opens_nothing(
    tmp_path: Path, store: Store, httpserver: HTTPServer
) -> None:
    audit = _blocked_audit(tmp_path, store, httpserver)
    browser = Browser(audit)
    _to_questions(audit, browser)
    club = httpserver.url_for("/committee")
    _upload(browser, google_page("Dr Alex Example", [("Running club", club)]))
    page = browser.post("/name-search/follow", {"follow": "no"})
    assert page.request.path == "/question"
    assert not any(r.path == "/committee" for r, _ in httpserver.log)
    consents = store.load(str(audit.engine.session_id if audit.engine else "")).consents
    assert any(c.lookup_id == "saved-results-pages" and not c.granted for c in consents)


def test_uploads_that_cannot_be_used_are_explained(
    tmp_path: Path, store: Store, httpserver: HTTPServer
) -> None:
    audit = _blocked_audit(tmp_path, store, httpserver)
    browser = Browser(audit)
    _to_questions(audit, browser)
    empty = _upload(browser)
    assert empty.status_code == 400 and "Choose at least one" in empty.get_data(as_text=True)
    recipe = _upload(browser, b"<html><body>Lentil soup</body></html>")
    text = recipe.get_data(as_text=True)
    assert "could not use these pages" in text and "1 file was not" in text
    assert audit.engine is not None and audit.engine.name_search.is_open()
