"""Attached files: copied into the log's folder, fingerprinted, checked, and wiped on purge.

The original is only ever opened for reading: it is not moved, renamed or touched, so the
doctor keeps it where it was. The copy is named by its SHA-256 (the same file attached twice is
kept once), written owner-only to a temporary name and renamed into place only once complete,
so a crash never leaves a half copy under a real name.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import stat
from collections.abc import Callable
from pathlib import Path

from footprint.log.errors import LogError, LogInputError
from footprint.log.models import Attachment
from footprint.util.fsio import ensure_private_dir

CHUNK = 1 << 20
PARTIAL_PREFIX = ".incoming-"  # a copy being written; renamed to its SHA-256 name once whole


def copy_in(source: Path, folder: Path) -> Attachment:
    """Copy `source` into `folder` and describe it; the original is left as it was."""
    if not source.is_file():
        what = "does not exist" if not source.exists() else "is not a file"
        raise LogInputError(
            f"{source}: {what}.",
            hint="Give the path of a saved screenshot, photo, letter scan or message export.",
        )
    ensure_private_dir(folder)
    digest = hashlib.sha256()
    size = 0
    temp = folder / f"{PARTIAL_PREFIX}{os.getpid()}-{os.urandom(4).hex()}"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        attachment = Attachment(
            name=source.name, sha256=digest.hexdigest(), size=size, media_type=media_type
        )
        final = folder / attachment.stored_name
        if final.exists() and file_matches(final, attachment.sha256):
            temp.unlink()  # the same file is already kept
        else:
            os.replace(temp, final)
        return attachment
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise LogError(
            f"{source}: could not be copied into the log ({exc.strerror or exc}).",
            hint="Check the file can be opened and that there is space on this computer.",
        ) from None


def remove_partial_copies(folder: Path) -> int:
    """Remove half-written copies left by a `log add` that was killed; returns how many.

    Only regular files named `.incoming-*` directly in the log's own attachment folder, and
    only those whose writer is no longer running (the name carries its process id), so a copy
    another `log add` is writing right now is left alone. Nothing here ever belonged to an entry:
    an entry names its files only once they are whole.
    """
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(PARTIAL_PREFIX)]
    except OSError:
        return 0  # no folder yet, or one that cannot be read (read-only media): nothing to do
    removed = 0
    for path in candidates:
        if path.is_symlink() or not path.is_file() or _writer_running(path.name):
            continue
        try:
            path.unlink()
            removed += 1
        except OSError:
            continue  # read-only media: left for a later start
    return removed


def _writer_running(name: str) -> bool:
    pid_text = name.removeprefix(PARTIAL_PREFIX).split("-", 1)[0]
    if not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return True  # another request of this same process (the browser server) is copying
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def sha256_of(path: Path) -> str:
    """A file's SHA-256, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def file_matches(path: Path, sha256: str) -> bool:
    """True when the file exists and its bytes hash to `sha256`."""
    try:
        return sha256_of(path) == sha256
    except OSError:
        return False  # a copy that cannot be read cannot be shown intact: it counts as changed


def read_kept(path: Path, sha256: str) -> bytes | None:
    """A kept copy's bytes, only if it is still the file that was kept: a regular file, not a
    link (never followed: it could lead to any of the doctor's files), whose bytes hash to
    `sha256`. None otherwise, so a changed copy is never handed on as the evidence."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return None
            data = fh.read()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def checker(folder: Path) -> Callable[[Attachment], bool | None]:
    """A `chain.FileCheck` over the copies kept in `folder` (a missing copy counts as changed)."""

    def check(attachment: Attachment) -> bool | None:
        return file_matches(folder / attachment.stored_name, attachment.sha256)

    return check


def wipe(path: Path) -> None:
    """Overwrite a file with zeros, flush it to disk, then delete it.

    On SSDs and copy-on-write file systems the old blocks may survive elsewhere; this removes
    what footprint can reach, as the session store's purge does.
    """
    try:
        size = path.stat().st_size
        with path.open("r+b") as fh:
            remaining = size
            zeros = bytes(min(CHUNK, max(size, 1)))
            while remaining > 0:
                n = min(remaining, len(zeros))
                fh.write(zeros[:n])
                remaining -= n
            fh.flush()
            os.fsync(fh.fileno())
        path.unlink()
    except FileNotFoundError:
        pass  # already gone: there is nothing left to overwrite or delete
