"""CI smoke test of an installed wheel: `footprint ui --no-browser` prints a working address.

Run with the wheel's own Python (no test extras there): it starts the command, reads the
address it prints, opens it once (the secret is exchanged for a cookie and the start page
loads), then stops it with Ctrl-C and checks it said why it stopped.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import tempfile
import urllib.request

home = tempfile.mkdtemp()
proc = subprocess.Popen(
    [os.path.join(os.path.dirname(sys.executable), "footprint"), "ui", "--no-browser"],
    stdout=subprocess.PIPE,
    stderr=subprocess.PIPE,
    text=True,
    env={**os.environ, "FOOTPRINT_HOME": home, "PYTHONUNBUFFERED": "1"},
    cwd=home,
)
try:
    assert proc.stdout is not None
    url = None
    for _ in range(20):
        found = re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", proc.stdout.readline())
        if found:
            url = found.group(0)
            break
    assert url, "footprint ui printed no address"
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
print("ui smoke OK:", url.split("?")[0])
