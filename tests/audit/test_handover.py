"""The hand-over after an adviser call: the adviser's quick audit writes the member's file; a
fresh home opens it (`footprint audit --answers`, the `footprint ui` start page) and is asked
only the questions left, counted. The file carries no private detail, no adviser, no session."""

from __future__ import annotations

import io
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import yaml
from tests.auditrun import (
    PRIVATE_EMAIL,
    PRIVATE_PHONE,
    PRIVATE_POSTCODE,
    PROFILE,
    footprint,
    write_profile,
)
from tests.uiclient import HOST, Browser

from footprint.audit.desk import AuditDesk
from footprint.audit.engine import Outputs
from footprint.audit.flow import AuditOptions
from footprint.audit.handover import (
    HANDOVER_FILE,
    delete_expired_handovers,
    delete_handover,
    handover_folders,
)
from footprint.model.profile import load_profile
from footprint.model.vocab import Answer
from footprint.store.sessions import Store
from footprint.ui.controller import UiAudit, UiOptions
from footprint.ui.security import CSRF_FIELD
from footprint.util.settings import Settings

ADVISER, CASE = "Sam Adviser", "C-9"
CALL_PROFILE = PROFILE.replace("platforms: [facebook]", "platforms: [facebook, strava, instagram]")
PRIVATE = [PRIVATE_EMAIL, PRIVATE_PHONE, PRIVATE_POSTCODE, "12 Fictional Lane"]


def _adviser_call(folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Outputs, str]:
    """A quick adviser call: some answers exposed, some safe, one area skipped, then the
    report. Returns the outputs and the skipped area."""
    folder.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("FOOTPRINT_HOME", str(folder / "adviser"))
    profile = load_profile(write_profile(folder, CALL_PROFILE))
    options = AuditOptions(quick=True, offline=True, adviser=ADVISER, case=CASE)
    with AuditDesk.open() as desk:
        engine = desk.start(profile, options, Settings(env={}))
        engine.answer_response(Answer.NO)
        skipped, n = "", 0
        while (q := engine.next_question()) is not None:
            if n >= 3 and not skipped and engine.can_skip(q.item.area):  # an app, not a topic
                skipped = q.item.area
                engine.skip_area(skipped)
                continue
            engine.answer(q.item.id, Answer(q.item.exposed_when) if n % 2 else Answer.NO)
            n += 1
        outputs = engine.finish(["json", "md"], folder / "out")
        assert not outputs.failed
        assert desk.sessions() == [], "the call's session is deleted once the file is written"
    return outputs, skipped


def _left(outputs: Outputs) -> int:
    report = outputs.report
    return len(report.unanswered) + len(report.to_finish)


def test_the_hand_over_file_carries_the_answers_and_nothing_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs, skipped = _adviser_call(tmp_path, monkeypatch)
    assert outputs.handover == tmp_path / "out" / "member-copy"
    text = (outputs.handover / HANDOVER_FILE).read_text(encoding="utf-8")
    for forbidden in [*PRIVATE, ADVISER, CASE, "session"]:
        assert forbidden not in text, forbidden
    data = yaml.safe_load(text)
    call_answers = set(outputs.report.answered)
    assert call_answers <= set(data["answers"]) and len(call_answers) > 5
    # Answers given before an area was skipped travel too (the area stays skipped at home).
    assert {i.split(".")[0] for i in set(data["answers"]) - call_answers} <= {skipped}
    assert data["skipped_areas"] == [skipped]
    assert data["contacting_now"] == "no"
    assert data["profile"]["name"] == "Alex Example" and "private" not in data["profile"]
    assert "consent" not in text.lower().replace("consent is always asked", "")
    # The adviser copy counts every question left, as the member's home will ask them.
    adviser = json.loads((tmp_path / "out" / "adviser-copy" / "report.json").read_text())
    assert len(adviser["to_finish"]) == _left(outputs) > 30
    assert not [q for q in adviser["to_finish"] if q["id"].startswith(f"{skipped}.")]
    assert len(adviser["skipped"]) == 1


def test_a_fresh_home_asks_only_the_questions_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs, skipped = _adviser_call(tmp_path, monkeypatch)
    assert outputs.handover is not None
    handover = outputs.handover / HANDOVER_FILE
    expected = _left(outputs)
    call_answers = set(outputs.report.answered)

    # Through the core, counting the questions one by one.
    monkeypatch.setenv("FOOTPRINT_HOME", str(tmp_path / "home-engine"))
    with AuditDesk.open() as desk:
        given = desk.read_answers(handover)
        assert given.profile is not None
        engine = desk.start(given.profile, AuditOptions(offline=True), Settings(env={}))
        engine.take_answers(given)
        assert engine.response_question() is None  # answered on the call
        asked = []
        while (q := engine.next_question()) is not None:
            asked.append(q.item.id)
            engine.answer(q.item.id, Answer.NO)
    assert len(asked) == expected
    assert not set(asked) & call_answers
    assert not [i for i in asked if i.startswith(f"{skipped}.")]

    # `footprint audit --answers handover.yaml`, no profile given: only those are left open.
    monkeypatch.setenv("FOOTPRINT_HOME", str(tmp_path / "home-cli"))
    out = tmp_path / "home-report"
    r = footprint("audit", "--answers", handover, "--offline", "--no-input", "--out", out)
    assert r.code == 0, r.stdout + r.stderr
    assert "profile in the hand-over file" in r.stdout
    home = json.loads((out / "report.json").read_text())
    assert len(home["unanswered"]) + len(home["to_finish"]) == expected
    assert call_answers <= set(home["answered"])
    assert [a["area"] for a in home["skipped"]] == [skipped]

    # The browser's start page: "Carry on from your adviser call".
    monkeypatch.setenv("FOOTPRINT_HOME", str(tmp_path / "home-ui"))
    with Store(tmp_path / "home-ui" / "store.db") as store:
        options = UiOptions(settings=Settings(env={}), store=store, reports_base=tmp_path / "r")
        audit = UiAudit(options)
        browser = Browser(audit)
        assert "Carry on from your adviser call" in browser.get("/").get_data(as_text=True)
        page = browser.client.post(
            "/handover",
            data={
                CSRF_FIELD: browser.lock.csrf_token(),
                "file": (io.BytesIO(handover.read_bytes()), "handover.yaml"),
            },
            headers={"Host": HOST, "Origin": browser.lock.origin},
            follow_redirects=True,
        )
        # The details from the call, filled in: the member adds their personal ones.
        assert page.request.path == "/profile"
        assert "Alex Example" in page.get_data(as_text=True)
        assert PRIVATE_PHONE not in page.get_data(as_text=True)
        page = browser.upload_profile(CALL_PROFILE)
        assert page.request.path == "/consent"  # consent is always asked at home
        page = browser.post("/consent", {})
        assert page.request.path == "/question"
        assert audit.engine is not None and audit.engine.questions_left() == expected
        # The progress counts the call's answers as done: "24/116" with 93 left.
        progress = audit.engine.progress()
        assert progress.total - progress.index + 1 == expected
        assert f"{progress.index}/{progress.total}," in page.get_data(as_text=True)
        asked_in_browser = _answer_every_question(browser)
    assert len(asked_in_browser) == expected
    assert not set(asked_in_browser) & call_answers
    assert not [i for i in asked_in_browser if i.startswith(f"{skipped}.")]


def _answer_every_question(browser: Browser) -> list[str]:
    """Answer "no" to each question the browser asks, as the page names it; their ids."""
    asked: list[str] = []
    page = browser.get("/question")
    while page.request.path == "/question":
        match = re.search(r'name="item" value="([^"]+)"', page.get_data(as_text=True))
        assert match is not None
        asked.append(match.group(1))
        page = browser.post("/answer", {"item": match.group(1), "answer": "no"})
    return asked


def test_a_file_that_is_not_a_hand_over_is_refused_in_plain_words(tmp_path: Path) -> None:
    with Store(tmp_path / "store.db") as store:
        browser = Browser(UiAudit(UiOptions(settings=Settings(env={}), store=store)))
        for raw, words in (
            (b"", "choose the hand-over file"),
            (b"\xff\xfe", "not text"),
            (b"answers: {nope.nope: yes}\n", "unknown checklist item"),
            (b"answers: {}\n", "not the hand-over file"),
        ):
            page = browser.client.post(
                "/handover",
                data={CSRF_FIELD: browser.lock.csrf_token(), "file": (io.BytesIO(raw), "h.yaml")},
                headers={"Host": HOST, "Origin": browser.lock.origin},
            )
            assert page.status_code == 400, raw
            assert words in page.get_data(as_text=True).lower()


def test_hand_over_folders_are_deleted_when_asked_or_when_due(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = _adviser_call(tmp_path / "a", monkeypatch)
    assert first.handover is not None and first.handover.is_dir()
    assert [f.path for f in handover_folders()] == [first.handover.resolve()]
    assert delete_handover(first.handover) and not first.handover.exists()
    assert handover_folders() == []

    second, _ = _adviser_call(tmp_path / "b", monkeypatch)
    assert second.handover is not None
    soon = datetime.now(timezone.utc) + timedelta(days=13)
    assert delete_expired_handovers(soon) == [] and second.handover.exists()
    due = datetime.now(timezone.utc) + timedelta(days=14, minutes=1)
    assert delete_expired_handovers(due) == [second.handover.resolve()]
    assert not second.handover.exists()


def test_in_the_browser_the_adviser_is_told_what_to_send_and_deletes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FOOTPRINT_HOME", str(tmp_path / "adviser"))
    with Store(tmp_path / "adviser" / "store.db") as store:
        options = UiOptions(
            settings=Settings(env={}), store=store, reports_base=tmp_path / "reports"
        )
        audit = UiAudit(options)
        browser = Browser(audit)
        browser.post("/start", {"length": "quick", "adviser": ADVISER, "case": CASE})
        page = browser.upload_profile(CALL_PROFILE)
        if page.request.path == "/response":
            page = browser.post("/response", {"answer": "no"})
        if page.request.path == "/consent":
            browser.post("/consent", {})
        browser.post("/stop")
        text = browser.post("/report").get_data(as_text=True)
        assert "For the member" in text and "Delete the member" in text
        assert "Carry on with this audit" not in text  # the call's session is gone
        assert store.list_sessions() == []
        assert audit.outputs is not None and audit.outputs.handover is not None
        folder = audit.outputs.handover
        assert (folder / HANDOVER_FILE).exists()
        names = [p.name for p in audit.written()]
        download = browser.get(f"/download/{names.index(HANDOVER_FILE)}")
        assert 'filename="handover.yaml"' in download.headers["Content-Disposition"]
        done = browser.post("/handover/delete")
        assert "deleted from this computer" in done.get_data(as_text=True)
        assert not folder.exists()
        after = browser.get("/report").get_data(as_text=True)
        assert "For the member" not in after and "member copy" not in after


def test_the_terminal_deletes_the_members_files_when_the_adviser_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import footprint.cli.auditcmd as auditcmd

    monkeypatch.setattr(auditcmd, "_interactive", lambda no_input: True)
    profile = write_profile(tmp_path, CALL_PROFILE)
    out = tmp_path / "out"
    args = ["audit", "--profile", profile, "--offline", "--quick", "--out", out]
    r = footprint(*args, "--adviser", ADVISER, "--case", CASE, input="n\nq\n\n")
    assert r.code == 0, r.stdout + r.stderr
    assert "Send the member the files in" in r.stdout
    assert "Deleted: the member's files are no longer on this computer." in r.stdout
    assert not (out / "member-copy").exists() and (out / "adviser-copy" / "report.md").exists()


def test_an_edited_list_of_hand_over_folders_never_deletes_anything_else(tmp_path: Path) -> None:
    from footprint.util.paths import data_dir

    other = tmp_path / "member-copy"
    other.mkdir()
    (other / "thesis.docx").write_text("not footprint's")
    elsewhere = tmp_path / "photos"
    elsewhere.mkdir()
    data_dir().mkdir(parents=True, exist_ok=True)
    long_ago = "2020-01-01T00:00:00+00:00"
    entries = [{"path": str(p), "written": long_ago} for p in (other, elsewhere)]
    (data_dir() / "handover-folders.json").write_text(json.dumps(entries))
    assert delete_expired_handovers() == []  # due, but not folders footprint wrote
    assert (other / "thesis.docx").exists() and elsewhere.exists()
    assert handover_folders() == []


def test_a_browser_call_hands_over_to_the_terminal_at_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The adviser runs the call in `footprint ui`; the member opens the downloaded file with
    `footprint audit --answers` and finds the call's answers kept and the skipped area gone."""
    monkeypatch.setenv("FOOTPRINT_HOME", str(tmp_path / "adviser"))
    handover = tmp_path / "Downloads" / HANDOVER_FILE
    with Store(tmp_path / "adviser" / "store.db") as store:
        options = UiOptions(
            settings=Settings(env={}), store=store, reports_base=tmp_path / "reports"
        )
        audit = UiAudit(options)
        browser = Browser(audit)
        browser.post("/start", {"length": "quick", "adviser": ADVISER, "case": CASE})
        page = browser.upload_profile(CALL_PROFILE)
        if page.request.path == "/response":
            page = browser.post("/response", {"answer": "no"})
        if page.request.path == "/consent":
            browser.post("/consent", {})
        assert audit.engine is not None
        call_answers = []
        for _ in range(4):
            question = audit.engine.next_question()
            assert question is not None
            browser.post("/answer", {"item": question.item.id, "answer": "no"})
            call_answers.append(question.item.id)
        browser.post("/skip", {"area": "strava"})
        browser.post("/stop")
        browser.post("/report")
        assert audit.outputs is not None
        left = len(audit.outputs.report.unanswered) + len(audit.outputs.report.to_finish)
        names = [p.name for p in audit.written()]
        handover.parent.mkdir()
        handover.write_bytes(browser.get(f"/download/{names.index(HANDOVER_FILE)}").data)

    monkeypatch.setenv("FOOTPRINT_HOME", str(tmp_path / "home"))
    out = tmp_path / "home-report"
    r = footprint("audit", "--answers", handover, "--offline", "--no-input", "--out", out)
    assert r.code == 0, r.stdout + r.stderr
    home = json.loads((out / "report.json").read_text())
    kept = {i for i in call_answers if not i.startswith("strava.")}  # skipped: not counted
    assert kept and kept <= set(home["answered"])
    assert not [i for i in home["answered"] if i.startswith("strava.")]
    assert [a["area"] for a in home["skipped"]] == ["strava"]
    assert len(home["unanswered"]) + len(home["to_finish"]) == left > 30
