"""One quick interview of the demo doctor, typed through a pseudo-terminal: questions and seconds.

A scripted person answers every prompt of `footprint audit --quick --offline` for the demo's
fictional doctor (tests/ptyaudit.py drives the terminal). Printed: the questions asked, the
wall-clock seconds, and the machine's share of them against a baseline measured in the same run:
the same audit with `--no-input` (start-up, checklist loading, report writing, no questions).
The full audit's question count for the same doctor is printed for comparison.

At the pace the estimate assumes (`SECONDS_PER_QUESTION`), a person would take the "at a
person's pace" figure; the machine adds only the per-question overhead shown.

    python benchmarks/quick_interview_bench.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from footprint.audit.questions import SECONDS_PER_QUESTION, quick_selection  # noqa: E402
from footprint.content.checklists import select_items, shipped_catalogue  # noqa: E402
from footprint.demo.run import demo_profile  # noqa: E402
from ptyaudit import PtyProcess, child_env  # noqa: E402


def _profile(folder: Path) -> Path:
    path = folder / "demo-profile.yaml"
    profile = demo_profile("http://127.0.0.1:9")
    path.write_text(yaml.safe_dump(profile.model_dump(mode="json")))
    return path


def _interview(folder: Path, profile: Path) -> tuple[int, float]:
    """Answer every prompt ("n" to the first, then y/n/u in turn); questions and seconds."""
    args = ["audit", "--profile", str(profile), "--quick", "--offline", "--no-store"]
    keys = ("y", "n", "u", "n")
    start = time.perf_counter()
    proc = PtyProcess([*args, "--out", str(folder / "q")], child_env(folder / "home"))
    asked = 0
    while (prompt := proc.next_prompt()) is not None:
        if prompt.kind == "item":
            proc.send(keys[asked % len(keys)])
            asked += 1
        else:
            proc.send("n")
    code = proc.finish()
    seconds = time.perf_counter() - start
    if code != 0:
        raise SystemExit(f"the audit exited with {code}:\n{proc.output[-2000:]}")
    return asked, seconds


def _no_input(folder: Path, profile: Path) -> float:
    args = ["audit", "--profile", str(profile), "--quick", "--offline", "--no-store", "--no-input"]
    start = time.perf_counter()
    proc = PtyProcess([*args, "--out", str(folder / "n")], child_env(folder / "home2"))
    if proc.finish() != 0:
        raise SystemExit(f"the --no-input audit failed:\n{proc.output[-2000:]}")
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        profile = _profile(folder)
        baseline = _no_input(folder, profile)
        asked, seconds = _interview(folder, profile)
    items = select_items(shipped_catalogue(), demo_profile("http://127.0.0.1:9"))
    planned = len(quick_selection(items))
    per_question = (seconds - baseline) / max(asked, 1)
    person = asked * SECONDS_PER_QUESTION / 60
    print("quick interview of the demo doctor, driven through a pty")
    print(f"  full audit questions          {len(items):5d}")
    print(f"  quick questions planned       {planned:5d}")
    print(f"  quick questions asked         {asked:5d}")
    print(f"  --no-input run (baseline)     {baseline:7.2f} s")
    print(f"  scripted interview            {seconds:7.2f} s  ratio {seconds / baseline:.2f}x")
    print(f"  machine time per question     {per_question * 1000:7.1f} ms")
    print(f"  at a person's pace            {person:7.1f} min ({SECONDS_PER_QUESTION} s each)")


if __name__ == "__main__":
    main()
