"""`footprint union stats` over a union's year: 10,000 adviser copies on disk.

    python benchmarks/union_bench.py [--copies 10000]

Writes the copies (generated, sealed, fictional) to a temporary folder, then times reading and
checking them (`read_copies`), counting (`count_calls`) and rendering all three formats, with the
peak memory Python allocated (tracemalloc). Baseline in the same run: reading the same files and
parsing their JSON with the standard library alone, the least any reader must do.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.union.copies import random_copies  # noqa: E402

from footprint.union import count_calls, read_copies  # noqa: E402
from footprint.union.render import FORMATS, render  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=10_000)
    n = parser.parse_args().copies
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i, copy in enumerate(random_copies(n)):
            (folder / f"{i:05d}.json").write_text(copy.model_dump_json(by_alias=True))
        start = time.perf_counter()
        for path in sorted(folder.glob("*.json")):
            json.loads(path.read_bytes())
        baseline = time.perf_counter() - start

        tracemalloc.start()
        start = time.perf_counter()
        read = read_copies([folder])
        read_s = time.perf_counter() - start
        stats = count_calls(read.copies, read.reasons())
        count_s = time.perf_counter() - start - read_s
        outputs = {f: render(stats, f) for f in FORMATS}
        total = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert len(read.copies) == n and not read.refused
    print(f"{n} adviser copies")
    print(f"  baseline: read + json.loads     {baseline:7.2f} s")
    print(f"  read and check (seal, schema)   {read_s:7.2f} s  ratio {read_s / baseline:.1f}x")
    print(f"  count                           {count_s:7.2f} s")
    print(f"  whole run incl. html/csv/json   {total:7.2f} s  (goal: under 60 s)")
    print(f"  peak memory (tracemalloc)       {peak / 1e6:7.1f} MB")
    print(f"  html {len(outputs['html']) / 1e3:.0f} KB, csv {len(outputs['csv']) / 1e3:.0f} KB")


if __name__ == "__main__":
    main()
