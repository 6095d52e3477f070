"""The journey the engine owns: one order of steps, lookups that start when consent is complete,
and one end-of-audit rule for lookups still running, the same whichever face asks."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.auditrun import PROFILE
from tests.uiclient import HOST, Browser

from footprint.audit import background
from footprint.audit.engine import AuditEngine
from footprint.audit.flow import AuditOptions
from footprint.audit.journey import Step
from footprint.cli.lookupui import wait_with_progress
from footprint.content.checklists import shipped_catalogue
from footprint.lookups.interface import Lookup
from footprint.lookups.runner import STOPPED
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import Answer
from footprint.net.client import GatedClient
from footprint.store.sessions import Store
from footprint.ui.controller import UiAudit, UiOptions
from footprint.ui.security import CSRF_FIELD
from footprint.util.settings import Settings

RELEASE = threading.Event()


class SlowLookup(Lookup):
    """A lookup that does not finish until the test lets it (it sends nothing)."""

    id = "slow-stand-in"
    title = "A lookup that takes its time"

    def hosts(self, profile: Profile) -> frozenset[str]:
        return frozenset({"127.0.0.1"})

    def sends(self, profile: Profile) -> str:
        return "nothing: a stand-in that waits"

    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        RELEASE.wait(30)
        return [self.not_found(self.title)]


@pytest.fixture(autouse=True)
def _only_the_slow_lookup(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    RELEASE.clear()
    monkeypatch.setattr(
        background, "all_lookups", lambda settings, quick=False: [SlowLookup(settings)]
    )
    yield
    RELEASE.set()  # let the stand-in's thread end


def _profile() -> Profile:
    import yaml

    return Profile.model_validate(yaml.safe_load(PROFILE))


def _engine(tmp_path: Path, deadline_s: float = 30.0) -> AuditEngine:
    return AuditEngine.start(
        shipped_catalogue(),
        _profile(),
        AuditOptions(quick=True, deadline_s=deadline_s),
        Settings(env={}),
        Store(tmp_path / "fp.db"),
    )


def _slow_outcome(engine: AuditEngine) -> Observation:
    assert engine.outputs is not None
    report = engine.outputs.report
    assert [lk.id for lk in report.lookups] == ["slow-stand-in"]
    return next(o for o in engine.flow.state.observations if o.lookup_id == "slow-stand-in")


def test_the_steps_come_in_one_order_and_lookups_start_when_consent_is_complete(
    tmp_path: Path,
) -> None:
    engine = _engine(tmp_path)
    assert engine.next_step() is Step.RESPONSE
    assert engine.next_step(can_ask=False) is Step.CONSENT  # nobody to ask: no first question
    engine.answer_response(Answer.NO)
    assert engine.next_step() is Step.CONSENT
    assert not engine.status().started
    engine.decide("slow-stand-in", True)
    assert engine.status().started  # no face had to start them
    assert engine.next_step() is Step.QUESTION
    assert engine.next_step(can_ask=False) is Step.FINISH
    engine.stop()
    assert engine.next_step() is Step.FINISH
    assert engine.questions_left() > 0


def test_lookups_still_running_get_a_visible_bound_then_read_couldnt_check(tmp_path: Path) -> None:
    engine = _engine(tmp_path, deadline_s=30.0)
    engine.answer_response(Answer.NO)
    engine.decide("slow-stand-in", True)
    left = engine.lookups_time_left()
    assert left is not None and 0 < left <= 30.0
    engine.stop()
    engine.finish(["json"], tmp_path / "out")
    assert engine.next_step() is Step.REPORT
    slow = _slow_outcome(engine)
    assert slow.outcome is Outcome.COULDNT_CHECK and slow.reason == STOPPED
    assert engine.lookups_time_left() is None


def test_the_terminal_waits_until_the_deadline_then_the_rest_reads_couldnt_check(
    tmp_path: Path,
) -> None:
    engine = _engine(tmp_path, deadline_s=1.0)
    engine.decide_by_option("all", asked=False)
    wait_with_progress(engine)  # returns once the deadline stopped the stand-in
    engine.finish(["json"], tmp_path / "out")
    slow = _slow_outcome(engine)
    assert slow.outcome is Outcome.COULDNT_CHECK and slow.outcome is not Outcome.NOT_FOUND


def test_the_browser_shows_the_bound_and_ends_lookups_by_the_same_rule(tmp_path: Path) -> None:
    with Store(tmp_path / "ui.db") as store:
        audit = UiAudit(
            UiOptions(
                settings=Settings(env={}),
                store=store,
                reports_base=tmp_path / "reports",
                profile_folder=tmp_path,
            )
        )
        browser = Browser(audit)
        browser.post("/start", {"length": "quick"})
        browser.client.post(
            "/profile/upload",
            data={
                CSRF_FIELD: browser.lock.csrf_token(),
                "file": (io.BytesIO(PROFILE.encode()), "p.yaml"),
            },
            headers={"Host": HOST, "Origin": browser.lock.origin},
        )
        browser.post("/response", {"answer": "no"})
        page = browser.post("/consent", {"slow-stand-in": "yes"})
        assert page.request.path == "/question"
        assert audit.engine is not None and audit.engine.status().started
        page = browser.post("/stop")
        assert page.request.path == "/finish"
        text = page.get_data(as_text=True)
        assert "footprint waits at most" in text and "seconds more" in text
        page = browser.post("/report")
        assert page.request.path == "/report"
        slow = _slow_outcome(audit.engine)
        assert slow.outcome is Outcome.COULDNT_CHECK and slow.reason == STOPPED


def test_the_browser_deletes_sessions_past_their_retention_and_says_so(tmp_path: Path) -> None:
    with Store(tmp_path / "ui.db") as store:
        old = store.create_session(_profile(), retention_days=0)
        kept = store.create_session(_profile())
        audit = UiAudit(UiOptions(settings=Settings(env={}), store=store, profile_folder=tmp_path))
        ids = [s.id for s in store.list_sessions()]
        assert old not in ids and kept in ids
        page = Browser(audit).get("/")
        assert "1 earlier audit was past the time it said it would be kept" in page.get_data(
            as_text=True
        )


def test_demo_audits_are_never_offered_to_a_real_audit(tmp_path: Path) -> None:
    from footprint.audit.desk import AuditDesk

    with Store(tmp_path / "fp.db") as store:
        demo = AuditDesk(store, demo=True).start(_profile(), AuditOptions(), Settings(env={}))
        real = AuditDesk(store).start(_profile(), AuditOptions(quick=True), Settings(env={}))
        real_offers = AuditDesk(store).unfinished()
        demo_offers = AuditDesk(store, demo=True).unfinished()
    assert [a.id for a in real_offers] == [real.session_id]
    assert [a.id for a in demo_offers] == [demo.session_id]
    label = real_offers[0].label()
    assert "Alex Example" in label and "quick audit" in label and "0 of " in label
    assert "(demo)" in demo_offers[0].label() and "full audit" in demo_offers[0].label()
