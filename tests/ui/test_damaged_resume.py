"""Carrying on an audit whose stored answers are damaged, in the browser: said plainly, set
aside, and never blamed on the disk or quoted back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.ui.test_ui_name_search import PROFILE_FORM
from tests.uiclient import Browser

from footprint.store.sessions import Store
from footprint.ui.controller import UiAudit, UiOptions
from footprint.util.settings import Settings

SECRET = "alex.private.home@example.org"


def _browser(tmp_path: Path, store: Store) -> tuple[UiAudit, Browser]:
    options = UiOptions(settings=Settings(env={}), store=store, reports_base=tmp_path / "r")
    audit = UiAudit(options)
    return audit, Browser(audit)


def test_a_damaged_audit_is_set_aside_in_plain_words(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    with Store(path) as store:
        audit, browser = _browser(tmp_path, store)
        browser.post("/start", {"length": "quick"})
        browser.post("/profile", {**PROFILE_FORM, "private_emails": SECRET})
        browser.post("/response", {"answer": "no"})
        assert browser.post("/consent", {}).request.path == "/question"
        browser.post("/answer", {"answer": "no"})
        assert audit.engine is not None and audit.engine.session_id
        session = audit.engine.session_id
    with sqlite3.connect(path) as db:
        db.execute("UPDATE answers SET answer = ?", (SECRET,))
    with Store(path) as store:
        _, browser = _browser(tmp_path, store)
        assert f"/resume/{session}" in browser.get("/").get_data(as_text=True)
        page = browser.post(f"/resume/{session}")
        text = page.get_data(as_text=True)
        assert page.status_code == 409 and "damaged" in text
        assert "disk" not in text and SECRET not in text
        assert f"/resume/{session}" not in browser.get("/").get_data(as_text=True)
