"""The log on disk: intact logs verify; one changed byte anywhere names the entry; owner-only."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from tests.log.conftest import PNG, MakeFields

from footprint.log.chain import GENESIS, canonical_json, content_of, link_hash, sha256_hex
from footprint.log.database import LogStore
from footprint.log.errors import LogError, LogInputError, NoSuchEntry
from footprint.log.models import Channel
from footprint.store.sessions import Store
from footprint.util.paths import data_dir


def _three(store: LogStore, make_fields: MakeFields, shot: Path) -> None:
    store.add(make_fields(what="First: a card at reception."))
    store.add(make_fields(channel=Channel.SOCIAL, what="Second: a Facebook message."), [shot])
    store.add(make_fields(channel=Channel.CALL, what="Third: two calls to the surgery."))


def _flip_in_file(path: Path, needle: bytes, replacement: bytes) -> None:
    data = path.read_bytes()
    assert data.count(needle) == 1, "the text to change must appear exactly once"
    path.write_bytes(data.replace(needle, replacement))


def test_an_intact_log_verifies(
    store: LogStore, make_fields: MakeFields, screenshot_file: Path
) -> None:
    assert store.verify().ok and store.verify().head == GENESIS
    _three(store, make_fields, screenshot_file)
    result = store.verify()
    assert result.ok and result.entries == 3 and result.files_checked == 1
    assert result.head == store.get(3).entry_hash
    assert store.get(2).prev_hash == store.get(1).entry_hash


def test_one_byte_changed_in_the_database_file_names_the_entry(
    make_fields: MakeFields, screenshot_file: Path
) -> None:
    with LogStore() as store:
        _three(store, make_fields, screenshot_file)
        path = store.path
    _flip_in_file(path, b"Second: a Facebook", b"Second: a Facebouk")  # the raw SQLite page
    with LogStore() as store:
        result = store.verify()
    assert not result.ok and result.problem is not None
    assert result.problem.seq == 2 and "content has changed" in result.problem.reason
    assert result.entries == 1  # entry 1 still matches


def test_rewriting_an_entrys_hashes_is_caught_at_the_next_entry(
    store: LogStore, make_fields: MakeFields, screenshot_file: Path
) -> None:
    _three(store, make_fields, screenshot_file)
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE entries SET what = 'Second: nothing happened.' WHERE seq = 2")
    # A careful forger then recomputes entry 2's own hashes ...
    forged = store.get(2)
    content = sha256_hex(
        canonical_json(content_of(forged, 2, forged.recorded_at, forged.attachments))
    )
    with sqlite3.connect(store.path) as db:
        db.execute(
            "UPDATE entries SET content_hash = ?, entry_hash = ? WHERE seq = 2",
            (content, link_hash(forged.prev_hash, content)),
        )
    # ... but entry 3 still points at the old entry 2.
    problem = store.verify().problem
    assert problem is not None and problem.seq == 3 and "no longer follows" in problem.reason


def test_a_removed_entry_is_named(
    store: LogStore, make_fields: MakeFields, screenshot_file: Path
) -> None:
    _three(store, make_fields, screenshot_file)
    with sqlite3.connect(store.path) as db:
        db.execute("DELETE FROM entries WHERE seq = 2")
    problem = store.verify().problem
    assert problem is not None and problem.seq == 2 and "missing" in problem.reason


def test_a_changed_or_missing_kept_file_names_the_entry(
    store: LogStore, make_fields: MakeFields, screenshot_file: Path
) -> None:
    _three(store, make_fields, screenshot_file)
    kept = store.attachment_path(store.get(2).attachments[0])
    data = bytearray(kept.read_bytes())
    data[-1] ^= 0x01
    kept.write_bytes(bytes(data))
    problem = store.verify().problem
    assert problem is not None and problem.seq == 2 and "message screenshot.png" in problem.reason
    kept.unlink()
    assert store.verify().problem == problem


def test_attaching_copies_and_leaves_the_original_alone(
    store: LogStore, make_fields: MakeFields, screenshot_file: Path
) -> None:
    before = (screenshot_file.stat().st_mtime_ns, screenshot_file.read_bytes())
    entry = store.add(make_fields(), [screenshot_file])
    assert (screenshot_file.stat().st_mtime_ns, screenshot_file.read_bytes()) == before
    (attachment,) = entry.attachments
    assert attachment.name == "message screenshot.png" and attachment.size == len(PNG)
    assert attachment.media_type == "image/png"
    assert store.attachment_path(attachment).read_bytes() == PNG


def test_a_missing_file_is_refused_before_anything_is_written(
    store: LogStore, make_fields: MakeFields, tmp_path: Path
) -> None:
    with pytest.raises(LogInputError, match="does not exist"):
        store.add(make_fields(), [tmp_path / "nope.png"])
    assert store.count() == 0


def test_a_correction_is_a_new_entry_and_the_original_stays(
    store: LogStore, make_fields: MakeFields
) -> None:
    original = store.add(make_fields(when="2026-11-20"))
    fix = store.add(make_fields(when="2026-11-19", corrects=1, reason="Wrong day"))
    assert fix.seq == 2 and fix.corrects == 1
    assert store.get(1) == original
    assert store.verify().ok
    with pytest.raises(NoSuchEntry):
        store.add(make_fields(corrects=9))


def test_files_and_folders_are_owner_only(
    store: LogStore, make_fields: MakeFields, screenshot_file: Path
) -> None:
    os.chmod(screenshot_file, 0o644)
    store.add(make_fields(), [screenshot_file])
    for path in [data_dir(), store.folder, store.files]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path
    for path in [store.path, *store.files.iterdir()]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for suffix in ("-wal", "-shm"):
        side = store.path.with_name(store.path.name + suffix)
        if side.exists():
            assert stat.S_IMODE(side.stat().st_mode) == 0o600


def test_the_log_is_not_in_the_session_store(store: LogStore, make_fields: MakeFields) -> None:
    store.add(make_fields())
    with Store() as sessions:
        sessions.purge(everything=True)
    assert store.path.parent == data_dir() / "log" and store.path != Store().path
    assert store.count() == 1 and store.verify().ok


def test_purge_overwrites_and_removes_everything(
    make_fields: MakeFields, screenshot_file: Path
) -> None:
    store = LogStore()
    store.add(make_fields(what="UNIQUE-SECRET-TEXT"), [screenshot_file])
    folder = store.folder
    assert store.purge() == (1, 1)
    assert not any(p.is_file() for p in folder.rglob("*"))
    assert screenshot_file.read_bytes() == PNG  # the original is the doctor's, untouched
    with LogStore() as fresh:
        assert fresh.count() == 0
    assert b"UNIQUE-SECRET-TEXT" not in b"".join(
        p.read_bytes() for p in folder.rglob("*") if p.is_file()
    )


def test_a_byte_that_breaks_the_text_encoding_still_names_the_entry(
    make_fields: MakeFields, screenshot_file: Path
) -> None:
    with LogStore() as store:
        _three(store, make_fields, screenshot_file)
        path = store.path
    _flip_in_file(path, b"Third: two calls", b"Third: two c\xfflls")
    with LogStore() as store:
        problem = store.verify().problem
    assert problem is not None and problem.seq == 3


def test_a_damaged_database_file_is_an_error_not_a_crash(
    make_fields: MakeFields, screenshot_file: Path
) -> None:
    with LogStore() as store:
        _three(store, make_fields, screenshot_file)
        path = store.path
    _flip_in_file(path, b"Third: two calls", b"Third: two c")  # shorter: the page is now malformed
    with LogStore() as store, pytest.raises(LogError, match="damaged"):
        store.verify()
