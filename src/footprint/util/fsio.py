"""Writing files safely: owner-only, never through a symbolic link, all or nothing.

Every file footprint writes (reports, profiles, answers) goes through `write_private_file`:
the data goes to a new temporary file in the same folder, opened with O_EXCL|O_NOFOLLOW so
nothing already there (a link planted by someone else) is ever opened, then `os.replace` swaps
it in atomically. A reader sees the old file or the new one, never half of one, and a full disk
leaves the old file untouched. Folders footprint creates are 0700 whatever the umask; folders
that already exist are left exactly as they are (a shared 1777 folder keeps its sticky bit).
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from footprint.errors import FileAccessError, UnsafePathError, os_hint, os_reason

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def _fail(what: str, path: Path, exc: OSError) -> FileAccessError:
    return FileAccessError(f"Cannot {what} {path}: {os_reason(exc)}.", hint=os_hint(exc))


def ensure_private_dir(path: Path) -> Path:
    """Make `path` a folder, creating it and any missing parents 0700; existing ones untouched."""
    missing: list[Path] = []
    probe = path
    while not probe.exists():
        if probe.is_symlink():  # a dangling link: creating through it would follow it
            raise UnsafePathError(
                f"{probe} is a symbolic link to nowhere; footprint does not create folders "
                "through links.",
                hint="Remove the link or choose another folder.",
            )
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    if probe.exists() and not probe.is_dir():
        raise FileAccessError(
            f"{probe} is a file, not a folder.",
            hint="Choose another folder, or move that file aside.",
        )
    for folder in reversed(missing):
        _make_dir(folder)
    return path


def _make_dir(folder: Path) -> None:
    try:
        # The mode is masked by the umask, which can only take bits away: never above 0700.
        os.mkdir(folder, 0o700)
    except FileExistsError:  # made by another process just now: fine if it is a folder
        if not folder.is_dir():
            raise FileAccessError(
                f"{folder} is a file, not a folder.",
                hint="Choose another folder, or move that file aside.",
            ) from None
    except OSError as exc:
        raise _fail("create the folder", folder, exc) from None


def refuse_unsafe_target(path: Path) -> None:
    """UnsafePathError if `path` is a link or not a regular file (checked before asking)."""
    if path.is_symlink():
        raise UnsafePathError(
            f"{path} is a symbolic link; footprint never writes through links (its target "
            "would be overwritten).",
            hint="Remove the link, or choose another file name.",
        )
    if path.exists() and not path.is_file():
        raise UnsafePathError(
            f"{path} exists and is not a regular file (a folder or a device).",
            hint="Choose another file name.",
        )


def write_private_file(path: Path, data: str | bytes) -> Path:
    """Write `data` to `path` owner-only (0600), atomically, never following a link."""
    ensure_private_dir(path.parent)
    refuse_unsafe_target(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    temp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600)
    except OSError as exc:
        raise _fail("write", path, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())  # a full disk shows here, before the old file is replaced
        # rename() replaces a link itself, never its target, even if one appeared just now.
        os.replace(temp, path)
    except OSError as exc:
        _remove_quietly(temp)
        raise _fail("write", path, exc) from None
    except BaseException:
        _remove_quietly(temp)
        raise
    return path


def _remove_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass  # it may never have been created; the caller raises the write's own error


_SQLITE_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def refuse_unsafe_database(path: Path, what: str) -> None:
    """UnsafePathError unless the database at `path` and its side files are absent or regular
    files of this user's, never links.

    SQLite follows links when it opens a file, and footprint then makes the file owner-only:
    a link planted at a database path would put the session or the log into its target.
    `what` names the file for the doctor ("the session store", "the contact log").
    """
    for suffix in _SQLITE_SIDE_FILES:
        _refuse_unsafe_file(path.with_name(path.name + suffix), what)


def _refuse_unsafe_file(path: Path, what: str) -> None:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _fail("check", path, exc) from None
    if stat.S_ISLNK(info.st_mode):
        raise UnsafePathError(
            f"{path} ({what}) is a symbolic link; footprint never opens a database through a "
            "link, as its target would be written to.",
            hint="Remove the link (its target is untouched), then run the command again.",
        )
    if not stat.S_ISREG(info.st_mode):
        raise UnsafePathError(
            f"{path} ({what}) is not a regular file (a folder, device or pipe).",
            hint="Move it aside, then run the command again.",
        )
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        raise UnsafePathError(
            f"{path} ({what}) belongs to another user account; footprint only opens its own.",
            hint="Move it aside (or ask its owner to), then run the command again.",
        )


# The first bytes of file kinds people might give instead of a saved web page.
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a zip archive (or a Word, Excel or OpenDocument file)",
    b"\xd0\xcf\x11\xe0": "an old Word or Excel document",
    b"\x1f\x8b": "a compressed (gzip) file",
    b"\x7fELF": "a program",
    b"MZ": "a Windows program",
    b"SQLite format 3\x00": "a database",
    b"RIFF": "a sound or picture file",
}
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")
_SNIFF_BYTES = 8192


def binary_kind(head: bytes) -> str | None:
    """What a file is when its first bytes show it is not text (e.g. 'a PDF document'), or None.

    Text in UTF-16 (with its byte-order mark) is text; otherwise a NUL byte, or more than one
    control character in ten, means the bytes are not text in any encoding a page is saved in.
    """
    head = head[:_SNIFF_BYTES]
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return kind
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if b"\x00" in head or controls * 10 > len(head):
        return "a binary file, not text"
    return None


def read_head(path: Path) -> bytes:
    """The first bytes of a file, enough for `binary_kind`; FileAccessError if unreadable."""
    try:
        with path.open("rb") as fh:
            return fh.read(_SNIFF_BYTES)
    except OSError as exc:
        raise _fail("read", path, exc) from None
