"""The running-server record pointing elsewhere: a link, another user's process, values no
server can have. Each is a record footprint did not write, so it is stale: the claim goes on
and the doctor is never sent to whatever answers on the port it names."""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest

from footprint.ui import running
from footprint.ui.running import claim, read_record, record_path


@pytest.fixture
def listening() -> Iterator[int]:
    """A port something answers on (here: not a footprint of this user)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield int(sock.getsockname()[1])


def _record(port: int, pid: int) -> str:
    started = datetime.now(timezone.utc).isoformat()
    return json.dumps({"port": port, "pid": pid, "started": started})


def test_a_link_at_the_record_is_not_followed_and_its_target_untouched(
    tmp_path: Path, listening: int
) -> None:
    target = tmp_path / "elsewhere.json"
    target.write_text(_record(listening, os.getpid()))
    path = record_path(tmp_path / "data", demo=False)
    path.parent.mkdir()
    path.symlink_to(target)
    assert read_record(path) is None
    assert claim(tmp_path / "data", 8123) is None  # the link was stale: this server is recorded
    assert not path.is_symlink() and read_record(path) is not None
    assert json.loads(target.read_text())["port"] == listening  # left as it was


def test_another_users_process_is_never_taken_for_footprint(
    tmp_path: Path, listening: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def not_yours(pid: int, sig: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    path = record_path(tmp_path, demo=False)
    path.write_text(_record(listening, 4242))
    monkeypatch.setattr(running.os, "kill", not_yours)
    assert claim(tmp_path, 8123) is None


@pytest.mark.parametrize(
    ("port", "pid"), [(0, None), (70000, None), (-1, None), (None, 0), (None, -1)]
)
def test_a_record_with_values_no_server_has_is_stale(
    tmp_path: Path, listening: int, port: int | None, pid: int | None
) -> None:
    path = record_path(tmp_path, demo=False)
    path.write_text(
        _record(listening if port is None else port, os.getpid() if pid is None else pid)
    )
    assert read_record(path) is None
    assert claim(tmp_path, 8123) is None
