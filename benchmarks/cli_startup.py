"""How fast does `footprint --help` answer? Prints times and ratios against bare Python.

Baseline, measured in the same run: `python -c "import click"` (the interpreter plus the one
library `--help` genuinely needs). The ratio shows what footprint itself adds.

    python benchmarks/cli_startup.py [--runs 20]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def _time(cmd: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    py = sys.executable
    bare = _time([py, "-c", "pass"], runs)
    click_only = _time([py, "-c", "import click"], runs)
    help_ = _time([py, "-m", "footprint", "--help"], runs)
    audit_help = _time([py, "-m", "footprint", "audit", "--help"], runs)
    print(f"median of {runs} runs")
    print(f"  python -c pass              {bare * 1000:7.1f} ms")
    print(f"  python -c 'import click'    {click_only * 1000:7.1f} ms  (baseline)")
    print(f"  footprint --help            {help_ * 1000:7.1f} ms  ratio {help_ / click_only:.2f}x")
    print(
        f"  footprint audit --help      {audit_help * 1000:7.1f} ms  "
        f"ratio {audit_help / click_only:.2f}x"
    )


if __name__ == "__main__":
    main()
