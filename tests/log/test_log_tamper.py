"""Tampering the chain alone cannot show: an edited log exported, entries dropped, a deleted log,
figures or details edited in an export, a file that is not an export."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.auditrun import footprint
from tests.log.conftest import MakeFields

from footprint.log.chain import GENESIS, canonical_json, content_of, link_hash, sha256_hex
from footprint.log.database import LogStore
from footprint.log.export import build, write_export
from footprint.log.exportcheck import verify_export
from footprint.log.head import HEAD_FILE

SCRIPTED = ["--no-input", "--channel", "letter", "--what", "A card at reception."]


def _add_three() -> Path:
    for day in (10, 11, 12):
        assert footprint("log", "add", *SCRIPTED, "--when", f"{day}/11/2026").code == 0
    with LogStore() as store:
        return store.path


def _sql(db: Path, statement: str) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute(statement)
    conn.close()


def test_exporting_an_edited_log_exports_everything_with_the_damage_marked(
    tmp_path: Path,
) -> None:
    # Was: the export was refused, so new evidence could not be handed over at all.
    db = _add_three()
    _sql(db, "UPDATE entries SET what = 'X' WHERE seq = 2")
    run = footprint("log", "export", "--out", tmp_path / "lx")
    assert run.code == 0 and "Entry 2 no longer matches" in run.stderr
    assert "covers entries 1 to 1 only" in run.stderr and "Receipt: 1-" in run.stdout
    data = json.loads((tmp_path / "lx" / "contact-log.json").read_text())
    assert len(data["entries"]) == 3 and data["chain"]["intact_entries"] == 1
    assert data["damage"]["first_entry"] == 2
    html = (tmp_path / "lx" / "contact-log.html").read_text()
    assert "This log was not intact when it was exported" in html and "Entry 2 and any" in html
    check = footprint("log", "verify", tmp_path / "lx" / "contact-log.json")
    assert check.code == 1 and "NOT INTACT: Entry 2 no longer matches" in check.stdout
    assert "already damaged in the log when exported" in check.stdout
    assert "Entry 1 of" in check.stdout


def test_the_exported_digest_is_recomputed_from_the_content(
    store: LogStore, make_fields: MakeFields
) -> None:
    store.add(make_fields())
    store.add(make_fields(what="Second."))
    prev = GENESIS
    for entry in store.entries():
        content = content_of(entry, entry.seq, entry.recorded_at, entry.attachments)
        prev = link_hash(prev, sha256_hex(canonical_json(content)))
    assert build(store).head == prev
    # A stored hash rewritten to something else is never what the export prints.
    _sql(store.path, f"UPDATE entries SET entry_hash = '{'f' * 64}' WHERE seq = 2")
    _sql(store.path, f"UPDATE head SET digest = '{'f' * 64}'")
    damaged = build(store)
    assert damaged.damage is not None and "Entry 2 no longer matches" in damaged.damage
    assert damaged.head == store.verify().digest_after(1) and damaged.sealed_entries == 1


def test_a_log_that_lost_its_last_entry_is_not_intact() -> None:
    db = _add_three()
    _sql(db, "DELETE FROM entries WHERE seq = 3")
    run = footprint("log", "verify")
    assert run.code == 1 and "had 3 entries and now has 2" in run.stdout
    assert "entries after 2 are missing" in run.stdout and "Intact" not in run.stdout


def test_a_log_whose_head_was_rewritten_is_not_intact() -> None:
    db = _add_three()
    _sql(db, f"UPDATE head SET digest = '{'a' * 64}'")
    run = footprint("log", "verify")
    assert run.code == 1 and "has been rewritten" in run.stdout


def test_a_deleted_log_is_not_intact_but_a_never_started_one_is_fine() -> None:
    empty = footprint("log", "verify")
    assert empty.code == 0 and "No entries yet" in empty.stdout and "Intact" not in empty.stdout
    db = _add_three()
    db.unlink()
    run = footprint("log", "verify")
    assert run.code == 1 and "deleted" in run.stdout and "Intact" not in run.stdout


def test_purge_starts_a_new_log_that_is_fine() -> None:
    _add_three()
    assert footprint("log", "purge", "--all", "--yes").code == 0
    assert "No entries yet" in footprint("log", "verify").stdout


def test_a_log_whose_head_table_went_missing_is_never_intact_again(
    store: LogStore, make_fields: MakeFields
) -> None:
    # Was: a dropped head table was adopted silently as "a log from before the head record".
    # Dropping it is exactly how entries are cut from the end, so it is now reported, and
    # stays reported after the next entry records a new head.
    store.add(make_fields())
    store.close()
    _sql(store.path, "DROP TABLE head")
    with LogStore() as reopened:
        problem = reopened.verify().problem
        assert problem is not None and problem.unconfirmed
        assert "The 1 entries link up" in problem.reason and "cannot be ruled out" in problem.reason
        reopened.add(make_fields(what="Second."))
        later = reopened.verify().problem
        assert later is not None and later.unconfirmed and "started again on" in later.reason


def test_intact_says_what_it_cannot_know() -> None:
    _add_three()
    run = footprint("log", "verify")
    with LogStore() as store:
        head = store.verify().head
    assert run.code == 0 and f"Intact: 3 entries, final digest {head}." in run.stdout
    assert "a log rewritten from the start cannot be told apart otherwise" in run.stdout
    matched = footprint("log", "verify", "--digest", head)
    assert matched.code == 0 and "It matches the digest you gave" in matched.stdout


@pytest.fixture
def exported(store: LogStore, make_fields: MakeFields, tmp_path: Path) -> Path:
    store.add(make_fields(when="2026-11-02T09:00:00+00:00"))
    store.add(make_fields(when="2026-11-09T09:00:00+00:00", what="Second."))
    store.add(make_fields(when="2026-11-16T09:00:00+00:00", what="Third."))
    write_export(store, tmp_path, ["json"])
    return tmp_path / "contact-log.json"


Change = Callable[[dict[str, Any]], object]


def _edit(path: Path, change: Change) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def _drop_last(data: dict[str, Any]) -> object:
    return data["entries"].pop()


@pytest.mark.parametrize(
    ("change", "says"),
    [
        (_drop_last, "entries after 2 are missing"),
        (lambda d: d["summary"].update(contacts=2), "does not match its entries (contacts"),
        (lambda d: d["summary"].update(last_contact="09/11/2026 09:00"), "last_contact changed"),
        (lambda d: d["doctor"].update(name="Dr Someone Else"), "seal does not match"),
        (lambda d: d.update(how_kept="Edited."), "seal does not match"),
        (lambda d: d.pop("seal"), "seal is missing"),
    ],
    ids=["last-entry", "contacts", "last-contact", "doctor", "how-kept", "no-seal"],
)
def test_an_export_with_anything_edited_is_not_intact(
    exported: Path, change: Change, says: str
) -> None:
    assert verify_export(exported).ok
    _edit(exported, change)
    problem = verify_export(exported).problem
    assert problem is not None and problem.seq is None
    assert says in problem.reason


def test_an_export_missing_its_last_entry_is_not_intact_from_the_cli(exported: Path) -> None:
    _edit(exported, _drop_last)
    run = footprint("log", "verify", exported)
    assert run.code == 1 and "entries after 2 are missing" in run.stdout


def test_verifying_a_file_that_is_not_an_export_is_invalid_input(tmp_path: Path) -> None:
    path = tmp_path / "some.yaml"
    path.write_text("profile:\n  name: Dr Alex Example\n")
    run = footprint("log", "verify", path)
    assert run.code == 2 and "not a footprint contact-log export" in run.stderr
    assert "changed or damaged" not in run.stderr


def test_list_shows_a_recomputed_digest_or_says_the_log_is_not_intact() -> None:
    db = _add_three()
    with LogStore() as store:
        head = store.verify().head
    assert f"Log digest: {head}" in footprint("log", "list").stdout
    _sql(db, "UPDATE entries SET what = 'X' WHERE seq = 2")
    listing = footprint("log", "list")
    assert listing.code == 0 and "Log digest" not in listing.stdout
    assert "NOT INTACT: Entry 2 no longer matches" in listing.stdout


def test_a_deleted_log_started_again_is_still_not_intact() -> None:
    db = _add_three()
    db.unlink()
    assert footprint("log", "add", *SCRIPTED, "--when", "13/11/2026").code == 0
    run = footprint("log", "verify")
    assert run.code == 1 and "had 3 entries and now has 1" in run.stdout
    for day in (14, 15):
        footprint("log", "add", *SCRIPTED, "--when", f"{day}/11/2026")
    again = footprint("log", "verify")
    assert again.code == 1 and "replaced or rewritten" in again.stdout


def test_a_head_file_one_entry_behind_after_a_crash_is_fine(
    store: LogStore, make_fields: MakeFields
) -> None:
    store.add(make_fields())
    saved = (store.folder / HEAD_FILE).read_bytes()
    store.add(make_fields(what="Second."))
    (store.folder / HEAD_FILE).write_bytes(saved)  # as if the crash came before it was updated
    assert store.verify().ok
    (store.folder / HEAD_FILE).write_text("{")
    problem = store.verify().problem
    assert problem is not None and "damaged" in problem.reason
