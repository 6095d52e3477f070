"""Route parameters an attacker chooses: numbers too large for the store, paths in disguise.
Each is a plain "not found", never an internal error."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.uiclient import HOST, Browser

from footprint.store.sessions import Store
from footprint.ui.controller import UiAudit, UiOptions
from footprint.util.settings import Settings

HUGE = "9" * 20  # past SQLite's 64-bit integers


@pytest.fixture
def browser(tmp_path: Path) -> Browser:
    store = Store(tmp_path / "store.db")
    options = UiOptions(settings=Settings(env={}), store=store, reports_base=tmp_path / "r")
    return Browser(UiAudit(options))


@pytest.mark.parametrize(
    "path",
    [
        f"/log/{HUGE}",
        f"/log/{HUGE}/file/1",
        f"/log/1/file/{HUGE}",
        f"/log/{HUGE}/correct",
        f"/download/{HUGE}",
        f"/report/view/{HUGE}",
        f"/plan/{HUGE}/draft.txt",
    ],
)
def test_a_number_too_large_is_not_found(browser: Browser, path: str) -> None:
    response = browser.client.get(path, headers={"Host": HOST})
    assert response.status_code == 404, response.get_data(as_text=True)[:200]


@pytest.mark.parametrize("path", [f"/log/{HUGE}/correct", f"/plan/{HUGE}/done"])
def test_a_form_sent_to_a_number_too_large_is_refused(browser: Browser, path: str) -> None:
    assert browser.post(path, {"what": "x"}).status_code in (404, 405)
