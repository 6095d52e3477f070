"""Files from the browser: recognised by their first bytes, refused whole before anything is
written, and kept exactly as a file given by path is kept."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from tests.log.conftest import PNG, MakeFields

from footprint.log.database import LogStore
from footprint.log.errors import LogInputError
from footprint.log.uploads import MAX_FILE_BYTES, MAX_FILES, add_with_uploads, check_upload, sniff

SAMPLES = {
    "image/png": PNG,
    "image/jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "image/gif": b"GIF89a\x01\x00\x01\x00",
    "image/webp": b"RIFF\x24\x00\x00\x00WEBPVP8 ",
    "image/heic": b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00",
    "application/pdf": b"%PDF-1.7\n",
}


@pytest.mark.parametrize(("media_type", "data"), SAMPLES.items())
def test_each_kind_is_known_by_its_first_bytes(media_type: str, data: bytes) -> None:
    kind = sniff(data)
    assert kind is not None and kind.media_type == media_type


@pytest.mark.parametrize(
    "data", [b"MZ\x90\x00", b"<html><script>", b"PK\x03\x04", b"\x00\x00\x00\x18ftypisom"]
)
def test_anything_else_is_refused(data: bytes) -> None:
    assert sniff(data) is None
    with pytest.raises(LogInputError, match="File 1 is not a photo, screenshot or scan"):
        check_upload(data, "File 1")


def test_size_is_checked_on_at_most_one_byte_past_the_limit() -> None:
    assert check_upload(PNG + bytes(MAX_FILE_BYTES - len(PNG)), "File 1").media_type == "image/png"
    with pytest.raises(LogInputError, match="larger than 20 MB"):
        check_upload(PNG + bytes(MAX_FILE_BYTES + 1 - len(PNG)), "File 1")
    with pytest.raises(LogInputError, match="is empty"):
        check_upload(b"", "File 1")


def test_an_uploaded_file_is_kept_as_a_file_given_by_path(
    store: LogStore, make_fields: MakeFields, tmp_path: Path
) -> None:
    uploaded = add_with_uploads(store, make_fields(), [PNG])
    original = tmp_path / "image-1.png"
    original.write_bytes(PNG)
    by_path = store.add(make_fields(), [original])
    assert uploaded.attachments == by_path.attachments
    assert uploaded.attachments[0].sha256 == hashlib.sha256(PNG).hexdigest()
    assert store.verify().ok


def test_one_refused_file_leaves_no_entry_and_no_copy(
    store: LogStore, make_fields: MakeFields
) -> None:
    with pytest.raises(LogInputError, match="File 2"):
        add_with_uploads(store, make_fields(), [PNG, b"not a picture"])
    with pytest.raises(LogInputError, match=f"at most {MAX_FILES}"):
        add_with_uploads(store, make_fields(), [PNG] * (MAX_FILES + 1))
    assert store.count() == 0
    assert not store.files.exists() or not list(store.files.iterdir())
    assert not list(store.folder.glob(".upload-*"))
