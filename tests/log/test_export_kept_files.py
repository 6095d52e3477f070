"""What an export carries of the kept files: only copies that are still the files that were
kept. A link put in place of a kept copy (to any file of the doctor's) or a changed copy is
left out of the export, named there as changed, never copied or shown as the evidence."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from tests.log.conftest import PNG, MakeFields

from footprint.log.database import LogStore
from footprint.log.export import write_export

PRIVATE = b"DOCTOR'S OWN PRIVATE NOTES, never evidence"


def _kept(store: LogStore, make_fields: MakeFields, tmp_path: Path) -> Path:
    photo = tmp_path / "photo.png"
    photo.write_bytes(PNG)
    entry = store.add(make_fields(), [photo])
    return store.attachment_path(entry.attachments[0])


def _everything(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("how", ["link", "changed"])
def test_a_kept_copy_that_is_not_the_kept_file_is_left_out(
    store: LogStore, make_fields: MakeFields, tmp_path: Path, how: str
) -> None:
    kept = _kept(store, make_fields, tmp_path)
    kept.unlink()
    if how == "link":
        private = tmp_path / "notes.png"
        private.write_bytes(PRIVATE)
        kept.symlink_to(private)
    else:
        kept.write_bytes(PRIVATE)
    out = tmp_path / "out"
    write_export(store, out, ["html", "json", "csv"])
    exported = _everything(out)
    assert PRIVATE not in exported
    assert base64.b64encode(PRIVATE)[:24] not in exported  # nor embedded as a picture
    assert not (out / "attachments").exists() or not any((out / "attachments").iterdir())


def test_an_unchanged_kept_copy_is_exported(
    store: LogStore, make_fields: MakeFields, tmp_path: Path
) -> None:
    kept = _kept(store, make_fields, tmp_path)
    out = tmp_path / "out"
    write_export(store, out, ["html"])
    assert (out / "attachments" / kept.name).read_bytes() == PNG
    assert base64.b64encode(PNG).decode() in (out / "contact-log.html").read_text()
