"""The journey the engine owns: one order of steps, lookups that start when consent is complete,
and one end-of-audit rule for lookups still running, the same whichever face asks."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.auditrun import PROFILE
from tests.uiclient import Browser

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
        browser.upload_profile(PROFILE)
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


def test_the_browser_asks_before_deleting_sessions_past_their_retention(tmp_path: Path) -> None:
    with Store(tmp_path / "ui.db") as store:
        old = store.create_session(_profile(), retention_days=0, case_ref="C-9", adviser="Sam")
        kept = store.create_session(_profile())
        audit = UiAudit(UiOptions(settings=Settings(env={}), store=store, profile_folder=tmp_path))
        browser = Browser(audit)
        page = browser.get("/").get_data(as_text=True)
        assert "1 earlier audit is past the time it was to be kept" in page
        assert "case C-9: not finished" in page  # the doctor sees what would be deleted
        assert old in [s.id for s in store.list_sessions()]  # nothing deleted before the answer
        page = browser.post("/retention", {"choice": "keep", "session": old}).get_data(as_text=True)
        assert old in [s.id for s in store.list_sessions()] and "past the time" not in page
        again = Browser(UiAudit(UiOptions(settings=Settings(env={}), store=store)))
        later = store.create_session(_profile(), retention_days=0)  # expired after the page
        page = again.post("/retention", {"choice": "delete", "session": old}).get_data(as_text=True)
        assert sorted(s.id for s in store.list_sessions()) == sorted([kept, later])
        assert "Deleted 1 earlier audit from this computer" in page


def test_the_demo_never_offers_to_delete_real_audits(tmp_path: Path) -> None:
    with Store(tmp_path / "ui.db") as store:
        old = store.create_session(_profile(), retention_days=0)
        demo = UiAudit(UiOptions(settings=Settings(env={}), store=store, preset_profile=_profile()))
        assert demo.past_retention() == []
        demo.settle_retention(delete=True, chosen=[old])
        assert old in [s.id for s in store.list_sessions()]


def test_a_new_profile_or_set_up_starts_a_new_audit_and_the_open_one_is_kept(
    tmp_path: Path,
) -> None:
    with Store(tmp_path / "ui.db") as store:
        audit = UiAudit(UiOptions(settings=Settings(env={}), store=store, profile_folder=tmp_path))
        browser = Browser(audit)
        browser.post("/start", {"length": "quick", "adviser": "Sam", "case": "CASE-A"})
        browser.upload_profile(PROFILE)
        assert audit.engine is not None
        first = audit.engine.session_id
        browser.upload_profile(PROFILE)  # the same form sent twice: nothing more
        assert audit.engine.session_id == first
        page = browser.post("/start", {"length": "full", "adviser": "Sam", "case": "CASE-B"})
        assert page.request.path != "/profile" and audit.setup.case == "CASE-A"
        browser.upload_profile(PROFILE.replace("Alex Example", "Bea Example"))  # another member
        assert audit.engine.session_id != first and audit.engine.profile.name == "Bea Example"
        assert len(store.list_sessions()) == 2  # the first audit stays, to carry on later


def test_carrying_on_a_deleted_audit_says_so(tmp_path: Path) -> None:
    with Store(tmp_path / "ui.db") as store:
        browser = Browser(UiAudit(UiOptions(settings=Settings(env={}), store=store)))
        page = browser.post("/resume/deadbeef")
        text = page.get_data(as_text=True)
        assert page.status_code == 404 and "no longer on this computer" in text
        assert "disk" not in text


def test_a_quick_list_with_renamed_items_follows_the_renames(tmp_path: Path) -> None:
    from footprint.content.renames import RENAMED

    with Store(tmp_path / "fp.db") as store:
        session = _stopped_session(tmp_path, store)
        data = store.load(session)
        quick = list(data.options["quick_ids"])  # type: ignore[call-overload]
        old, new = next((o, n) for o, n in RENAMED.items() if n in quick)
        store.update_options(session, quick_ids=[old if i == new else i for i in quick])
        engine = AuditEngine.resume(
            shipped_catalogue(), store.load(session), AuditOptions(), Settings(env={}), store
        )
        assert engine.flow.state.quick_ids == quick


def test_questions_left_counts_only_unanswered_questions_after_a_back_step(tmp_path: Path) -> None:
    engine = _engine(tmp_path)
    engine.answer_response(Answer.NO)
    engine.decide("slow-stand-in", False)
    before = engine.questions_left()
    for _ in range(3):
        question = engine.next_question()
        assert question is not None
        engine.answer(question.item.id, Answer.NO)
    assert engine.back()
    engine.stop()
    assert engine.questions_left() == before - 3


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
    assert "Alex Example" in label and "quick audit" in label and "no answers yet" in label
    assert "(demo)" in demo_offers[0].label() and "full audit" in demo_offers[0].label()


RUNS: list[str] = []


class CountedLookup(SlowLookup):
    """The slow stand-in, counting each run."""

    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        RUNS.append(self.id)
        return super().run(profile, http)


class MovedLookup(SlowLookup):
    """The same lookup, now sending to another host."""

    def hosts(self, profile: Profile) -> frozenset[str]:
        return frozenset({"127.0.0.2"})


def _use(monkeypatch: pytest.MonkeyPatch, cls: type[Lookup]) -> None:
    monkeypatch.setattr(background, "all_lookups", lambda settings, quick=False: [cls(settings)])


def _stopped_session(tmp_path: Path, store: Store) -> str:
    engine = AuditEngine.start(
        shipped_catalogue(), _profile(), AuditOptions(quick=True), Settings(env={}), store
    )
    engine.answer_response(Answer.NO)
    engine.decide("slow-stand-in", True)
    engine.cancel_lookups()  # the doctor closed footprint: the lookup runs again on carrying on
    assert engine.session_id is not None
    return engine.session_id


def test_carry_on_pressed_twice_runs_each_lookup_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    _use(monkeypatch, CountedLookup)
    RUNS.clear()
    with Store(tmp_path / "fp.db") as store:
        session = _stopped_session(tmp_path, store)
        audit = UiAudit(UiOptions(settings=Settings(env={}), store=store, profile_folder=tmp_path))
        browser = Browser(audit)
        browser.post(f"/resume/{session}")
        browser.post(f"/resume/{session}")
        deadline = time.monotonic() + 5
        while len(RUNS) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
        assert RUNS == ["slow-stand-in", "slow-stand-in"]  # the first sitting, then one resume


def test_a_consent_given_for_other_hosts_is_asked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path / "fp.db") as store:
        session = _stopped_session(tmp_path, store)
        _use(monkeypatch, MovedLookup)
        engine = AuditEngine.resume(
            shipped_catalogue(), store.load(session), AuditOptions(), Settings(env={}), store
        )
        asked = engine.consent_questions()
        assert [q.destinations for q in asked] == [("127.0.0.2",)]
        assert not engine.status().started  # nothing runs on the old consent
        assert engine.next_step() is Step.CONSENT


def test_a_session_purged_mid_audit_lets_the_browser_start_again(tmp_path: Path) -> None:
    with Store(tmp_path / "ui.db") as store:
        audit = UiAudit(UiOptions(settings=Settings(env={}), store=store, profile_folder=tmp_path))
        browser = Browser(audit)
        browser.post("/start", {"length": "quick"})
        browser.upload_profile(PROFILE)
        browser.post("/response", {"answer": "no"})
        browser.post("/consent", {})
        assert audit.engine is not None
        question = audit.engine.next_question()
        assert question is not None
        store.purge(everything=True)
        page = browser.post("/answer", {"item": question.item.id, "answer": "no"})
        text = page.get_data(as_text=True)
        assert page.status_code == 409 and "saved answers were deleted" in text
        assert "footprint sessions" not in text and "--resume" not in text
        start = browser.get("/")
        assert start.request.path == "/" and "Start a new check" in start.get_data(as_text=True)
