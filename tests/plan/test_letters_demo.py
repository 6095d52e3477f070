"""The demo audit: every action in its plan that needs someone else gets a draft."""

from __future__ import annotations

import email
import json
from datetime import date
from email import policy
from pathlib import Path

import pytest

from footprint.audit.desk import AuditDesk
from footprint.audit.flow import AuditOptions
from footprint.demo.run import DEMO_TOTAL_TIMEOUT, demo_environment
from footprint.model.profile import Profile
from footprint.net.client import FetchLimits
from footprint.plan.letters import RequestKind, draft, request_for, write_draft
from footprint.report.model import Report

# The demo's actions that need someone else, and the request each needs.
EXPECTED = {
    "page-scan.personal-phone": RequestKind.PAGE_OWNER,
    "page-scan.personal-email": RequestKind.PAGE_OWNER,
    "search-pages.personal-phone": RequestKind.PAGE_OWNER,
    "company.service-address-is-home": RequestKind.COMPANIES_HOUSE_ADDRESS,
    "companies-house.home-address": RequestKind.COMPANIES_HOUSE_ADDRESS,
    "address.open-register": RequestKind.OPEN_REGISTER,
    "web-search.people-search.192-com": RequestKind.ERASURE,
    "listings.days-worked-published": RequestKind.PAGE_OWNER,
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Profile]:
    out = tmp_path_factory.mktemp("demo")
    with demo_environment() as env:
        engine = AuditDesk(None, demo=True).start(
            env.profile,
            AuditOptions(deadline_s=30.0),
            env.settings,
            granted_by=env.granted_by,
            limits=FetchLimits(total_timeout=DEMO_TOTAL_TIMEOUT, connect_timeout=2.0),
        )
        engine.load_answers_file(env.answers_path)
        engine.decide_by_option("all", asked=False)
        while not engine.wait_lookups(timeout=0.5):
            pass
        engine.finish(["json"], out)
        report = Report.model_validate(json.loads((out / "report.json").read_text()))
        return report, env.profile


@pytest.mark.slow  # a whole demo audit, lookups included
def test_every_demo_action_that_needs_someone_else_gets_a_draft(
    demo: tuple[Report, Profile], tmp_path: Path
) -> None:
    report, doctor = demo
    needs = {}
    for f in report.findings:
        need = request_for(f, doctor)
        if need is None:
            continue
        needs[f.id.split(":")[0]] = need
        d = draft(need, doctor, today=date(2026, 12, 6))
        assert d.text.strip() and d.subject, f.id
        files = write_draft(d, tmp_path, f.id.replace(":", "-"))
        message = email.message_from_bytes(files[1].read_bytes(), policy=policy.default)
        assert message["Subject"] == d.subject
        shown = set(need.shown)
        if need.kind is RequestKind.OPEN_REGISTER:  # the council holds the address already
            shown |= {doctor.private.home_street or "", doctor.private.home_postcode or ""}
        for value in doctor.private_values():
            if value not in shown:
                assert value not in "".join(p.read_text(encoding="utf-8") for p in files), f.id
    assert {fid: needs[fid].kind for fid in EXPECTED if fid in needs} == EXPECTED


@pytest.mark.slow
def test_the_demo_page_owner_drafts_quote_the_page_and_the_detail(
    demo: tuple[Report, Profile],
) -> None:
    report, doctor = demo
    phone = next(f for f in report.findings if f.id.startswith("page-scan.personal-phone"))
    need = request_for(phone, doctor)
    assert need is not None and need.page_url and need.page_url.endswith("/practice/team.html")
    text = draft(need, doctor, today=date(2026, 12, 6)).text
    assert need.page_url in text and "07700 900123" in text
    assert "alex.example.home@gmail.com" not in text and "EX1 2AB" not in text
