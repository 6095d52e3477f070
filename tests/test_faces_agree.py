"""Both faces give the same audit: one profile, answers and consent, through the terminal and
through the browser app, make the same report JSON apart from times and ids.

The browser is driven through its WSGI app (every page, as a person would go), answering each
question it is asked; the terminal then gets exactly those answers in an answers file, with
`--no-input` and the same consent. What may differ, and is blanked before comparing: when things
happened (`generated_at`, each consent's `at`, lookup durations), the session id, and how each
consent was given (`how`: "--consent none" in the terminal, the consent page in the browser),
which is the record of the channel, not of the audit.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from tests.auditrun import PROFILE, footprint
from tests.uiclient import HOST, Browser

from footprint.audit.answers import RESPONSE_ID
from footprint.store.sessions import Store
from footprint.ui.controller import UiAudit, UiOptions
from footprint.ui.security import CSRF_FIELD
from footprint.util.settings import Settings

#: A command a browser user cannot run: no page, and no browser-made report, may show one.
COMMAND = re.compile(
    r"\bfootprint (?:audit|ui|scan|profile|log|report|sessions|demo|lookups|checklist|diff)\b"
    r"|README"
)

#: The answers given: "yes" to these, "unsure" to these, "no" to everything else asked.
YES = {"facebook.lookup-by-phone", "contact.personal-mobile-to-patients"}
UNSURE = {"facebook.profile-picture-public"}


def _answer_for(item_id: str) -> str:
    return "yes" if item_id in YES else "unsure" if item_id in UNSURE else "no"


def _browser_audit(tmp_path: Path, length: str) -> tuple[dict[str, Any], dict[str, str]]:
    """Walk the browser face end to end; the report JSON and every answer given."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    with Store(tmp_path / "ui-store.db") as store:
        audit = UiAudit(
            UiOptions(
                settings=Settings(env={}),
                store=store,
                reports_base=tmp_path / "ui-reports",
                profile_folder=tmp_path,
            )
        )
        browser = Browser(audit)
        start = browser.get("/").get_data(as_text=True)
        profile_page = browser.post("/start", {"length": length})
        assert profile_page.request.path == "/profile"
        page = browser.client.post(
            "/profile/upload",
            data={
                CSRF_FIELD: browser.lock.csrf_token(),
                "file": (io.BytesIO(PROFILE.encode()), "p.yaml"),
            },
            headers={"Host": HOST, "Origin": browser.lock.origin},
            follow_redirects=True,
        )
        assert page.request.path == "/response"
        pages = [start, profile_page.get_data(as_text=True), page.get_data(as_text=True)]
        given = {RESPONSE_ID: "no"}
        page = browser.post("/response", {"answer": "no"})
        assert page.request.path == "/consent"
        pages.append(browser.get("/consent").get_data(as_text=True))
        page = browser.post("/consent", {})  # nothing chosen: every lookup refused
        while page.request.path == "/question":
            assert audit.engine is not None
            question = audit.engine.next_question()
            assert question is not None
            item = question.item.id
            given[item] = _answer_for(item)
            pages.append(page.get_data(as_text=True))
            page = browser.post("/answer", {"item": item, "answer": given[item]})
        assert page.request.path == "/finish"
        pages.append(page.get_data(as_text=True))
        page = browser.post("/report")
        assert page.request.path == "/report"
        pages.append(page.get_data(as_text=True))
        shown = [COMMAND.search(text) for text in pages]
        assert not any(shown), [m.group(0) for m in shown if m]
        json_file = next(p for p in audit.written() if p.name == "report.json")
        return json.loads(json_file.read_text()), given


def _terminal_audit(tmp_path: Path, given: dict[str, str], quick: bool) -> dict[str, Any]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    profile = tmp_path / "profile.yaml"
    profile.write_text(PROFILE)
    answers = tmp_path / "answers.yaml"
    answers.write_text("answers:\n" + "".join(f"  {k}: {v}\n" for k, v in given.items()))
    out = tmp_path / "cli-out"
    run = footprint(
        "audit",
        "--profile",
        profile,
        "--answers",
        answers,
        "--consent",
        "none",
        "--no-input",
        "--format",
        "json",
        "--out",
        out,
        *(["--quick"] if quick else []),
    )
    assert run.code == 0, run.stdout + run.stderr
    data: dict[str, Any] = json.loads((out / "report.json").read_text())
    return data


def _without_times_and_ids(report: dict[str, Any]) -> dict[str, Any]:
    session = report.get("session_id") or "<no session>"
    text = json.dumps(report, sort_keys=True).replace(session, "<session>")
    data: dict[str, Any] = json.loads(text)
    data["generated_at"] = "<time>"
    for consent in data.get("consents", []):
        consent["at"] = "<time>"
        consent["how"] = "<channel>"
    for lookup in data.get("lookups", []):
        lookup["duration_s"] = 0
    return data


@pytest.mark.parametrize("length", ["quick", "full"])
def test_the_terminal_and_the_browser_give_the_same_report(tmp_path: Path, length: str) -> None:
    browser_report, given = _browser_audit(tmp_path / "browser", length)
    assert len(given) > 10  # a real interview took place
    terminal_report = _terminal_audit(tmp_path / "terminal", given, quick=length == "quick")
    assert _without_times_and_ids(browser_report) == _without_times_and_ids(terminal_report)
    assert browser_report["findings"], "the answers given make findings"
