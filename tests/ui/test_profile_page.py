"""The profile page: essentials first, every error at once and named as labelled, http:// made
https:// and said, fields by country, and the profile saved only where and when the doctor says."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.uiclient import Browser

from footprint.model.profile import load_profile
from footprint.store.sessions import Store
from footprint.ui.controller import UiAudit, UiOptions
from footprint.ui.forms import FIELD_LABELS
from footprint.util.settings import Settings

ESSENTIALS = {
    "name": "Alex Example",
    "role": "gp",
    "jurisdiction": "GB",
    "region": "Wales",
    "locality": "Exampleton",
    "workplace_0_name": "Example Street Surgery",
}


@pytest.fixture
def audit(tmp_path: Path) -> Iterator[UiAudit]:
    with Store(tmp_path / "store.db") as store:
        yield UiAudit(
            UiOptions(
                settings=Settings(env={}),
                store=store,
                reports_base=tmp_path / "reports",
                profile_folder=tmp_path / "data",
                started_in=tmp_path / "started-here",
            )
        )


@pytest.fixture
def browser(audit: UiAudit) -> Browser:
    browser = Browser(audit)
    assert browser.post("/start", {"length": "quick"}).request.path == "/profile"
    return browser


def _error_box(html: str) -> list[tuple[str, str]]:
    """(link target, text) of each entry in the error box at the top."""
    box = re.search(r'<div class="errors".*?</div>', html, re.S)
    assert box is not None, "no error box"
    return re.findall(r'<li><a href="#([\w-]+)">(.*?)</li>', box.group(0), re.S)


def test_every_error_at_once_at_the_top_named_as_labelled(browser: Browser) -> None:
    page = browser.post(
        "/profile",
        {
            **ESSENTIALS,
            "name": "",
            "region": "somewhere up north",
            "workplace_0_url": "not a page",
            "workplace_1_url": "https://second.example/team",
            "work_emails": "jo.example",
            "private_phones": "12345",
            "domains": "my website",
        },
    )
    html = page.get_data(as_text=True)
    assert page.status_code == 400 and page.request.path == "/profile"
    entries = _error_box(html)
    assert [target for target, _ in entries] == [
        "f-name",
        "f-region",
        "f-workplace_0_url",
        "f-workplace_1_name",
        "f-work-emails",
        "f-domains",
        "f-private-phones",
    ]  # every problem, in the order of the page
    for target, text in entries:
        assert f'id="{target}"' in html  # each link goes to its field
        assert text.split("</a>")[0] in FIELD_LABELS.values()
    box = html[html.index('class="errors"') : html.index("</div>", html.index('class="errors"'))]
    for internal in ("private:", "private.phones", "phones:", "Value error", "workplaces", "Input"):
        assert internal not in box, internal
    assert "Personal mobile or home phone numbers</a>: The 1st number is not a phone number" in box
    # the optional parts holding an error are open, the others closed
    assert html.count('<details class="part" open>') == 3


@pytest.mark.parametrize("phone", ["12345", "0770 090", "+44 20 7946"])
def test_a_number_that_cannot_exist_is_refused_with_the_fields_label(
    browser: Browser, phone: str
) -> None:
    page = browser.post("/profile", {**ESSENTIALS, "work_phones": phone})
    assert page.status_code == 400
    [(target, text)] = _error_box(page.get_data(as_text=True))
    assert target == "f-work-phones" and text.startswith("Work phone numbers</a>")


def test_an_http_work_page_is_made_https_and_said_before_it_is_used(
    browser: Browser, audit: UiAudit
) -> None:
    form = {**ESSENTIALS, "workplace_0_url": "http://practice.example/team"}
    page = browser.post("/profile", form)
    html = page.get_data(as_text=True)
    assert page.request.path == "/profile" and audit.engine is None
    assert "changed http:// to https://" in html
    assert 'value="https://practice.example/team"' in html
    page = browser.post("/profile", {**form, "workplace_0_url": "https://practice.example/team"})
    assert page.request.path == "/response"
    assert audit.engine is not None
    assert audit.engine.flow.state.profile.workplaces[0].url == "https://practice.example/team"


def test_fields_by_country(browser: Browser, audit: UiAudit) -> None:
    html = browser.get("/profile").get_data(as_text=True)
    state = re.search(r'<div data-countries="US"( hidden)?>\s*<label for="f-state"', html)
    assert state is not None and state.group(1) == " hidden"  # no US state for a UK doctor
    browser.post("/profile", {**ESSENTIALS, "state": "NY"})
    assert audit.engine is not None and audit.engine.flow.state.profile.state is None


def test_a_us_doctor_sees_the_state_field(browser: Browser) -> None:
    page = browser.post("/profile", {**ESSENTIALS, "jurisdiction": "US", "region": "??"})
    html = page.get_data(as_text=True)
    assert re.search(r'<div data-countries="US">\s*<label for="f-state"', html)


def test_where_the_profile_is_saved_is_shown_and_chosen(
    browser: Browser, audit: UiAudit, tmp_path: Path
) -> None:
    html = browser.get("/profile").get_data(as_text=True)
    data_file = (tmp_path / "data" / "profile.yaml").resolve()
    here_file = (tmp_path / "started-here" / "profile.yaml").resolve()
    assert f"<code>{data_file}</code>" in html and f"<code>{here_file}</code>" in html
    assert re.search(r'name="save" value="yes" checked', html)
    browser.post("/profile", {**ESSENTIALS, "save": "yes", "save_in": "data"})
    assert audit.saved_profile == data_file
    assert load_profile(data_file).name == "Alex Example"
    assert not here_file.exists()


def test_saving_without_a_place_chosen_saves_in_footprints_folder(
    browser: Browser, audit: UiAudit, tmp_path: Path
) -> None:
    browser.post("/profile", {**ESSENTIALS, "save": "yes"})
    assert audit.saved_profile == (tmp_path / "data" / "profile.yaml").resolve()


def test_a_path_sent_by_the_page_is_never_used(
    browser: Browser, audit: UiAudit, tmp_path: Path
) -> None:
    target = tmp_path / "elsewhere"
    browser.post("/profile", {**ESSENTIALS, "save": "yes", "save_in": str(target)})
    assert audit.engine is not None and audit.saved_profile is None
    assert not target.exists() and not (tmp_path / "data" / "profile.yaml").exists()


def test_the_demo_doctor_is_not_saved_by_default(tmp_path: Path) -> None:
    from footprint.demo.run import demo_environment

    with demo_environment() as env, Store(tmp_path / "store.db") as store:
        audit = UiAudit(
            UiOptions(
                settings=env.settings,
                store=store,
                profile_folder=tmp_path / "data",
                started_in=tmp_path,
                preset_profile=env.profile,
                granted_by=env.granted_by,
            )
        )
        browser = Browser(audit)
        html = browser.get("/profile").get_data(as_text=True)
        assert re.search(r'name="save" value="yes" >', html)  # not ticked
        assert "this is the fictional demo doctor" in html
        # the page as the demo shows it, sent as it is (the save box left as it was)
        form = {**ESSENTIALS, "name": env.profile.name, "save_in": "data"}
        page = browser.post("/profile", form)
        assert page.request.path == "/response"
        assert audit.saved_profile is None
        assert not list(tmp_path.rglob("profile*.yaml"))
        if audit.engine is not None:
            audit.engine.cancel_lookups()


def test_a_profile_file_with_mistakes_names_them_as_labelled(browser: Browser) -> None:
    page = browser.upload_profile("name: Jo Tester\nprivate:\n  phones: ['12345']\n")
    html = page.get_data(as_text=True)
    assert "In the file, Personal mobile or home phone numbers: The 1st number" in html
    assert "private:" not in html.split("In the file")[1].split("</p>")[0]
