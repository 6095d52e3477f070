"""One `footprint ui` per audit store: the record of the one serving, stale ones replaced,
and a second start that stops and says where the first one is."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from footprint.ui.running import claim, read_record, record_path, release


@pytest.fixture
def listening() -> Iterator[int]:
    """A port something answers on, as a running `footprint ui` would."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield int(sock.getsockname()[1])


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_the_first_claim_is_recorded_owner_only_and_released(tmp_path: Path) -> None:
    assert claim(tmp_path, 8123) is None
    path = record_path(tmp_path, demo=False)
    record = read_record(path)
    assert record is not None and (record.port, record.pid) == (8123, os.getpid())
    assert path.stat().st_mode & 0o077 == 0
    release(tmp_path)
    assert not path.exists()


def test_a_second_claim_is_told_where_the_first_one_is(tmp_path: Path, listening: int) -> None:
    assert claim(tmp_path, listening) is None
    other = claim(tmp_path, listening + 1)
    assert other is not None and other.port == listening
    assert f"http://127.0.0.1:{listening}/" in other.already_open()
    assert claim(tmp_path, listening + 1, demo=True) is None  # the demo runs beside it


def test_a_record_left_by_a_killed_server_is_replaced(tmp_path: Path, listening: int) -> None:
    path = record_path(tmp_path, demo=False)
    stale = {"port": listening, "pid": _dead_pid(), "started": "2026-12-01T10:00:00+00:00"}
    path.write_text(json.dumps(stale), encoding="utf-8")
    assert claim(tmp_path, 9001) is None
    record = read_record(path)
    assert record is not None and record.port == 9001


def test_a_record_whose_port_is_silent_is_stale(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        silent = int(sock.getsockname()[1])  # bound, never listening: nothing answers
        record_path(tmp_path, demo=False).write_text(
            json.dumps({"port": silent, "pid": os.getpid(), "started": "2026-12-01T10:00"}),
            encoding="utf-8",
        )
        assert claim(tmp_path, 9002) is None


def test_release_never_removes_another_servers_record(tmp_path: Path, listening: int) -> None:
    path = record_path(tmp_path, demo=False)
    other = {"port": listening, "pid": os.getppid(), "started": "2026-12-01T10:00:00+00:00"}
    path.write_text(json.dumps(other), encoding="utf-8")
    release(tmp_path)
    assert path.exists()


def _start(env: dict[str, str], out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "footprint", "ui", "--no-browser", "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_a_second_footprint_ui_says_one_is_already_open(tmp_path: Path) -> None:
    env = {**os.environ, "FOOTPRINT_HOME": str(tmp_path / "home"), "PYTHONUNBUFFERED": "1"}
    first = _start(env, tmp_path)
    try:
        assert first.stdout is not None
        port = None
        for _ in range(20):
            match = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=", first.stdout.readline())
            if match:
                port = match.group(1)
                break
        assert port, "no address printed"
        second = _start(env, tmp_path)
        out, err = second.communicate(timeout=60)
        assert second.returncode == 1
        assert "already open" in err and f"127.0.0.1:{port}/" in err
        assert "token=" not in out + err  # the first one's secret is never shown
        first.send_signal(signal.SIGINT)
        first.communicate(timeout=20)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == 0
    assert not (tmp_path / "home" / "data" / "ui-server.json").exists()
