"""The desk's list of unfinished audits: light to read, whole despite damage, honest counts;
and a demo audit is never carried on as a real one, nor a real one in the demo."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from footprint.audit.answers import RESPONSE_ID
from footprint.audit.desk import AuditDesk, UnfinishedAudit
from footprint.audit.flow import AuditOptions
from footprint.content.checklists import select_items, shipped_catalogue
from footprint.content.renames import RENAMED
from footprint.errors import InputError
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import Answer
from footprint.store.sessions import Store
from footprint.util.settings import Settings

CATALOGUE = shipped_catalogue()


def _profile(name: str = "Alex Example") -> Profile:
    return Profile(name=name)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "fp.db") as s:
        yield s


def _session(store: Store, *, answers: int = 3, observations: int = 2, demo: bool = False) -> str:
    profile = _profile()
    sid = store.create_session(profile, options={"quick": False, "demo": demo})
    store.save_answer(sid, RESPONSE_ID, Answer.NO)
    for item in select_items(CATALOGUE, profile)[:answers]:
        store.save_answer(sid, item.id, Answer.NO)
    for n in range(observations):
        obs = Observation(lookup_id=f"lookup-{n}", outcome=Outcome.NOT_FOUND, subject="page")
        store.save_observation(sid, obs)
    return sid


def _statements_while_listing(store: Store) -> list[str]:
    seen: list[str] = []
    store._db.set_trace_callback(seen.append)
    try:
        AuditDesk(store, catalogue=CATALOGUE).unfinished()
    finally:
        store._db.set_trace_callback(None)
    return seen


# -- light to read -------------------------------------------------------------------------


def test_listing_300_sessions_reads_no_more_than_listing_one(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both faces list at every start: the same queries for 300 sessions as for one, none of
    them reading observations, and no session loaded whole."""
    _session(store)
    one = _statements_while_listing(store)

    def whole_load(self: Store, session_id: str) -> None:
        raise AssertionError("the list of unfinished audits loaded a session whole")

    monkeypatch.setattr(Store, "load", whole_load)
    for _ in range(299):
        _session(store)
    many = _statements_while_listing(store)
    assert len(many) == len(one)
    assert not [s for s in many if "observations" in s.lower()], many
    assert len(AuditDesk(store, catalogue=CATALOGUE).unfinished()) == 300


def test_the_list_is_newest_first_and_leaves_out_finished_audits(store: Store) -> None:
    first, second, third = (_session(store) for _ in range(3))
    store.finish(second, "{}")
    # Sessions started in the same second are told apart by the order they were made in.
    listed = [a.id for a in AuditDesk(store, catalogue=CATALOGUE).unfinished()]
    assert listed == [third, first]


def test_with_a_profile_only_that_doctors_audits_are_listed(store: Store) -> None:
    mine = store.create_session(_profile("Alex Example"))
    store.create_session(_profile("Sam Other"))
    desk = AuditDesk(store, catalogue=CATALOGUE)
    assert [a.id for a in desk.unfinished(_profile("Alex Example"))] == [mine]
    assert len(desk.unfinished()) == 2


# -- whole despite damage ------------------------------------------------------------------


@pytest.mark.parametrize("options_json", ["null", "[]", '"quick"', "{not json"])
def test_a_session_with_damaged_options_is_left_out_and_the_rest_listed(
    store: Store, options_json: str
) -> None:
    good = _session(store)
    bad = _session(store)
    store._db.execute("UPDATE sessions SET options_json = ? WHERE id = ?", (options_json, bad))
    listed = AuditDesk(store, catalogue=CATALOGUE).unfinished()
    assert [a.id for a in listed] == [good]


def test_a_session_with_a_damaged_profile_is_left_out_and_the_rest_listed(store: Store) -> None:
    good = _session(store)
    bad = _session(store)
    store._db.execute("UPDATE sessions SET profile_json = 'null' WHERE id = ?", (bad,))
    assert [a.id for a in AuditDesk(store, catalogue=CATALOGUE).unfinished()] == [good]


# -- honest counts -------------------------------------------------------------------------


def test_the_opening_question_is_not_counted_as_a_checklist_answer(store: Store) -> None:
    none_yet = _session(store, answers=0)
    three = _session(store, answers=3)
    total = len(select_items(CATALOGUE, _profile()))
    by_id = {a.id: a for a in AuditDesk(store, catalogue=CATALOGUE).unfinished()}
    assert (by_id[none_yet].answered, by_id[none_yet].total) == (0, total)
    assert (by_id[three].answered, by_id[three].total) == (3, total)
    assert f"no answers yet, {total} questions left" in by_id[none_yet].label()


def test_a_quick_audit_counts_its_own_questions(store: Store) -> None:
    items = [i.id for i in select_items(CATALOGUE, _profile())]
    sid = store.create_session(_profile(), options={"quick": True, "quick_ids": items[:10]})
    for item_id in [RESPONSE_ID, *items[:4], items[20]]:  # one answer outside the quick set
        store.save_answer(sid, item_id, Answer.NO)
    (audit,) = AuditDesk(store, catalogue=CATALOGUE).unfinished()
    assert audit.quick and (audit.answered, audit.total) == (4, 10)
    assert "quick audit" in audit.label() and "4 answers kept, 6 questions left" in audit.label()


def test_an_answer_stored_under_an_old_item_id_counts_as_todays_item(store: Store) -> None:
    applying = {i.id for i in select_items(CATALOGUE, _profile())}
    old = next(o for o, new in RENAMED.items() if new in applying)
    sid = store.create_session(_profile())
    store.save_answer(sid, old, Answer.YES)
    (audit,) = AuditDesk(store, catalogue=CATALOGUE).unfinished()
    assert audit.id == sid and audit.answered == 1


@pytest.fixture
def sydney_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Australia/Sydney")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_label_shows_the_start_in_this_computers_time(sydney_time: None) -> None:
    audit = UnfinishedAudit(
        id="abc",
        name="Alex Example",
        quick=True,
        demo=False,
        started=datetime(2026, 12, 3, 14, 5, tzinfo=timezone.utc),  # 01:05 next day in Sydney
        answered=2,
        total=30,
    )
    assert audit.label() == (
        "Alex Example: quick audit, started Fri 4 Dec 2026 at 01:05; 2 answers kept, 28 questions left"
    )


# -- demo and real never mix ---------------------------------------------------------------


def test_a_demo_audit_is_not_carried_on_as_a_real_one(store: Store) -> None:
    demo = AuditDesk(store, demo=True, catalogue=CATALOGUE).start(
        _profile(), AuditOptions(), Settings(env={})
    )
    with pytest.raises(InputError) as refused:
        AuditDesk(store, catalogue=CATALOGUE).resume(
            demo.session_id, Settings(env={}), AuditOptions()
        )
    assert "is the demo audit" in str(refused.value) and "Start a new audit" in str(refused.value)


def test_a_real_audit_is_not_carried_on_in_the_demo(store: Store) -> None:
    real = AuditDesk(store, catalogue=CATALOGUE).start(
        _profile(), AuditOptions(quick=True), Settings(env={})
    )
    with pytest.raises(InputError) as refused:
        AuditDesk(store, demo=True, catalogue=CATALOGUE).resume(
            real.session_id, Settings(env={}), AuditOptions()
        )
    assert "is a real audit" in str(refused.value) and "outside the demo" in str(refused.value)


def test_each_kind_is_carried_on_by_its_own_face(store: Store) -> None:
    settings = Settings(env={})
    real = AuditDesk(store, catalogue=CATALOGUE).start(_profile(), AuditOptions(), settings)
    demo_desk = AuditDesk(store, demo=True, catalogue=CATALOGUE)
    demo = demo_desk.start(_profile(), AuditOptions(), settings)
    resumed = AuditDesk(store, catalogue=CATALOGUE).resume(
        real.session_id, settings, AuditOptions()
    )
    assert resumed.session_id == real.session_id
    assert demo_desk.resume(demo.session_id, settings, AuditOptions()).session_id == demo.session_id


def _card(**changes: object) -> UnfinishedAudit:
    fields: dict[str, object] = {
        "id": "abc",
        "name": "case C-7",
        "quick": False,
        "demo": False,
        "started": datetime(2026, 12, 3, 14, 5, tzinfo=timezone.utc),
        "answered": 1,
        "total": 2,
        "adviser": True,
    }
    fields.update(changes)
    return UnfinishedAudit(**fields)  # type: ignore[arg-type]


def test_a_card_counts_in_words_a_person_reads() -> None:
    assert _card().progress == "1 answer kept, 1 question left"
    assert _card(answered=2).progress == "2 answers kept, none left"
    assert _card(answered=0).progress == "no answers yet, 2 questions left"


def test_a_card_says_an_adviser_call_and_a_demo_apart() -> None:
    assert _card().mode == "full audit with an adviser"
    assert _card(adviser=False, quick=True).mode == "quick audit"
    assert "(demo)" in _card(demo=True).label() and "(demo)" not in _card().label()


def test_an_adviser_session_is_listed_as_one(store: Store) -> None:
    sid = store.create_session(_profile(), adviser="Sam Adviser", case_ref="C-9")
    (audit,) = AuditDesk(store, catalogue=CATALOGUE).unfinished()
    assert audit.id == sid and audit.adviser and audit.name == "case C-9"
