"""How big is footprint to download, and how long from opening it to its start page?

    python benchmarks/package_bench.py --wheel dist/footprint_audit-*.whl --app dist/app/footprint
        [--runs 5]

Sizes: the wheel file, the application folder, and that folder zipped (what a doctor downloads).
Start-up: from launching the program to the start page answering in the browser's place (the
one-time address exchanged for its cookie, the page read), median of --runs. Two programs are
timed in the same run: the installed command `footprint ui --no-browser` (the baseline: the same
Python environment this script runs in) and the application opened with no arguments, as a
double-click opens it. The ratio is what bundling Python costs a doctor at every start.
Build the two with `python -m build` and `bash packaging/build_app.sh` first.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ADDRESS = re.compile(r"http://127\.0\.0\.1:\d+/\?token=\S+")


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def zipped_size(path: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        archive = shutil.make_archive(str(Path(tmp) / "app"), "zip", path.parent, path.name)
        return Path(archive).stat().st_size


def time_to_start_page(command: list[str]) -> float:
    """Seconds from launch until the start page has been served once."""
    home = tempfile.mkdtemp()
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "FOOTPRINT_HOME": home, "PYTHONUNBUFFERED": "1"}
    env["BROWSER"] = "/bin/true"  # a stand-in browser: the address is opened below instead
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env, cwd=home)
    try:
        assert proc.stdout is not None
        url = None
        while url is None:
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError("footprint printed no address")
            found = ADDRESS.search(line)
            url = found.group(0) if found else None
        jar = urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        with urllib.request.build_opener(jar).open(url, timeout=30) as page:
            page.read()
        elapsed = time.perf_counter() - start
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(home, ignore_errors=True)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wheel", type=Path, required=True)
    parser.add_argument("--app", type=Path, required=True, help="the application folder")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    command = os.path.join(os.path.dirname(sys.executable), "footprint")
    baseline = statistics.median(
        time_to_start_page([command, "ui", "--no-browser"]) for _ in range(args.runs)
    )
    app = statistics.median(
        time_to_start_page([str(args.app.resolve() / "footprint")]) for _ in range(args.runs)
    )
    mb = 1024 * 1024
    print(f"wheel                         {args.wheel.stat().st_size / 1024:8.0f} KB")
    print(f"application folder            {folder_size(args.app) / mb:8.1f} MB")
    print(f"application, zipped           {zipped_size(args.app) / mb:8.1f} MB")
    print(f"median of {args.runs} starts, launch to start page served:")
    print(f"  footprint ui (installed)    {baseline:8.2f} s  (baseline)")
    print(f"  application, opened         {app:8.2f} s  ratio {app / baseline:.2f}x")


if __name__ == "__main__":
    main()
