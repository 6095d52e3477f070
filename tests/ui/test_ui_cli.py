"""`footprint ui --no-browser` prints a working address, and stops cleanly on Ctrl-C."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests


def test_ui_prints_a_working_address_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    env = {**os.environ, "FOOTPRINT_HOME": str(tmp_path / "home"), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "footprint", "ui", "--no-browser", "--out", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        url = None
        for _ in range(20):
            line = proc.stdout.readline()
            match = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", line)
            if match:
                url = match.group(0)
                break
        assert url, "no address printed"
        session = requests.Session()
        first = session.get(url, timeout=10)
        assert first.status_code == 200 and "Start a new check" in first.text
        assert session.get(url, timeout=10).status_code == 403  # the address works once
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "stopped: you pressed Ctrl-C" in out
    assert "Traceback" not in err


def test_the_browser_is_given_an_owner_only_file_not_the_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from footprint.cli import ui as ui_cli

    opened: list[str] = []
    monkeypatch.setattr(ui_cli.webbrowser, "open", lambda url: opened.append(url) or True)
    url = "http://127.0.0.1:5555/?token=s3cr3t-token"
    page = ui_cli._open_in_browser(url)
    assert page is not None
    assert opened == [page.as_uri()] and "s3cr3t" not in opened[0]  # not on a command line
    assert page.stat().st_mode & 0o777 == 0o600
    assert url in page.read_text()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_the_address_file_goes_on_sigterm_and_sighup_and_works_only_once(
    tmp_path: Path, sig: signal.Signals
) -> None:
    home = tmp_path / "home"
    opener = home / "data" / "ui-open.html"
    opener.parent.mkdir(parents=True)
    opener.write_text("left by a run that was killed")
    env = {
        **os.environ,
        "FOOTPRINT_HOME": str(home),
        "PYTHONUNBUFFERED": "1",
        "BROWSER": "true %s",  # webbrowser runs `true FILE`: nothing opens, the file is written
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "footprint", "ui", "--out", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        for _ in range(20):
            if "The address works once" in proc.stdout.readline():
                break
        for _ in range(100):
            if opener.exists() and "token=" in opener.read_text():
                break
            time.sleep(0.05)
        url = re.search(r'url=(http://127\.0\.0\.1:\d+/\?token=[^"]+)"', opener.read_text())
        assert url, "no address in the file"
        session = requests.Session()
        assert session.get(url.group(1), timeout=10).status_code == 200
        assert requests.get(url.group(1), timeout=10).status_code == 403  # used: worthless now
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert f"asked to stop ({sig.name})" in out and "Traceback" not in err
    assert not opener.exists()
