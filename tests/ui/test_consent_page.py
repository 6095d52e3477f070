"""The consent page: plain sentences, the detail behind "Details", agree to all / none / one by one,
and what refusing the name search costs, said before the choice."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.uiclient import Browser

from footprint.demo.run import DemoEnvironment, demo_environment
from footprint.store.sessions import Store
from footprint.ui.controller import UiAudit, UiOptions


@pytest.fixture
def demo() -> Iterator[DemoEnvironment]:
    with demo_environment() as env:
        yield env


@pytest.fixture
def at_consent(tmp_path: Path, demo: DemoEnvironment) -> Iterator[tuple[UiAudit, Browser, str]]:
    """The demo doctor's audit, on the consent page; its HTML."""
    with Store(tmp_path / "store.db") as store:
        audit = UiAudit(
            UiOptions(
                settings=demo.settings,
                store=store,
                reports_base=tmp_path / "reports",
                profile_folder=tmp_path,
                preset_profile=demo.profile,
                granted_by=demo.granted_by,
            )
        )
        browser = Browser(audit)
        browser.post("/profile/upload")  # nothing chosen: the page again
        assert audit.engine is None
        # without the demo's deliberately slow page, so the lookups end soon
        quick = [u for u in demo.profile.urls if "/slow/" not in u]
        audit.begin(demo.profile.model_copy(update={"urls": quick}))
        page = browser.post("/response", {"answer": "no"})
        assert page.request.path == "/consent"
        yield audit, browser, page.get_data(as_text=True)
        if audit.engine is not None:  # let them end: a cut-off request only makes noise
            assert audit.engine.wait_lookups(timeout=60)


def _granted(audit: UiAudit) -> dict[str, bool]:
    assert audit.engine is not None and audit.options.store is not None
    stored = audit.options.store.load(audit.engine.session_id)
    return {c.lookup_id: c.granted for c in stored.consents if c.destinations}


def _asked(html: str) -> list[str]:
    return re.findall(r'<input type="radio" name="([\w-]+)" value="yes"', html)


def test_agree_to_all_grants_every_lookup_in_one_click(
    at_consent: tuple[UiAudit, Browser, str],
) -> None:
    audit, browser, html = at_consent
    asked = _asked(html)
    assert len(asked) >= 5
    page = browser.post("/consent", {"_choice": "all"})
    assert page.request.path == "/question"
    assert _granted(audit) == dict.fromkeys(asked, True)


def test_agree_to_none_refuses_every_lookup(at_consent: tuple[UiAudit, Browser, str]) -> None:
    audit, browser, html = at_consent
    # "none" wins over any choice sent with it
    browser.post("/consent", {"_choice": "none", "web-search": "yes"})
    assert _granted(audit) == dict.fromkeys(_asked(html), False)


def test_one_by_one_grants_only_what_was_chosen(at_consent: tuple[UiAudit, Browser, str]) -> None:
    audit, browser, html = at_consent
    asked = _asked(html)
    chosen = {asked[0]: "yes", asked[1]: "no"}
    browser.post("/consent", {"_choice": "each", **chosen})
    assert _granted(audit) == {lookup_id: lookup_id == asked[0] for lookup_id in asked}


def test_plain_sentence_first_and_the_technical_detail_behind_details(
    at_consent: tuple[UiAudit, Browser, str],
) -> None:
    _, _, html = at_consent
    plain_part = re.sub(r"<details>.*?</details>", "", html, flags=re.S)
    for jargon in ("SHA-256", "RDAP server", "FOOTPRINT_", "override", "tick"):
        assert jargon not in plain_part, jargon
    details = re.findall(r"<details>(.*?)</details>", html, flags=re.S)
    assert len(details) == len(_asked(html))
    assert any("SHA-256" in d for d in details)  # the hash is still said, for who wants it
    assert any("FOOTPRINT_" in d or "replacement for" in d for d in details)
    # the demo's stand-ins are named as replacements in the plain sentence, not as the service
    assert "to Companies House (here, a stand-in set up on this computer" in plain_part
    assert "Agree to all" in html and "Agree to none" in html


def test_the_cost_of_refusing_the_name_search_comes_before_the_choice(
    at_consent: tuple[UiAudit, Browser, str],
) -> None:
    _, _, html = at_consent
    warning = html.index("cannot give you a findability score")
    assert warning < html.index("Agree to all") < html.index('name="web-search"')
