"""The log under a broken world: cut short, removed, emptied, damaged, read-only, half-copied.

Every case runs the commands a doctor would and checks the words and exit code: nothing that
cannot be confirmed ever reads "Intact", nothing reads as an empty log when a log was kept.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from tests.auditrun import footprint

from footprint.log.database import LogStore
from footprint.log.head import ANCHOR_FILE, HEAD_FILE

SCRIPTED = ["--no-input", "--channel", "letter", "--what", "A card at reception."]


def _add(count: int) -> Path:
    for n in range(count):
        day = date(2026, 1, 1) + timedelta(days=n)
        assert footprint("log", "add", *SCRIPTED, "--when", day.strftime("%d/%m/%Y")).code == 0
    with LogStore() as store:
        return store.path


def _sql(db: Path, *statements: str) -> None:
    conn = sqlite3.connect(db)
    with conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


def _verify(*args: object) -> Any:
    run = footprint("log", "verify", *args)
    assert "Traceback" not in run.stdout + run.stderr
    return run


def test_tail_cut_with_every_head_record_removed_is_not_proved_intact() -> None:
    db = _add(20)
    _sql(db, "DROP TABLE head", "DELETE FROM entries WHERE seq = 20")
    (db.parent / HEAD_FILE).unlink()
    run = _verify()
    # The copy kept outside the log folder still knows the log had 20 entries.
    assert run.code == 1 and "had 20 entries and now has 19" in run.stdout
    assert "Intact" not in run.stdout
    (db.parent.parent / ANCHOR_FILE).unlink()
    blind = _verify()
    assert blind.code == 1 and "Intact" not in blind.stdout
    assert "NOT PROVED INTACT: The 19 entries link up" in blind.stdout
    assert "entries removed from the end cannot be ruled out" in blind.stdout


@pytest.mark.parametrize("removed", ["table", "file", "anchor", "all"])
def test_removing_head_records_alone_is_not_proved_intact(removed: str) -> None:
    db = _add(3)
    if removed in ("table", "all"):
        _sql(db, "DELETE FROM head")
    if removed in ("file", "all"):
        (db.parent / HEAD_FILE).unlink()
    if removed in ("anchor", "all"):
        (db.parent.parent / ANCHOR_FILE).unlink()
    run = _verify()
    assert run.code == 1 and "NOT PROVED INTACT: The 3 entries link up" in run.stdout
    assert "Intact:" not in run.stdout


def test_a_deleted_log_folder_reads_missing_not_empty() -> None:
    db = _add(3)
    shutil.rmtree(db.parent)
    for command in (["verify"], ["list"], ["export", "--out", "x"], ["show", "1"]):
        run = footprint("log", *command)
        out = run.stdout + run.stderr
        assert run.code == 1 and "Your contact log is missing: it held 3 entries" in out, out
        assert "empty" not in out and "Intact" not in out


def test_a_zero_byte_log_file_is_reported_and_left_alone() -> None:
    db = _add(2)
    for side in db.parent.glob("contact-log.db-*"):
        side.unlink()
    db.write_bytes(b"")
    for command in (["verify"], ["list"], ["add", *SCRIPTED, "--when", "3/11/2026"]):
        run = footprint("log", *command)
        assert run.code == 1 and "empty (0 bytes)" in run.stderr, run.stderr
        assert "Intact" not in run.stdout
    assert db.stat().st_size == 0  # never made into a new, empty log


def test_a_zeroed_page_names_the_log_file_not_the_session_store() -> None:
    db = _add(40)  # enough pages that the entries are not all on the first
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    page = 4096
    data[page : 3 * page] = bytes(2 * page)
    db.write_bytes(bytes(data))
    for command in (["verify"], ["list"], ["export", "--out", "x"]):
        run = footprint("log", *command)
        out = run.stdout + run.stderr
        assert run.code == 1 and str(db) in out and "session store" not in out, out
        assert "Traceback" not in out and "internal error" not in out


def test_a_damaged_log_warns_at_once_on_add_and_list_and_still_takes_the_entry() -> None:
    db = _add(3)
    _sql(db, "UPDATE entries SET what = 'Changed.' WHERE seq = 2")
    added = footprint("log", "add", *SCRIPTED, "--when", "4/11/2026")
    assert added.code == 0 and "Entry 4 saved" in added.stdout
    assert "Warning: NOT INTACT: Entry 2 no longer matches" in added.stderr
    assert "saved all the same" in added.stderr and "Receipt" not in added.stdout
    listing = footprint("log", "list")
    assert listing.code == 0 and listing.stderr.startswith("Warning: NOT INTACT: Entry 2")
    with LogStore() as store:
        assert store.count() == 4


def test_read_only_media_list_verify_and_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _add(3)
    import footprint.log.opening as opening

    real_connect = sqlite3.connect

    def read_only_disk(target: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        # As on a CD or a write-protected stick: only an unchanging read opens.
        if "immutable=1" not in str(target):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(opening.sqlite3, "connect", read_only_disk)
    before = {p.name: p.read_bytes() for p in db.parent.iterdir() if p.is_file()}
    assert footprint("log", "verify").code == 0
    listing = footprint("log", "list")
    assert listing.code == 0 and "3 entries" in listing.stdout
    exported = footprint("log", "export", "--out", tmp_path / "copy")
    assert exported.code == 0 and (tmp_path / "copy" / "contact-log.json").exists()
    refused = footprint("log", "add", *SCRIPTED, "--when", "4/11/2026")
    assert refused.code == 1 and "Traceback" not in refused.stderr
    after = {p.name: p.read_bytes() for p in db.parent.iterdir() if p.is_file()}
    assert after == before


def test_half_copied_attachments_are_removed_at_the_next_start(tmp_path: Path) -> None:
    db = _add(1)
    files = db.parent / "files"
    files.mkdir(exist_ok=True)
    dead = subprocess_pid_that_has_ended()
    stale = files / f".incoming-{dead}-0a1b2c3d"
    stale.write_bytes(b"half a photo")
    live = files / f".incoming-{os.getpid()}-0a1b2c3d"  # this process: maybe copying now
    live.write_bytes(b"being written")
    kept = files / "not-a-partial.txt"
    kept.write_bytes(b"left alone")
    elsewhere = tmp_path / f".incoming-{dead}-99"
    elsewhere.write_bytes(b"not in the log folder")
    assert footprint("log", "list").code == 0
    assert not stale.exists() and live.exists() and kept.exists() and elsewhere.exists()


def subprocess_pid_that_has_ended() -> int:
    """The id of a process that has finished (so no writer is behind its partial copy)."""
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_export_without_out_writes_a_dated_folder_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(1)
    monkeypatch.chdir(tmp_path)
    run = footprint("log", "export")
    assert run.code == 0, run.stderr
    written = list(tmp_path.glob("contact-log-*/contact-log.json"))
    assert len(written) == 1 and str(written[0].resolve()) in run.stdout


@pytest.mark.skipif(
    not shutil.which("unshare") or os.geteuid() != 0, reason="needs root and mount namespaces"
)
def test_really_read_only_media(tmp_path: Path) -> None:
    from tests.test_faults import _can_mount, in_namespace

    if not _can_mount():
        pytest.skip("mount namespaces are not available here")
    _add(3)
    home = Path(os.environ["FOOTPRINT_HOME"])
    ro = f"mount --bind '{home}' '{home}' && mount -o remount,bind,ro '{home}'"
    for args, says in (
        (["log", "verify"], "Intact: 3 entries"),
        (["log", "list"], "3 entries"),
        (["log", "export", "--out", tmp_path / "copy"], "Receipt: 3-"),
    ):
        done = in_namespace(ro, *args, home=home)
        assert done.returncode == 0 and says in done.stdout, done.stderr
    added = in_namespace(ro, "log", "add", *SCRIPTED, "--when", "4/11/2026", home=home)
    assert added.returncode == 1 and "Traceback" not in added.stderr, added.stderr
    assert "cannot be written here" in added.stderr and "Nothing was changed" in added.stderr


def test_an_unreadable_row_is_exported_as_found_and_named(tmp_path: Path) -> None:
    db = _add(3)
    _sql(db, "UPDATE entries SET channel = 'carrier pigeon' WHERE seq = 2")
    run = footprint("log", "export", "--out", tmp_path / "x", "--format", "html,json,csv")
    assert run.code == 0 and "Entry 2 no longer matches" in run.stderr
    data = json.loads((tmp_path / "x" / "contact-log.json").read_text())
    assert [e["seq"] for e in data["entries"]] == [1, 3]
    assert data["unreadable_entries"][0]["channel"] == "carrier pigeon"
    html = (tmp_path / "x" / "contact-log.html").read_text()
    assert "could not be read at all (numbered 2)" in html
    listing = footprint("log", "list")
    assert listing.code == 0 and "Warning: NOT INTACT: Entry 2" in listing.stderr


def test_a_log_from_before_the_outside_record_adopts_it_at_the_next_write() -> None:
    db = _add(2)
    anchor = db.parent.parent / ANCHOR_FILE
    anchor.unlink()  # as a log written before this record was kept
    assert "NOT PROVED INTACT" in _verify().stdout  # said plainly until then
    assert footprint("log", "add", *SCRIPTED, "--when", "3/1/2026").code == 0
    assert anchor.exists() and _verify().code == 0
