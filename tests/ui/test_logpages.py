"""The contact log's pages, driven without a browser: the same log as the terminal's, every
form behind the CSRF check, uploads checked by content and size, downloads that verify."""

from __future__ import annotations

import hashlib
import io
import json
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from tests.auditrun import footprint
from tests.log.conftest import PNG
from tests.uiclient import HOST, Browser
from werkzeug.test import TestResponse

from footprint.log.database import LogStore
from footprint.log.exportcheck import verify_export
from footprint.log.uploads import MAX_FILE_BYTES, MAX_FILES
from footprint.report.model import NextStep, NextStepKind
from footprint.report.nextsteps import Reader, step_words
from footprint.store.sessions import Store
from footprint.ui.app import MAX_REQUEST_BYTES
from footprint.ui.controller import UiAudit, UiOptions
from footprint.ui.security import CSRF_FIELD
from footprint.util.paths import data_dir
from footprint.util.settings import Settings

COMMAND = re.compile(r"footprint (audit|profile|scan|log|ui|sessions|demo)\b|`footprint")
ENTRY = {
    "when": "01/03/2025 09:15",
    "channel": "letter",
    "where": "Example Street Surgery reception",
    "what": "Card left at reception addressed to me by first name.",
    "witnesses": "Sam (receptionist)\n\nJo (practice nurse)\n",
    "reported_to": "Practice manager",
    "reference": "EX-0001",
}
PDF = b"%PDF-1.4\n% a fictional scan\n"


def _options(tmp_path: Path, store: Store | None = None, **more: Any) -> UiOptions:
    return UiOptions(
        settings=Settings(env={}),
        store=store,
        reports_base=tmp_path / "reports",
        profile_folder=tmp_path,
        **more,
    )


@pytest.fixture
def browser(tmp_path: Path) -> Browser:
    return Browser(UiAudit(_options(tmp_path)))


def _text(response: TestResponse) -> str:
    text = response.get_data(as_text=True)
    assert not COMMAND.search(text), COMMAND.search(text)  # no page names a terminal command
    return text


def _post_entry(
    browser: Browser,
    path: str = "/log/new",
    fields: dict[str, str] | None = None,
    files: list[tuple[bytes, str]] | None = None,
    csrf: bool = True,
) -> TestResponse:
    data: dict[str, Any] = dict(ENTRY if fields is None else fields)
    if csrf:
        data[CSRF_FIELD] = browser.lock.csrf_token()
    data["files"] = [(io.BytesIO(raw), name) for raw, name in files or []]
    return browser.client.post(
        path,
        data=data,
        content_type="multipart/form-data",
        headers={"Host": HOST, "Origin": browser.lock.origin},
        follow_redirects=True,
    )


def _entries() -> list[Any]:
    with LogStore() as store:
        return store.entries()


def test_the_log_opens_without_an_audit_and_the_start_page_leads_there(browser: Browser) -> None:
    start = _text(browser.get("/"))
    assert 'href="/log"' in start and "Keep a log of a patient's contact" in start
    page = browser.get("/log")
    assert page.status_code == 200
    text = _text(page)
    assert "Your log is empty so far" in text
    assert "Back to the start page" in text


def test_an_entry_written_in_the_browser_is_the_terminals_entry(browser: Browser) -> None:
    page = _post_entry(browser, files=[(PNG, "screenshot.png")])
    assert page.request.path == "/log/1"
    text = _text(page)
    assert "Entry 1 is saved" in text and "Card left at reception" in text
    entry = _entries()[0]
    assert entry.witnesses == ["Sam (receptionist)", "Jo (practice nurse)"]
    assert (entry.channel.value, entry.reference) == ("letter", "EX-0001")
    kept = entry.attachments[0]
    assert kept.sha256 == hashlib.sha256(PNG).hexdigest() and kept.size == len(PNG)
    assert kept.media_type == "image/png"
    with LogStore() as store:
        assert store.attachment_path(kept).read_bytes() == PNG  # the original bytes, kept
    listed = footprint("log", "list")
    assert listed.code == 0 and "Card left at reception" in listed.stdout
    checked = footprint("log", "verify")
    assert checked.code == 0, checked.stdout + checked.stderr
    assert "1 kept file checked" in checked.stdout


def test_the_list_shows_newest_first_with_the_verify_state(browser: Browser) -> None:
    _post_entry(browser)
    _post_entry(browser, fields={**ENTRY, "what": "Second card, at home.", "channel": "gift"})
    text = _text(browser.get("/log"))
    assert "Your log is intact:</strong> 2 entries" in text
    assert text.index("Entry 2:") < text.index("Entry 1:")


def test_every_problem_with_the_form_is_shown_at_once_and_nothing_is_saved(
    browser: Browser,
) -> None:
    page = _post_entry(browser, fields={"when": "31/02/2025", "what": "  "})
    assert page.status_code == 400
    text = _text(page)
    for label in ("When it happened", "How they contacted you", "What happened"):
        assert f'">{label}</a>' in text
    assert "is not a real date" in text
    assert _entries() == []


def test_a_form_without_the_csrf_token_or_from_another_site_changes_nothing(
    browser: Browser,
) -> None:
    assert _post_entry(browser, csrf=False).status_code == 403
    other = browser.client.post(
        "/log/new",
        data={**ENTRY, CSRF_FIELD: browser.lock.csrf_token()},
        headers={"Host": HOST, "Origin": "http://evil.example"},
    )
    assert other.status_code == 403
    export = browser.client.post("/log/export", data={"format": "json"}, headers={"Host": HOST})
    assert export.status_code == 403
    assert _entries() == []


def test_a_request_with_another_host_is_refused(browser: Browser) -> None:
    page = browser.client.get("/log", headers={"Host": "evil.example:8765"})
    assert page.status_code == 403


def test_a_file_is_judged_by_its_content_not_its_name(browser: Browser) -> None:
    page = _post_entry(browser, files=[(b"MZ\x90\x00 not a picture", "photo.png")])
    assert page.status_code == 400
    text = _text(page)
    assert "File 1 (photo.png) is not a photo, screenshot or scan" in text
    assert "choose your files again" in text
    assert _entries() == []
    page = _post_entry(browser, files=[(PNG, "notes.txt"), (PDF, "letter")])
    assert page.request.path == "/log/1"
    kept = _entries()[0].attachments
    assert [(a.name, a.media_type) for a in kept] == [
        ("image-1.png", "image/png"),
        ("document-2.pdf", "application/pdf"),
    ]


def test_a_file_over_the_limit_is_refused_with_the_typed_entry_kept(browser: Browser) -> None:
    too_big = PNG + bytes(MAX_FILE_BYTES + 1 - len(PNG))
    page = _post_entry(browser, files=[(too_big, "huge.png")])
    assert page.status_code == 400
    text = _text(page)
    assert f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB" in text
    assert "Card left at reception" in text  # what was typed comes back
    assert _entries() == []


def test_too_many_files_are_refused(browser: Browser) -> None:
    page = _post_entry(browser, files=[(PNG, f"p{n}.png") for n in range(MAX_FILES + 1)])
    assert page.status_code == 400
    assert f"at most {MAX_FILES}" in _text(page)
    assert _entries() == []


def test_a_request_over_the_size_limit_is_refused_before_it_is_read(browser: Browser) -> None:
    assert MAX_REQUEST_BYTES >= MAX_FILES * MAX_FILE_BYTES  # the largest entry still fits
    browser.client.application.max_request_bytes = 10_000
    page = _post_entry(browser, files=[(PNG + bytes(20_000), "big.png")])
    assert page.status_code == 413
    assert "nothing was saved" in _text(page)
    assert _entries() == []


@pytest.mark.parametrize(
    "name", ["../../outside.png", "..\\..\\outside.png", "/etc/passwd", "C:\\Windows\\x.png", ""]
)
def test_a_path_in_the_file_name_is_never_used(browser: Browser, tmp_path: Path, name: str) -> None:
    footprint_home = data_dir()
    page = _post_entry(browser, files=[(PNG, name)] if name else [(PNG, "x.png")])
    assert page.request.path == "/log/1"
    kept = _entries()[0].attachments[0]
    assert kept.name == "image-1.png"
    files = footprint_home / "log" / "files"
    assert [p.name for p in files.iterdir()] == [kept.stored_name]
    written = {p.name for p in footprint_home.rglob("*")} | {p.name for p in tmp_path.rglob("*")}
    assert not {"outside.png", "passwd", "x.png"} & written
    assert not list((footprint_home / "log").glob(".upload-*"))  # the temporary copy is gone


def test_an_entry_and_its_files_are_shown(browser: Browser) -> None:
    _post_entry(browser, files=[(PNG, "a.png"), (PDF, "b.pdf")])
    text = _text(browser.get("/log/1"))
    assert '<img src="/log/1/file/1"' in text and "Unchanged since it was kept" in text
    image = browser.get("/log/1/file/1")
    assert image.mimetype == "image/png" and image.data == PNG
    scan = browser.get("/log/1/file/2")
    assert scan.mimetype == "application/octet-stream"
    assert 'filename="entry-1-file-2.pdf"' in scan.headers["Content-Disposition"]
    assert browser.get("/log/1/file/3").status_code == 404
    missing = browser.get("/log/9")
    assert missing.status_code == 404 and "There is no entry 9 in your log." in _text(missing)


def test_a_changed_kept_file_is_flagged_and_not_sent(browser: Browser) -> None:
    _post_entry(browser, files=[(PNG, "a.png")])
    with LogStore() as store:
        path = store.attachment_path(_entries()[0].attachments[0])
    path.write_bytes(PNG + b"changed")
    assert "Changed or missing since it was kept" in _text(browser.get("/log/1"))
    assert browser.get("/log/1/file/1").status_code == 409


def test_a_correction_is_a_new_entry_that_points_at_the_old_one(browser: Browser) -> None:
    _post_entry(browser)
    form = _text(browser.get("/log/1/correct"))
    assert "Correct entry 1" in form and "01/03/2025 09:15" in form and "EX-0001" in form
    fields = {**ENTRY, "what": "Card left at reception, signed.", "reason": "Missed the name"}
    page = _post_entry(browser, "/log/1/correct", fields)
    assert page.request.path == "/log/2"
    first, second = _entries()
    assert (second.corrects, second.reason) == (1, "Missed the name")
    assert second.when == first.when  # the time as shown was left alone: the original is kept
    assert first.what == ENTRY["what"]  # the corrected entry is untouched
    assert "Corrected by entry 2" in _text(browser.get("/log"))
    assert footprint("log", "verify").code == 0


def test_the_downloaded_zip_verifies_with_its_files(browser: Browser, tmp_path: Path) -> None:
    _post_entry(browser, files=[(PNG, "a.png")])
    page = browser.post("/log/export", {"format": "all", "name": "Dr Alex Example"})
    assert page.mimetype == "application/zip"
    assert "attachment;" in page.headers["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(page.data)) as archive:
        archive.extractall(tmp_path / "unzipped")
    (json_file,) = (tmp_path / "unzipped").rglob("contact-log.json")
    assert {p.name for p in json_file.parent.iterdir()} >= {
        "contact-log.html",
        "contact-log.csv",
        "attachments",
    }
    result = verify_export(json_file)
    assert result.ok and result.files_checked == 1 and result.files_not_checked == 0
    with LogStore() as store:
        assert result.head == store.verify().head
    assert "Dr Alex Example" in json_file.read_text(encoding="utf-8")


def test_one_format_downloads_alone(browser: Browser, tmp_path: Path) -> None:
    _post_entry(browser)
    page = browser.post("/log/export", {"format": "json"})
    assert page.mimetype == "application/json"
    (tmp_path / "contact-log.json").write_bytes(page.data)
    assert verify_export(tmp_path / "contact-log.json").ok
    csv = browser.post("/log/export", {"format": "csv"})
    assert csv.mimetype == "text/csv" and "Card left at reception" in csv.get_data(as_text=True)
    assert browser.post("/log/export", {"format": "exe"}).status_code == 400


def test_a_changed_log_is_said_in_the_logs_own_words_and_exported_with_the_damage_marked(
    browser: Browser,
) -> None:
    _post_entry(browser)
    with LogStore() as store:
        store._db.execute("UPDATE entries SET what = 'edited' WHERE seq = 1")
    text = _text(browser.get("/log"))
    assert "Your log is not intact." in text
    assert "Entry 1 no longer matches: its content has changed since it was written." in text
    assert "you can still download everything" in _text(browser.get("/log/export"))
    page = browser.post("/log/export", {"format": "json"})
    assert page.status_code == 200
    exported = json.loads(page.get_data(as_text=True))
    assert exported["damage"]["first_entry"] == 1  # the damage is named, nothing is dropped
    assert "not intact" in _text(browser.get("/log/verify"))


def test_the_check_page_compares_a_digest_from_a_copy(browser: Browser) -> None:
    _post_entry(browser)
    with LogStore() as store:
        head = store.verify().head
    text = _text(browser.get("/log/verify"))
    assert head in text and "Your log is intact:</strong> 1 entry" in text
    assert "It matches" in _text(browser.get(f"/log/verify?digest={head.upper()}"))
    assert "It does not match" in _text(browser.get("/log/verify?digest=" + "0" * 64))


def test_the_danger_box_leads_to_a_new_entry_in_one_click(tmp_path: Path) -> None:
    with Store(tmp_path / "store.db") as store:
        audit = UiAudit(_options(tmp_path, store))
        browser = Browser(audit)
        browser.post("/start", {"length": "quick"})
        browser.post(
            "/profile", {"name": "Alex Example", "title": "Dr", "role": "gp", "jurisdiction": "GB"}
        )
        page = browser.post("/response", {"answer": "yes"})
        text = _text(page)
        assert "If you are in danger now" in text
        assert 'href="/log/new"' in text
        new = _text(browser.get("/log/new"))
        assert "Write down a contact" in new and "Back to your privacy check" in new
        _post_entry(browser)
        export = _text(browser.get("/log/export"))
        assert 'name="name" value="Dr Alex Example"' in export  # from the open audit


def test_the_demo_writes_to_a_practice_log_never_the_doctors_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from footprint.demo.run import demo_profile

    fictional = demo_profile("http://127.0.0.1:9")
    practice = tmp_path / "practice"
    browser = Browser(UiAudit(_options(tmp_path, preset_profile=fictional, log_folder=practice)))
    page = _post_entry(browser)
    assert page.request.path == "/log/1" and "practice log" in _text(page)
    with LogStore(practice) as store:
        assert store.count() == 1
    # Started without a folder for it, the demo still never writes to the doctor's own log.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    browser = Browser(UiAudit(_options(tmp_path, preset_profile=fictional)))
    assert _post_entry(browser).request.path == "/log/1"
    assert len(list((tmp_path / "temp").glob("footprint-demo-log-*/contact-log.db"))) == 1
    assert _entries() == []  # the doctor's own log is untouched


def test_the_browser_report_leads_to_the_contact_log(tmp_path: Path) -> None:
    words = step_words(NextStep(kind=NextStepKind.START_LOG), Reader.BROWSER)
    assert "\u201cContact log\u201d" in words and not COMMAND.search(words)
    with Store(tmp_path / "store.db") as store:
        browser = Browser(UiAudit(_options(tmp_path, store)))
        browser.post("/start", {"length": "quick"})
        browser.post("/profile", {"name": "Alex Example", "role": "gp", "jurisdiction": "GB"})
        if browser.post("/response", {"answer": "yes"}).request.path == "/consent":
            browser.post("/consent", {})
        browser.post("/stop")
        report = browser.post("/report")
        assert report.request.path == "/report"
        assert 'href="/log/new"' in report.get_data(as_text=True)
