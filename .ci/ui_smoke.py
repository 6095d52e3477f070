"""CI smoke test of an installed footprint: the browser face starts and serves its start page.

    python .ci/ui_smoke.py                 # the `footprint` beside this Python (a wheel install)
    python .ci/ui_smoke.py EXECUTABLE      # another install (uv tool, pipx)
    python .ci/ui_smoke.py EXECUTABLE --app

Without --app it runs `EXECUTABLE ui --no-browser`, reads the address it prints, opens it once
(the secret is exchanged for a cookie and the start page loads), then stops it with Ctrl-C and
checks it said why it stopped. With --app it opens EXECUTABLE with no arguments, as a
double-click does, and checks that it started the UI and asked the system to open a browser (a
stand-in browser named by BROWSER records what it was given). The environment is emptied down to
PATH and a fresh home, so nothing of the build machine's virtual environment can help.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import stat
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

args = [a for a in sys.argv[1:] if a != "--app"]
as_app = "--app" in sys.argv[1:]
executable = (
    os.path.abspath(args[0]) if args else os.path.join(os.path.dirname(sys.executable), "footprint")
)
home = tempfile.mkdtemp()
env = {"PATH": "/usr/bin:/bin", "HOME": home, "FOOTPRINT_HOME": home, "PYTHONUNBUFFERED": "1"}
opened = Path(home) / "browser-was-given.txt"
if as_app:
    recorder = Path(home) / "stand-in-browser"
    recorder.write_text(f'#!/bin/sh\necho "$1" > "{opened}"\n', encoding="utf-8")
    recorder.chmod(stat.S_IRWXU)
    env["BROWSER"] = str(recorder)
command = [executable] if as_app else [executable, "ui", "--no-browser"]
proc = subprocess.Popen(
    command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=home
)
try:
    assert proc.stdout is not None
    url = None
    for _ in range(20):
        found = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", proc.stdout.readline())
        if found:
            url = found.group(0)
            break
    assert url, "footprint printed no address"
    if as_app:
        for _ in range(50):
            if opened.exists():
                break
            time.sleep(0.1)
        given = opened.read_text(encoding="utf-8").strip()
        assert given.startswith("file://"), given
        assert url in Path(given.removeprefix("file://")).read_text(encoding="utf-8")
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )
    with opener.open(url, timeout=10) as page:
        body = page.read().decode("utf-8")
    assert "Start a new check" in body, body[:300]
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=20)
finally:
    if proc.poll() is None:
        proc.kill()
assert proc.returncode == 0, err
assert "footprint stopped" in out and "Traceback" not in err, (out, err)
print("ui smoke OK:", "app" if as_app else "command", url.split("?")[0])
