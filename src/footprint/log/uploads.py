"""Files sent from the browser: checked by their content, then kept exactly as the terminal
keeps a file given by path.

A browser sends bytes and a file name that nobody can vouch for. The name is never used for
anything on disk: each upload is written to a private temporary folder inside the log's own
folder under a name footprint makes (`image-1.png`, `document-2.pdf`), and `LogStore.add` then
copies it in and fingerprints it exactly as it does a file given to `log add --file`, so an
entry written in the browser and one written in the terminal are the same kind of record.

Only photos, screenshots and scans are taken, recognised by their first bytes (never by the
name or the type the browser claims), each up to `MAX_FILE_BYTES`, at most `MAX_FILES` per entry.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from footprint.log.database import LogStore
from footprint.log.errors import LogInputError
from footprint.log.models import Entry, EntryFields
from footprint.util.fsio import write_private_file

MAX_FILE_BYTES = 20 * 1024 * 1024  # a phone photo or a multi-page scan, with room to spare
MAX_FILES = 10
KINDS_IN_WORDS = "photos, screenshots and scans (PNG, JPEG, GIF, WebP, HEIC or PDF)"


@dataclass(frozen=True)
class FileType:
    """A kind of file the log takes from the browser."""

    media_type: str
    extension: str
    word: str  # the start of the name footprint gives the copy


PNG = FileType("image/png", ".png", "image")
JPEG = FileType("image/jpeg", ".jpg", "image")
GIF = FileType("image/gif", ".gif", "image")
WEBP = FileType("image/webp", ".webp", "image")
HEIC = FileType("image/heic", ".heic", "image")
PDF = FileType("application/pdf", ".pdf", "document")
HEIC_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1")


def sniff(data: bytes) -> FileType | None:
    """The file's type from its first bytes; None when it is not one the log takes."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    if data[4:8] == b"ftyp" and data[8:12] in HEIC_BRANDS:
        return HEIC  # iPhone photos
    if data.startswith(b"%PDF-"):
        return PDF
    return None


def check_upload(data: bytes, label: str) -> FileType:
    """The type of one uploaded file; LogInputError, naming it by `label`, if it cannot be kept.

    `data` may be one byte longer than the limit: that is how an over-size file is noticed
    without reading all of it.
    """
    if len(data) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise LogInputError(
            f"{label} is larger than {limit} MB, the most one file can be.",
            hint="Take a screenshot or a smaller photo of it instead, or leave it out.",
        )
    if not data:
        raise LogInputError(f"{label} is empty.", hint="Choose the file again, or leave it out.")
    kind = sniff(data)
    if kind is None:
        raise LogInputError(
            f"{label} is not a photo, screenshot or scan footprint can keep.",
            hint=f"The log keeps {KINDS_IN_WORDS}.",
        )
    return kind


def add_with_uploads(store: LogStore, fields: EntryFields, uploads: list[bytes]) -> Entry:
    """Write the entry with the uploaded files kept as attachments, in the order given.

    Every file is checked before anything is written, so a refused file leaves no entry.
    """
    if len(uploads) > MAX_FILES:
        raise LogInputError(
            f"{len(uploads)} files were chosen: one entry keeps at most {MAX_FILES}.",
            hint="Keep the most important ones, and add the rest to a second entry.",
        )
    kinds = [check_upload(data, f"File {n}") for n, data in enumerate(uploads, start=1)]
    if not uploads:
        return store.add(fields, [])
    # Inside the log's own owner-only folder, so the bytes never sit anywhere less private.
    with tempfile.TemporaryDirectory(prefix=".upload-", dir=store.folder) as folder:
        paths = []
        for n, (data, kind) in enumerate(zip(uploads, kinds, strict=True), start=1):
            path = Path(folder) / f"{kind.word}-{n}{kind.extension}"
            write_private_file(path, data)
            paths.append(path)
        return store.add(fields, paths)
