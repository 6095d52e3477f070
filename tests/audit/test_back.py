"""Back works everywhere: after a resume (the history is rebuilt from the store), on the first
question (back to "Is a patient contacting you now?"), and after "Stop here"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from footprint.audit.answers import RESPONSE_ID
from footprint.audit.engine import AuditEngine
from footprint.audit.flow import AuditOptions
from footprint.audit.journey import Step
from footprint.content.checklists import shipped_catalogue
from footprint.model.profile import Profile
from footprint.model.vocab import Answer
from footprint.store.sessions import Store
from footprint.util.settings import Settings

PROFILE = Profile(name="Alex Example", platforms=["facebook", "strava"])
OPTIONS = AuditOptions(quick=True, offline=True)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "fp.db") as opened:
        yield opened


def _started(store: Store) -> AuditEngine:
    engine = AuditEngine.start(shipped_catalogue(), PROFILE, OPTIONS, Settings(env={}), store)
    engine.answer_response(Answer.NO)
    return engine


def _resumed(store: Store, engine: AuditEngine) -> AuditEngine:
    data = store.load(str(engine.session_id))
    return AuditEngine.resume(shipped_catalogue(), data, OPTIONS, Settings(env={}), store)


def _answer(engine: AuditEngine, count: int) -> list[str]:
    asked = []
    for _ in range(count):
        question = engine.next_question()
        assert question is not None
        engine.answer(question.item.id, Answer.YES)
        asked.append(question.item.id)
    return asked


def test_back_after_a_resume_reasks_the_last_answer_given(store: Store) -> None:
    engine = _started(store)
    asked = _answer(engine, 3)
    resumed = _resumed(store, engine)
    assert resumed.back_leads_to() is Step.QUESTION
    assert resumed.back()
    question = resumed.next_question()
    assert question is not None and question.item.id == asked[-1]
    assert question.current is Answer.YES
    assert resumed.back()
    question = resumed.next_question()
    assert question is not None and question.item.id == asked[-2]
    resumed.answer(asked[-2], Answer.NO)  # an earlier answer changed after Carry on
    assert store.load(str(engine.session_id)).answers[asked[-2]] is Answer.NO


def test_back_after_a_resume_undoes_a_skipped_area(store: Store) -> None:
    engine = _started(store)
    question = engine.next_question()
    while question is not None and not engine.can_skip(question.item.area):  # apps only
        engine.answer(question.item.id, Answer.NO)
        question = engine.next_question()
    assert question is not None
    area = question.item.area
    assert engine.skip_area(area) >= 1
    resumed = _resumed(store, engine)
    assert area in resumed.flow.state.skipped_areas
    assert resumed.back()
    assert area not in resumed.flow.state.skipped_areas


def test_back_on_the_first_question_asks_the_opening_question_again(store: Store) -> None:
    engine = _started(store)
    first = engine.next_question()
    assert first is not None
    assert engine.back_leads_to() is Step.RESPONSE
    assert engine.back()
    assert engine.next_step() is Step.RESPONSE
    assert engine.response_question() is not None and engine.response_answer is Answer.NO
    engine.answer_response(Answer.YES)
    assert engine.next_step() is Step.QUESTION and engine.response_active
    question = engine.next_question()
    assert question is not None and question.item.id == first.item.id
    assert store.load(str(engine.session_id)).answers[RESPONSE_ID] is Answer.YES


def test_stop_here_has_a_way_back_to_the_questions(store: Store) -> None:
    engine = _started(store)
    _answer(engine, 1)
    engine.stop()
    assert engine.next_step() is Step.FINISH
    engine.go_on()
    assert engine.next_step() is Step.QUESTION
    engine.finish([], store.path.parent / "out")
    engine.go_on()  # once the report is written there is nothing to go back to
    assert engine.next_step() is Step.REPORT
