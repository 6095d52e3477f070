"""A hand-over file crafted by someone else: it travels by e-mail, so footprint must take from
it only what a file footprint wrote can hold."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from tests.auditrun import PRIVATE_EMAIL, PRIVATE_PHONE, PRIVATE_POSTCODE, PROFILE
from tests.uiclient import HOST, Browser

from footprint.audit.desk import AuditDesk
from footprint.errors import AnswersError
from footprint.store.sessions import Store
from footprint.ui.controller import UiAudit, UiOptions
from footprint.ui.security import CSRF_FIELD
from footprint.util.settings import Settings

PRIVATE = [PRIVATE_EMAIL, PRIVATE_PHONE, PRIVATE_POSTCODE, "12 Fictional Lane"]


def _crafted() -> str:
    """A hand-over file with the profile's private block put back in."""
    profile = yaml.safe_load(PROFILE)
    assert profile["private"]["home_street"] == "12 Fictional Lane"
    return yaml.safe_dump({"contacting_now": "no", "answers": {}, "profile": profile})


def test_the_core_refuses_a_hand_over_file_with_a_private_block() -> None:
    with AuditDesk.open() as desk, pytest.raises(AnswersError) as caught:
        desk.answers_from_text(_crafted(), "The file")
    assert "personal" in caught.value.message
    for value in PRIVATE:
        assert value not in caught.value.message  # never quoted back


def test_the_browser_refuses_it_and_fills_in_nothing_private(tmp_path: Path) -> None:
    with Store(tmp_path / "store.db") as store:
        audit = UiAudit(UiOptions(settings=Settings(env={}), store=store))
        browser = Browser(audit)
        page = browser.client.post(
            "/handover",
            data={
                CSRF_FIELD: browser.lock.csrf_token(),
                "file": (io.BytesIO(_crafted().encode()), "handover.yaml"),
            },
            headers={"Host": HOST, "Origin": browser.lock.origin},
            follow_redirects=True,
        )
        text = page.get_data(as_text=True)
        assert page.status_code == 400 and "personal" in text
        for value in PRIVATE:
            assert value not in text
        assert audit.carried_profile is None
        profile_page = browser.get("/profile").get_data(as_text=True)
        for value in PRIVATE:
            assert value not in profile_page
