"""The session store keeps everything as it arrives, privately, and purges for real."""

from __future__ import annotations

import stat
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

from footprint.consent import ConsentRecord
from footprint.lookups.interface import Observation, Outcome
from footprint.profile import Profile
from footprint.store import Store
from footprint.vocab import Answer

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
