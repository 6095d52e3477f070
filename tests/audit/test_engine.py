"""A whole audit driven through the engine alone, as a web UI would: no Click, no terminal."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from footprint.audit.answers import RESPONSE_ID
from footprint.audit.engine import AuditEngine
from footprint.audit.flow import AuditOptions
from footprint.content.checklists import shipped_catalogue
from footprint.demo.run import demo_environment
from footprint.model.profile import Profile
from footprint.model.vocab import Answer
from footprint.net.client import FetchLimits
from footprint.store.sessions import Store
from footprint.util.settings import Settings


@pytest.mark.slow  # a whole demo audit, lookups included
def test_a_whole_audit_through_the_engine(tmp_path: Path) -> None:
    store = Store(tmp_path / "fp.db")
    with demo_environment() as env:
        engine = AuditEngine.start(
            shipped_catalogue(),
            env.profile,
            AuditOptions(deadline_s=30.0, quick=True),
            env.settings,
            store,
            limits=FetchLimits(total_timeout=2.0, connect_timeout=1.0),
        )
        assert engine.response_question() is not None
        engine.answer_response(Answer.NO)
        assert engine.response_question() is None
        questions = engine.consent_questions()
        assert questions and all(q.destinations for q in questions)
        for q in questions:  # each decision is a separate call, as from separate requests
            engine.decide(q.lookup_id, granted=q.lookup_id == "page-scan")
        assert engine.consent_questions() == []
        statuses = []
        reader = threading.Thread(target=lambda: statuses.append(engine.status()))
        reader.start()  # a status read from another thread while questions are answered

        first = engine.next_question()
        assert first is not None and first.progress.index == 1
        assert first.progress.total <= 30 and "min left" in first.progress.label()
        engine.answer(first.item.id, Answer.YES)
        second = engine.next_question()
        assert second is not None and second.progress.index == 2
        assert engine.back()  # back to the first: changed, stored at once
        again = engine.next_question()
        assert again is not None and again.item.id == first.item.id
        assert again.current is Answer.YES and again.progress.index == 1
        engine.answer(first.item.id, Answer.NO)
        assert store.load(str(engine.session_id)).answers[first.item.id] is Answer.NO

        nxt = engine.next_question()
        assert nxt is not None and nxt.item.id == second.item.id
        while nxt is not None and not engine.can_skip(nxt.item.area):  # only apps are skipped
            engine.answer(nxt.item.id, Answer.NO)
            nxt = engine.next_question()
        assert nxt is not None
        skipped_area = nxt.item.area
        assert engine.skip_area(skipped_area) >= 1
        # An answer given before its area was skipped no longer counts (skipped means skipped).
        asked = [first.item.id] if first.item.area != skipped_area else []
        while (q := engine.next_question()) is not None:
            assert q.item.area != skipped_area
            engine.answer(q.item.id, Answer.NO)
            asked.append(q.item.id)
        reader.join()
        assert statuses and statuses[0].started
        while not engine.wait_lookups(timeout=0.2):
            pass
        assert not engine.status().running
        outputs = engine.finish(["json", "md"], tmp_path / "out")
    assert not outputs.failed and len(outputs.written) == 2
    data = json.loads((tmp_path / "out" / "report.json").read_text())
    assert set(asked) <= set(data["answered"])
    # A skipped area is listed once, apart, and never counted among the open questions.
    assert [a["area"] for a in data["skipped"]] == [skipped_area]
    still_open = [u["id"] for u in data["unanswered"] + data["to_finish"]]
    assert not any(i.startswith(skipped_area + ".") for i in still_open)
    assert data["to_finish"], "a quick audit leaves the rest for home"
    assert any(lk["id"] == "page-scan" for lk in data["lookups"])
    stored = store.load(str(engine.session_id))
    assert stored.answers[RESPONSE_ID] is Answer.NO and stored.report_json is not None
    assert stored.options["skipped_areas"] == [skipped_area]
    store.close()


def test_a_resumed_quick_audit_goes_on_to_the_list_for_home(tmp_path: Path) -> None:
    store = Store(tmp_path / "fp.db")
    profile = Profile(name="Alex Example", platforms=["facebook"])
    options = AuditOptions(quick=True, offline=True)
    engine = AuditEngine.start(shipped_catalogue(), profile, options, Settings(), store)
    quick = engine.flow.state.quick_ids
    assert quick is not None
    while (q := engine.next_question()) is not None:
        engine.answer(q.item.id, Answer.NO)
    report = engine.finish([], tmp_path / "out").report
    assert not report.unanswered and report.to_finish
    data = store.load(str(engine.session_id))
    resumed = AuditEngine.resume(shipped_catalogue(), data, options, Settings(), store)
    q = resumed.next_question()  # the quick questions are done: on to the list for home
    assert q is not None and q.item.id not in quick
    assert q.item.id in {u.id for u in report.to_finish}
    store.close()


def test_a_failed_format_keeps_the_others_and_the_answers(tmp_path: Path) -> None:
    store = Store(tmp_path / "fp.db")
    engine = AuditEngine.start(
        shipped_catalogue(),
        Profile(name="Alex Example"),
        AuditOptions(offline=True),
        Settings(),
        store,
    )
    q = engine.next_question()
    assert q is not None
    engine.answer(q.item.id, Answer.YES)
    outputs = engine.finish(["json", "pdf"], tmp_path / "out")  # no WeasyPrint in the tests
    assert [p.name for p in outputs.written] == ["report.json"]
    assert "pdf" in outputs.failed and "pip install '.[pdf]'" in outputs.failed["pdf"]
    assert store.load(str(engine.session_id)).answers[q.item.id] is Answer.YES
    store.close()


def test_the_engine_imports_no_user_interface() -> None:
    import re

    import footprint.audit

    folder = Path(footprint.audit.__file__).parent
    ui = re.compile(r"^\s*(import|from) (click|rich|flask|fastapi|starlette)\b", re.MULTILINE)
    offenders = [p.name for p in folder.glob("*.py") if ui.search(p.read_text())]
    assert offenders == []


def test_a_question_a_lookup_settled_is_not_asked_or_listed(tmp_path: Path) -> None:
    from footprint.lookups.registers.companies_house import HOME
    from footprint.model.observation import Observation, Outcome

    profile = Profile(name="Alex Example", has_company=True)
    engine = AuditEngine.start(
        shipped_catalogue(), profile, AuditOptions(offline=True), Settings(), None
    )
    settled = "company.service-address-is-home"
    before = engine.progress().total
    assert settled in {i.id for i in engine.flow.items}
    engine.flow.observe(
        Observation(
            lookup_id="companies-house", outcome=Outcome.FOUND, subject="officer", exposure=HOME
        )
    )  # as a lookup thread would, mid-interview
    assert engine.progress().total == before - 1
    asked = []
    while (q := engine.next_question()) is not None:
        asked.append(q.item.id)
        engine.answer(q.item.id, Answer.NA)
    assert settled not in asked
    report = engine.report()
    assert settled not in {u.id for u in report.unanswered}
    assert "companies-house.home-address" in {f.id for f in report.findings}
