"""Sessions from the command line: private files, purge that really deletes, retention, --no-store."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from tests.auditrun import (
    PRIVATE_EMAIL,
    PRIVATE_PHONE,
    PRIVATE_POSTCODE,
    footprint,
    session_ids,
    store_path,
    write_profile,
)

from footprint.model.profile import load_profile
from footprint.store.sessions import Store
from footprint.util.paths import data_dir


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that would make every new file world-readable: the code must not rely on it."""
    old = os.umask(0)
    yield
    os.umask(old)


def _audit(profile: Path, out: Path, *extra: object) -> str:
    r = footprint("audit", "--profile", profile, "--offline", "--no-input", "--out", out, *extra)
    assert r.code == 0, r.stderr
    (sid,) = session_ids(r.stdout)
    return sid


def _age(session_id: str, days: int) -> None:
    """Pretend a session was started `days` ago (straight in the file, as time would)."""
    past = (datetime.now(timezone.utc) - timedelta(days=days)).isoformat(timespec="seconds")
    with sqlite3.connect(store_path()) as db:
        db.execute("UPDATE sessions SET created_at = ? WHERE id = ?", (past, session_id))
    db.close()


def _store_bytes() -> bytes:
    """Every byte of the store: the database, its WAL and shared-memory files."""
    return b"".join(p.read_bytes() for p in data_dir().iterdir() if p.is_file())


# -- permissions -------------------------------------------------------------------------------


def test_store_and_reports_are_owner_only(tmp_path: Path, open_umask: None) -> None:
    profile = write_profile(tmp_path)
    out = tmp_path / "reports" / "alex"
    _audit(profile, out, "--adviser", "Sam Adviser", "--case", "C-42")
    assert _mode(data_dir()) == 0o700
    assert _mode(store_path()) == 0o600
    for side in data_dir().iterdir():  # -wal / -shm while they exist
        assert _mode(side) == 0o600, side.name
    folders = [tmp_path / "reports", out, out / "member-copy", out / "adviser-copy"]
    assert all(_mode(f) == 0o700 for f in folders), [oct(_mode(f)) for f in folders]
    files = sorted(out.rglob("report.*"))
    assert len(files) == 6  # html, md, json for each copy
    assert all(_mode(f) == 0o600 for f in files), [(f.name, oct(_mode(f))) for f in files]


def test_rendered_report_file_is_owner_only(tmp_path: Path, open_umask: None) -> None:
    sid = _audit(write_profile(tmp_path), tmp_path / "out")
    target = tmp_path / "again" / "report.md"
    r = footprint("report", "render", sid, "--format", "md", "--out", target)
    assert r.code == 0, r.stderr
    assert _mode(target) == 0o600 and _mode(target.parent) == 0o700


# -- purge -------------------------------------------------------------------------------------


def test_purge_all_removes_the_data_from_the_file(tmp_path: Path) -> None:
    profile = write_profile(tmp_path)
    _audit(profile, tmp_path / "a")
    _audit(profile, tmp_path / "b")
    # The private details really are in the file before the purge (else this proves nothing).
    assert PRIVATE_EMAIL.encode() in _store_bytes()

    r = footprint("sessions", "purge", "--all", "--yes")
    assert r.code == 0, r.stderr
    assert "Deleted 2 session(s)" in r.stdout

    leftovers = _store_bytes()
    for secret in (PRIVATE_EMAIL, PRIVATE_PHONE, PRIVATE_POSTCODE, "Alex Example", "Fictional"):
        assert secret.encode() not in leftovers, secret
    assert "No stored sessions." in footprint("sessions", "list").stdout


def test_purge_older_than_keeps_recent_sessions(tmp_path: Path) -> None:
    profile = write_profile(tmp_path)
    old = _audit(profile, tmp_path / "a")
    new = _audit(profile, tmp_path / "b")
    _age(old, 40)
    r = footprint("sessions", "purge", "--older-than", "30", "--yes")
    assert r.code == 0 and "Deleted 1 session(s)" in r.stdout
    listing = footprint("sessions", "list").stdout
    assert new in listing and old not in listing


def test_purge_asks_first_and_needs_a_choice(tmp_path: Path) -> None:
    _audit(write_profile(tmp_path), tmp_path / "a")
    r = footprint("sessions", "purge", "--all", input="n\n")
    assert r.code != 0
    assert len(Store().list_sessions()) == 1
    assert footprint("sessions", "purge").code == 2  # neither --all nor --older-than


def test_sessions_list_and_show_print_no_personal_details(tmp_path: Path) -> None:
    # A finished adviser call leaves no session behind (the member carries on from the
    # hand-over file); one still in progress is listed without the member's details.
    done = _audit(
        write_profile(tmp_path), tmp_path / "a", "--adviser", "Sam Adviser", "--case", "C-6"
    )
    profile = load_profile(write_profile(tmp_path))
    with Store() as store:
        sid = store.create_session(profile, adviser="Sam Adviser", case_ref="C-7")
    listing = footprint("sessions", "list")
    shown = footprint("sessions", "show", sid)
    assert done not in listing.stdout and "C-6" not in listing.stdout
    assert sid in listing.stdout and "C-7" in listing.stdout
    assert "Sam Adviser" in shown.stdout
    for text in (listing.stdout, shown.stdout):
        assert "Alex Example" not in text and PRIVATE_EMAIL not in text
    assert footprint("sessions", "show", "deadbeef").code == 2  # an unknown id is bad input


# -- retention ---------------------------------------------------------------------------------


def test_new_session_announces_its_retention(tmp_path: Path) -> None:
    r = footprint(
        "audit",
        "--profile",
        write_profile(tmp_path),
        "--offline",
        "--no-input",
        "--out",
        tmp_path / "o",
    )
    assert "kept for 90 days, then deleted" in r.stdout


def test_expired_session_is_deleted_at_start_up_without_input(tmp_path: Path) -> None:
    profile = write_profile(tmp_path)
    expired = _audit(profile, tmp_path / "a")
    kept = _audit(profile, tmp_path / "b")
    _age(expired, 91)
    r = footprint("audit", "--profile", profile, "--offline", "--no-input", "--out", tmp_path / "c")
    assert r.code == 0, r.stderr
    assert "past their retention period" in r.stdout and expired in r.stdout
    assert "Deleted 1 old session(s)" in r.stdout
    ids = {s.id for s in Store().list_sessions()}
    assert expired not in ids and kept in ids


def test_expired_session_is_offered_for_deletion_when_interactive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import footprint.cli.auditcmd as auditcmd

    profile = write_profile(tmp_path)
    expired = _audit(profile, tmp_path / "a")
    _age(expired, 100)
    monkeypatch.setattr(auditcmd, "_interactive", lambda no_input: True)
    # Decline the deletion, then stop at the first question ("q"): the session stays.
    r = footprint(
        "audit", "--profile", profile, "--offline", "--out", tmp_path / "b", input="n\nn\nq\n"
    )
    assert "Delete them now?" in r.stdout, r.stdout + r.stderr
    assert expired in {s.id for s in Store().list_sessions()}
    r = footprint(
        "audit", "--profile", profile, "--offline", "--out", tmp_path / "c", input="y\nn\nn\nq\n"
    )
    assert expired not in {s.id for s in Store().list_sessions()}


def test_no_store_keeps_nothing(tmp_path: Path) -> None:
    out = tmp_path / "o"
    r = footprint(
        "audit",
        "--profile",
        write_profile(tmp_path),
        "--offline",
        "--no-input",
        "--no-store",
        "--out",
        out,
    )
    assert r.code == 0, r.stderr
    assert (out / "report.json").exists()
    assert not store_path().exists() and not data_dir().exists()
    assert "Session" not in r.stdout
    r = footprint("audit", "--resume", "deadbeef", "--no-store", "--no-input")
    assert r.code == 2 and "--no-store" in r.stderr
