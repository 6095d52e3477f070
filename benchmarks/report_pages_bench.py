"""How many A4 pages the reports print to from Chromium (goal: at most 12, so a doctor prints them).

Runs, as a user would, `footprint demo` and a quick adviser-mode audit of the demo doctor
(`footprint audit --quick --offline --no-input --no-store --adviser ... --answers
src/footprint/demo/answers.yaml`), then prints each report.html from Debian's system Chromium
(Playwright with `executable_path`, as tests/browser.py does) to A4 with the report's own print
CSS (`prefer_css_page_size`), the way tests/report/test_browser_report.py does. Printed: the
page counts against the goal, and against the counts before the print layout was shortened
(demo 54 pages, the member's adviser-mode copy 34).

    python benchmarks/report_pages_bench.py [--keep DIR]   # about 20 s; --keep saves the PDFs

Needs the test extras (playwright) and `/usr/bin/chromium`; nothing leaves this machine.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import footprint.demo.run as demo

GOAL_PAGES = 12
#: Page counts measured before the print layout was shortened, for the ratio.
BEFORE = {"demo": 54, "member-copy": 34}


def _footprint(args: list[str], home: Path) -> None:
    """`python -m footprint ARGS` in a scratch home; stop with its output if it fails."""
    env = {**os.environ, "FOOTPRINT_HOME": str(home), "NO_COLOR": "1"}
    run = subprocess.run(
        [sys.executable, "-m", "footprint", *args], env=env, capture_output=True, text=True
    )
    if run.returncode != 0:
        raise SystemExit(f"footprint {args[0]} exited with {run.returncode}:\n{run.stderr}")


def _reports(folder: Path) -> dict[str, Path]:
    """Write the demo report and the quick audit's two copies; name -> report.html."""
    home = folder / "home"
    _footprint(["demo", "--out", str(folder / "demo")], home)
    profile = folder / "profile.yaml"
    text = (demo.HERE / "profile.yaml").read_text(encoding="utf-8")
    profile.write_text(text.replace("{demo}", "https://demo.example"), encoding="utf-8")
    quick = folder / "quick"
    args = ["audit", "--profile", str(profile), "--answers", str(demo.HERE / "answers.yaml")]
    args += ["--quick", "--offline", "--no-input", "--no-store"]
    args += ["--adviser", "Sam Adviser", "--case", "MDU-2026-0042", "--out", str(quick)]
    _footprint(args, home)
    return {
        "demo": folder / "demo" / "report.html",
        "member-copy": quick / "member-copy" / "report.html",
        "adviser-copy": quick / "adviser-copy" / "report.html",
    }


def _page_count(pdf: bytes) -> int:
    """Page objects in a PDF Chromium printed (as tests/browser.py counts them)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def _print_all(reports: dict[str, Path], keep: Path | None) -> dict[str, int]:
    """Each report printed to A4 by the system Chromium; name -> pages."""
    from playwright.sync_api import sync_playwright

    pages: dict[str, int] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        try:
            for name, html in reports.items():
                page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
                page.goto(html.resolve().as_uri())
                pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
                pages[name] = _page_count(pdf)
                if keep is not None:
                    keep.mkdir(parents=True, exist_ok=True)
                    (keep / f"{name}.pdf").write_bytes(pdf)
        finally:
            browser.close()
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="save the PDFs in this folder")
    keep = parser.parse_args().keep
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        reports = _reports(Path(tmp))
        written = time.perf_counter() - start
        pages = _print_all(reports, keep)
    printed = time.perf_counter() - start - written
    print("report print length: A4 from the system Chromium, the report's own print CSS")
    for name, count in pages.items():
        old = BEFORE.get(name)
        before = f"  before shortening: {old} ({count / old:.2f}x)" if old else ""
        verdict = "ok" if count <= GOAL_PAGES else "OVER"
        print(f"  {name:13s} {count:3d} pages  goal <= {GOAL_PAGES}: {verdict}", end="")
        print(before)
    print(f"  reports written in {written:.1f} s, printed in {printed:.1f} s")


if __name__ == "__main__":
    main()
