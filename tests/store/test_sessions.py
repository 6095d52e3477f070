"""The session store keeps everything as it arrives, privately, and purges for real."""

from __future__ import annotations

import stat
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

from footprint.model.consent import ConsentRecord
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import Profile
from footprint.model.vocab import Answer
from footprint.store.sessions import Store

SECRET = "alex.secret.home@example.org"


def _profile() -> Profile:
    return Profile(name="Alex Example", private={"emails": [SECRET], "phones": ["07700 900123"]})


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_are_owner_only(tmp_path: Path) -> None:
    store = Store(tmp_path / "data" / "fp.db")
    sid = store.create_session(_profile())
    store.save_answer(sid, "contact.x", Answer.YES)
    assert _mode(tmp_path / "data") == 0o700
    assert _mode(tmp_path / "data" / "fp.db") == 0o600
    store.close()


def test_everything_written_is_read_back(tmp_path: Path) -> None:
    store = Store(tmp_path / "fp.db")
    sid = store.create_session(_profile(), adviser="Sam Adviser", case_ref="C-1")
    store.save_answer(sid, "contact.x", Answer.YES)
    store.save_answer(sid, "contact.x", Answer.NO)  # a changed answer replaces the old one
    obs = Observation(lookup_id="page-scan", outcome=Outcome.NOT_FOUND, subject="page 1")
    store.save_observation(sid, obs)
    record = ConsentRecord(
        lookup_id="page-scan",
        sentence="s",
        destinations=["a.example"],
        granted=True,
        granted_by="member",
        asked_by="Sam Adviser",
        how="--consent all",
        at=datetime.now(timezone.utc),
    )
    store.save_consent(sid, record)
    store.save_lookup_done(sid, "page-scan", 1.5, [])
    store.close()
    data = Store(tmp_path / "fp.db").load(sid)  # a new connection, as after a crash
    assert data.answers == {"contact.x": Answer.NO}
    assert data.observations == [obs] and data.consents == [record]
    assert data.finished_lookups == {"page-scan": (1.5, [])}
    assert data.summary.status == "running" and data.summary.case_ref == "C-1"


def test_purge_removes_the_bytes_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "fp.db"
    store = Store(path)
    sid = store.create_session(_profile())
    store.save_answer(sid, "contact.x", Answer.YES)
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert SECRET.encode() in path.read_bytes()
    result = store.purge(everything=True)
    assert result.sessions == 1 and result.answers == 1
    store.close()
    leftovers = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert SECRET.encode() not in leftovers
    assert Store(path).list_sessions() == []


def test_purge_older_than_keeps_recent_sessions(tmp_path: Path) -> None:
    store = Store(tmp_path / "fp.db")
    old = store.create_session(_profile())
    new = store.create_session(_profile())
    past = (datetime.now(timezone.utc) - timedelta(days=100)).isoformat()
    store._db.execute("UPDATE sessions SET created_at = ? WHERE id = ?", (past, old))
    assert [s.id for s in store.expired()] == [old]
    store.purge(older_than_days=90)
    assert [s.id for s in store.list_sessions()] == [new]


def test_two_writers_at_once_both_succeed(tmp_path: Path) -> None:
    path = tmp_path / "fp.db"
    Store(path).close()
    errors: list[BaseException] = []

    def audit(n: int) -> None:
        try:
            store = Store(path)
            sid = store.create_session(_profile())
            for i in range(60):
                store.save_answer(sid, f"area.item-{i}", Answer.YES)
                store.save_observation(
                    sid, Observation(lookup_id="x", outcome=Outcome.NOT_FOUND, subject=str(i))
                )
            store.close()
        except BaseException as exc:  # pragma: no cover - the assertion reports it
            errors.append(exc)

    threads = [threading.Thread(target=audit, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    sessions = Store(path).list_sessions()
    assert len(sessions) == 2 and all(s.answers == 60 and s.observations == 60 for s in sessions)


# -- a broken world is a StoreError, never a raw sqlite3 error ---------------------------------


def test_writing_to_a_purged_session_is_session_purged(tmp_path: Path) -> None:
    import pytest

    from footprint.errors import SessionPurged

    store = Store(tmp_path / "fp.db")
    sid = store.create_session(_profile())
    store.save_answer(sid, "contact.x", Answer.YES)
    with Store(tmp_path / "fp.db") as other:  # `footprint sessions purge` in another window
        other.purge(everything=True)
    obs = Observation(lookup_id="page-scan", outcome=Outcome.NOT_FOUND, subject="page 1")
    writes = [
        lambda: store.save_answer(sid, "contact.y", Answer.NO),
        lambda: store.save_observation(sid, obs),
        lambda: store.save_lookup_done(sid, "page-scan", 1.0, []),
        lambda: store.update_options(sid, accepted=["x"]),
        lambda: store.finish(sid, "{}"),
    ]
    for write in writes:
        with pytest.raises(SessionPurged) as err:
            write()
        assert err.value.session_id == sid and "deleted" in err.value.message
    store.close()


def test_a_new_store_is_private_whatever_the_umask(tmp_path: Path) -> None:
    import os

    old = os.umask(0)
    try:
        Store(tmp_path / "a" / "b" / "fp.db").close()
    finally:
        os.umask(old)
    assert _mode(tmp_path / "a") == _mode(tmp_path / "a" / "b") == 0o700
    assert _mode(tmp_path / "a" / "b" / "fp.db") == 0o600
    assert [p.name for p in (tmp_path / "a" / "b").iterdir()] == ["fp.db"]  # no temp left


def test_zero_byte_and_missing_stores(tmp_path: Path) -> None:
    import pytest

    from footprint.errors import StoreDamaged

    empty = tmp_path / "fp.db"
    empty.write_bytes(b"")
    for read_only in (False, True):
        with pytest.raises(StoreDamaged, match="0 bytes"):
            Store(empty, read_only=read_only)
    assert empty.stat().st_size == 0
    with Store(tmp_path / "none" / "fp.db", read_only=True) as store:
        assert store.list_sessions() == []
    assert not (tmp_path / "none").exists()  # looking created nothing


def test_a_damaged_row_is_store_damaged_without_its_content(tmp_path: Path) -> None:
    import sqlite3

    import pytest

    from footprint.errors import StoreDamaged

    store = Store(tmp_path / "fp.db")
    sid = store.create_session(_profile())
    store.close()
    db = sqlite3.connect(tmp_path / "fp.db")
    db.execute("UPDATE sessions SET profile_json = ?", (f'{{"name": 1, "x": "{SECRET}"}}',))
    db.commit()
    db.close()
    with Store(tmp_path / "fp.db") as again, pytest.raises(StoreDamaged) as err:
        again.load(sid)
    assert SECRET not in err.value.message and "damaged" in err.value.message
