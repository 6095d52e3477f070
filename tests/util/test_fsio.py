"""Safe writing: owner-only, atomic, never through a link, existing folders untouched."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from footprint.errors import FileAccessError, UnsafePathError
from footprint.util.fsio import ensure_private_dir, write_private_file


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_new_folders_and_parents_are_0700_even_under_umask_000(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        ensure_private_dir(tmp_path / "a" / "b" / "c")
        write_private_file(tmp_path / "x" / "y" / "f.txt", "data")
    finally:
        os.umask(old)
    for folder in ("a", "a/b", "a/b/c", "x", "x/y"):
        assert _mode(tmp_path / folder) == 0o700, folder
    assert _mode(tmp_path / "x" / "y" / "f.txt") == 0o600


def test_an_existing_shared_folder_keeps_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    write_private_file(shared / "report.html", "<p>x</p>")
    assert _mode(shared) == 0o1777
    assert _mode(shared / "report.html") == 0o600


def test_a_symlink_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_text("precious")
    link = tmp_path / "report.html"
    link.symlink_to(target)
    with pytest.raises(UnsafePathError, match="symbolic link"):
        write_private_file(link, "overwritten?")
    assert target.read_text() == "precious"
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(UnsafePathError):
        write_private_file(dangling, "x")
    assert not (tmp_path / "nowhere").exists()


def test_replacing_is_atomic_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text("old")
    path.chmod(0o644)
    write_private_file(path, "new")
    assert path.read_text() == "new" and _mode(path) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_full_disk_keeps_the_old_file_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "report.md"
    path.write_text("old")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(FileAccessError) as err:
        write_private_file(path, "new")
    assert "the disk is full" in err.value.message and "Free some disk space" in str(err.value.hint)
    assert path.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_file_where_a_folder_should_be_is_a_message(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    with pytest.raises(FileAccessError, match="is a file, not a folder"):
        ensure_private_dir(tmp_path / "afile")
    with pytest.raises(FileAccessError, match="is a file, not a folder"):
        write_private_file(tmp_path / "afile" / "deeper" / "r.md", "x")
    with pytest.raises(UnsafePathError, match="not a regular file"):
        write_private_file(tmp_path, "x")


def test_a_database_path_must_be_the_users_own_regular_file(tmp_path: Path) -> None:
    from footprint.util.fsio import refuse_unsafe_database

    db = tmp_path / "store.db"
    refuse_unsafe_database(db, "the session store")  # not there yet: fine
    db.write_bytes(b"")
    refuse_unsafe_database(db, "the session store")  # the user's own file: fine
    (tmp_path / "store.db-shm").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(UnsafePathError, match=r"store\.db-shm \(the session store\) is a symbolic"):
        refuse_unsafe_database(db, "the session store")
    (tmp_path / "store.db-shm").unlink()
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user account")
    os.chown(db, os.geteuid() + 1, -1)
    with pytest.raises(UnsafePathError, match="belongs to another user account"):
        refuse_unsafe_database(db, "the contact log")
