"""No browser page and no browser-made report shows a `footprint` command: the doctor in the
browser has no terminal. Every page type is rendered (a doctor's audit, one with a patient
contacting them, an adviser call, the error pages), then every report a browser writes and
every next step worded for the browser and for the member's copy."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from tests.auditrun import PROFILE
from tests.uiclient import HOST, Browser
from werkzeug.test import TestResponse

from footprint.report.model import NextStep, NextStepKind, Report
from footprint.report.nextsteps import Reader
from footprint.report.render import render_html, render_markdown
from footprint.store.sessions import Store
from footprint.ui.controller import UiAudit, UiOptions
from footprint.ui.security import CSRF_FIELD
from footprint.util.settings import Settings

COMMANDS = "audit|demo|ui|log|scan|report|profile|sessions|checklist|lookups"
# "Your footprint report" (a title) names a thing, not a command to run.
COMMAND = re.compile(rf"(?<![Yy]our )\bfootprint\s+(?:{COMMANDS})\b")
UI_PROFILE = PROFILE.replace("platforms: [facebook]", "platforms: [facebook, strava]")


def _commands(text: str) -> list[str]:
    return [text[max(0, m.start() - 60) : m.end() + 30] for m in COMMAND.finditer(text)]


class Pages:
    """Every page seen, by path, for the check at the end."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}

    def keep(self, page: TestResponse) -> TestResponse:
        self.seen[f"{page.request.path} ({len(self.seen)})"] = page.get_data(as_text=True)
        return page


def _walk(browser: Browser, pages: Pages, contacting: str, adviser: bool) -> None:
    """One audit through every page: start, profile (with an error), response, consent,
    question, skip, back, stop, finish, report, each report file, close."""
    pages.keep(browser.get("/"))
    start = {"length": "quick", **({"adviser": "Sam Adviser", "case": "C-1"} if adviser else {})}
    pages.keep(browser.post("/start", start))
    pages.keep(browser.upload_profile("name: [unclosed"))  # the profile page with an error
    page = pages.keep(browser.upload_profile(UI_PROFILE))
    if page.request.path == "/response":
        page = pages.keep(browser.post("/response", {"answer": contacting}))
    if page.request.path == "/consent":
        page = pages.keep(browser.post("/consent", {}))
    assert page.request.path == "/question"
    form = re.search(r'name="item" value="([^"]+)"', page.get_data(as_text=True))
    assert form is not None
    pages.keep(browser.post("/answer", {"item": form.group(1), "answer": "yes"}))
    pages.keep(browser.post("/back"))
    pages.keep(browser.post("/stop"))
    pages.keep(browser.get("/finish"))
    report = pages.keep(browser.post("/report"))
    for n in range(len(re.findall(r'href="/download/\d+"', report.get_data(as_text=True)))):
        download = browser.get(f"/download/{n}")
        if download.status_code == 200 and download.mimetype != "application/json":
            pages.keep(download)
    if adviser:
        pages.keep(browser.post("/handover/delete"))
    pages.keep(browser.post("/close"))


@pytest.mark.parametrize(
    ("contacting", "adviser"), [("no", False), ("yes", False), ("no", True), ("yes", True)]
)
def test_no_page_and_no_report_file_shows_a_command(
    tmp_path: Path, contacting: str, adviser: bool
) -> None:
    pages = Pages()
    with Store(tmp_path / "store.db") as store:
        options = UiOptions(settings=Settings(env={}), store=store, reports_base=tmp_path / "r")
        _walk(Browser(UiAudit(options)), pages, contacting, adviser)
        # the error pages: an unknown audit to carry on, a file that is no hand-over file
        fresh = Browser(UiAudit(options))
        pages.keep(fresh.get("/"))  # with the unfinished audit offered to carry on
        pages.keep(fresh.post("/resume/deadbeef"))
        pages.keep(
            fresh.client.post(
                "/handover",
                data={
                    CSRF_FIELD: fresh.lock.csrf_token(),
                    "file": (io.BytesIO(b"answers: {}\n"), "h.yaml"),
                },
                headers={"Host": HOST, "Origin": fresh.lock.origin},
            )
        )
    paths = {key.split(" ")[0] for key in pages.seen}
    assert {"/", "/profile", "/question", "/finish", "/report", "/close"} <= paths
    assert any(key.startswith("/download/") for key in pages.seen), "the report files"
    found = {key: _commands(text) for key, text in pages.seen.items()}
    assert {key: hits for key, hits in found.items() if hits} == {}


def _every_next_step(report: Report) -> Report:
    args = {"count": "2", "session_id": "0a1b2c3d", "months": "3"}
    steps = [NextStep(kind=kind, args=args) for kind in NextStepKind]
    plan = report.response_plan.model_copy(update={"active": True})
    return report.model_copy(update={"next_steps": steps, "response_plan": plan})


@pytest.mark.parametrize("reader", [Reader.BROWSER, Reader.MEMBER])
def test_no_next_step_worded_for_the_browser_or_the_member_shows_a_command(
    tmp_path: Path, reader: Reader
) -> None:
    from footprint.audit.engine import AuditEngine
    from footprint.audit.flow import AuditOptions
    from footprint.content.checklists import shipped_catalogue
    from footprint.model.profile import Profile

    profile = Profile(name="Alex Example", platforms=["facebook"])
    engine = AuditEngine.start(
        shipped_catalogue(), profile, AuditOptions(offline=True), Settings(env={}), None
    )
    report = _every_next_step(engine.report())
    for text in (render_html(report, reader), render_markdown(report, reader)):
        assert _commands(text) == []
    # The terminal's words do show commands: the check can fail.
    assert _commands(render_markdown(report, Reader.TERMINAL))
