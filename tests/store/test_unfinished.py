"""The store's light list of unfinished sessions, and options that are not a JSON object."""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint.errors import StoreDamaged
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import Answer
from footprint.store.sessions import Store


def _profile(name: str = "Alex Example") -> Profile:
    return Profile(name=name)


def test_unfinished_sessions_carry_what_a_list_needs(tmp_path: Path) -> None:
    with Store(tmp_path / "fp.db") as store:
        sid = store.create_session(
            _profile(), adviser="Sam Adviser", case_ref="C-1", options={"quick": True, "demo": True}
        )
        store.save_answer(sid, "contact.x", Answer.YES)
        store.save_answer(sid, "security.breach-check", Answer.NO)  # an old id, carried over
        store.save_observation(
            sid, Observation(lookup_id="l", outcome=Outcome.NOT_FOUND, subject="p")
        )
        done = store.create_session(_profile())
        store.finish(done, "{}")
        (listed,) = store.unfinished_sessions()
    assert listed.id == sid and listed.profile.name == "Alex Example"
    assert (listed.adviser, listed.case_ref) == ("Sam Adviser", "C-1")
    assert listed.options == {"quick": True, "demo": True}
    assert listed.answered_ids == {"contact.x", "security.breaches-checked"}
    assert listed.created_at.tzinfo is not None


@pytest.mark.parametrize("options_json", ["null", "[]", "3", '"x"'])
def test_options_that_are_not_an_object_are_damage(tmp_path: Path, options_json: str) -> None:
    with Store(tmp_path / "fp.db") as store:
        good = store.create_session(_profile())
        bad = store.create_session(_profile())
        store._db.execute("UPDATE sessions SET options_json = ? WHERE id = ?", (options_json, bad))
        with pytest.raises(StoreDamaged):
            store.load(bad)
        with pytest.raises(StoreDamaged):
            store.update_options(bad, accepted=["x"])
        assert [s.id for s in store.unfinished_sessions()] == [good]
        assert store.load(good).options == {}
