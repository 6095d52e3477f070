"""Re-check against a local page: still there, gone, could not check; consent asked and kept; the
scheduled run asks nothing and tells the doctor only when something needs them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from footprint.audit.desk import AuditDesk
from footprint.audit.flow import AuditOptions
from footprint.model.profile import Profile
from footprint.plan import schedule
from footprint.plan.living import LivingPlan
from footprint.plan.model import ActionStatus
from footprint.plan.recheck import Recheck
from footprint.plan.scheduled import scheduled_recheck
from footprint.store.plans import PlanStore
from footprint.store.sessions import Store
from footprint.util.settings import Settings

MOBILE = "07700 900123"
LEAK = f"<html><body><h1>Our team</h1><p>Dr Alex Example, mobile {MOBILE}</p></body></html>"
FIXED = "<html><body><h1>Our team</h1><p>Dr Alex Example: call the surgery.</p></body></html>"
SETTINGS = Settings(env={}, allow_loopback=True)
TODAY = date(2026, 12, 6)


def _serve(server: HTTPServer, body: str, status: int = 200) -> None:
    server.clear()
    server.expect_request("/team.html").respond_with_data(
        body, status=status, content_type="text/html"
    )


@pytest.fixture
def living(tmp_path: Path, httpserver: HTTPServer) -> Iterator[LivingPlan]:
    """An audit whose page scan found the personal mobile, its action marked done."""
    _serve(httpserver, LEAK)
    profile = Profile.model_validate(
        {
            "name": "Alex Example",
            "role": "gp",
            "jurisdiction": "GB",
            "urls": [httpserver.url_for("/team.html")],
            "private": {"phones": [MOBILE]},
        }
    )
    with Store(tmp_path / "store.db") as store:
        engine = AuditDesk(store).start(profile, AuditOptions(deadline_s=20), SETTINGS)
        engine.decide_by_option("page-scan", asked=False)
        engine.wait_lookups()
        engine.finish(["json"], tmp_path / "report")
        opened = LivingPlan.open(store)
        action = next(a for a in opened.plan().actions if a.finding_id.startswith("page-scan."))
        opened.mark_done(action.id)
        yield opened


def _page_action(living: LivingPlan) -> tuple[ActionStatus, str]:
    action = next(a for a in living.plan().actions if a.finding_id.startswith("page-scan."))
    return action.status, action.note or ""


def _agree(rc: Recheck, granted: bool = True) -> None:
    for question in rc.questions:
        rc.decide(question, granted, "test")


def test_only_the_lookups_behind_done_actions_are_asked_about(living: LivingPlan) -> None:
    rc = Recheck(living, SETTINGS)
    assert [q.lookup_id for q in rc.questions] == ["page-scan"]
    assert rc.questions[0].destinations == ("localhost",)  # the page named in the profile


def test_still_there_then_gone(living: LivingPlan, httpserver: HTTPServer) -> None:
    rc = Recheck(living, SETTINGS)
    _agree(rc)
    (result,) = rc.run(TODAY)
    assert result.status is ActionStatus.STILL_THERE
    status, note = _page_action(living)
    assert status is ActionStatus.STILL_THERE and "/team.html" in note

    living.mark_done(result.action_id)
    _serve(httpserver, FIXED)
    rc = Recheck(living, SETTINGS)
    _agree(rc)
    (result,) = rc.run(TODAY)
    assert result.status is ActionStatus.CONFIRMED_GONE
    assert _page_action(living)[0] is ActionStatus.CONFIRMED_GONE


def test_a_page_that_cannot_be_checked_is_never_read_as_gone(
    living: LivingPlan, httpserver: HTTPServer
) -> None:
    _serve(httpserver, "busy", status=503)
    rc = Recheck(living, SETTINGS)
    _agree(rc)
    (result,) = rc.run(TODAY)
    assert result.status is None and "left as it was" in result.evidence
    assert _page_action(living)[0] is ActionStatus.DONE


def test_refused_consent_sends_nothing(living: LivingPlan, httpserver: HTTPServer) -> None:
    before = len(httpserver.log)
    rc = Recheck(living, SETTINGS)
    _agree(rc, granted=False)
    (result,) = rc.run(TODAY)
    assert result.status is None and len(httpserver.log) == before
    assert _page_action(living)[0] is ActionStatus.DONE


def test_the_scheduled_run_uses_the_kept_consent_and_leaves_a_notice(
    living: LivingPlan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans = PlanStore(living.store)
    schedule.install(schedule.schedule_for("cron", tmp_path, ["footprint"]), 30)
    # Nothing agreed for re-checks yet: the scheduled run sends nothing.
    first = scheduled_recheck(Recheck(living, SETTINGS), TODAY)
    assert first.ran and first.not_agreed == ["page-scan"] and first.told is None
    assert _page_action(living)[0] is ActionStatus.DONE

    _agree(Recheck(living, SETTINGS))  # the doctor agrees once, in an interactive re-check
    monkeypatch.setattr("footprint.plan.notify.shutil.which", lambda name: None)
    later = date(2027, 1, 10)
    run = scheduled_recheck(Recheck(living, SETTINGS), later)
    assert run.ran and run.not_agreed == [] and run.told == "notice"
    assert _page_action(living)[0] is ActionStatus.STILL_THERE
    (notice,) = plans.take_notices()
    assert "still there" in notice and MOBILE not in notice
    assert plans.take_notices() == []
    # Not due again until 30 days have passed.
    assert not scheduled_recheck(Recheck(living, SETTINGS), later).ran


def test_a_linked_page_the_re_check_did_not_reach_is_never_read_as_gone(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    # The mobile was on the contact page the audit reached from the listed page. Now the listed
    # page no longer links to it, but the contact page still shows the mobile: not reaching a
    # page is not finding it gone.
    home = '<html><body><h1>Hollyfield</h1><a href="/contact.html">Contact us</a></body></html>'
    unlinked = "<html><body><h1>Hollyfield</h1><p>Welcome.</p></body></html>"
    httpserver.expect_request("/index.html").respond_with_data(home, content_type="text/html")
    httpserver.expect_request("/contact.html").respond_with_data(LEAK, content_type="text/html")
    profile = Profile.model_validate(
        {
            "name": "Alex Example",
            "role": "gp",
            "jurisdiction": "GB",
            "urls": [httpserver.url_for("/index.html")],
            "private": {"phones": [MOBILE]},
        }
    )
    with Store(tmp_path / "store.db") as store:
        engine = AuditDesk(store).start(profile, AuditOptions(deadline_s=20), SETTINGS)
        engine.decide_by_option("page-scan", asked=False)
        engine.wait_lookups()
        engine.finish(["json"], tmp_path / "report")
        living = LivingPlan.open(store)
        action = next(a for a in living.plan().actions if a.finding_id.startswith("page-scan."))
        assert action.urls == [httpserver.url_for("/contact.html")]
        living.mark_done(action.id)

        httpserver.clear()
        httpserver.expect_request("/index.html").respond_with_data(
            unlinked, content_type="text/html"
        )
        httpserver.expect_request("/contact.html").respond_with_data(LEAK, content_type="text/html")
        rc = Recheck(living, SETTINGS)
        _agree(rc)
        (result,) = rc.run(TODAY)
        assert result.status is None and "left as it was" in result.evidence
        assert _page_action(living)[0] is ActionStatus.DONE
