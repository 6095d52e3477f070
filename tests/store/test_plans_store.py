"""The plan's tables: added to an existing store by a named migration; owner-only like the rest;
gone with the last audit of their doctor."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from footprint.model.profile import Profile
from footprint.store.plans import ActionRow, PlanStore
from footprint.store.schema import _m001_sessions, subject_key
from footprint.store.sessions import Store

PROFILE = Profile.model_validate({"name": "Alex Example", "role": "gp", "jurisdiction": "GB"})
OTHER = Profile.model_validate({"name": "Sam Sample", "role": "gp", "jurisdiction": "GB"})


def _old_store(path: Path) -> None:
    """A store as it was before the plan: only the first migration applied."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, at TEXT)")
    _m001_sessions(db)
    db.execute("INSERT INTO _migrations VALUES ('_m001_sessions', 'then')")
    db.commit()
    db.close()


def test_an_older_store_gains_the_plan_tables_and_keeps_its_sessions(tmp_path: Path) -> None:
    path = tmp_path / "footprint.db"
    _old_store(path)
    with Store(path) as store:
        sid = store.create_session(PROFILE)
        plans = PlanStore(store)
        plans.save(subject_key(PROFILE), [ActionRow(1, "f.one", "One", "todo")], session_id=sid)
        assert [r.finding_id for r in plans.actions(subject_key(PROFILE))] == ["f.one"]
        assert plans.merged_session(subject_key(PROFILE)) == sid
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_deleting_the_last_audit_of_a_doctor_deletes_their_plan(tmp_path: Path) -> None:
    with Store(tmp_path / "footprint.db") as store:
        plans = PlanStore(store)
        first, second = store.create_session(PROFILE), store.create_session(PROFILE)
        other = store.create_session(OTHER)
        for profile, sid in ((PROFILE, second), (OTHER, other)):
            plans.save(subject_key(profile), [ActionRow(1, "f", "t", "done")], session_id=sid)
        store.delete([first])
        assert plans.actions(subject_key(PROFILE))  # another audit of the doctor is kept
        store.delete([second])
        assert plans.actions(subject_key(PROFILE)) == []
        assert plans.merged_session(subject_key(PROFILE)) is None
        assert plans.actions(subject_key(OTHER))  # someone else's plan stays
