"""Name masking at 1 MB: the masked copy's scrubber against a plain regex pass, same process.

Builds the scrubber for a profile whose name is the longest the model allows (and, separately,
for a one-megabyte name that skipped validation), then masks one megabyte of report-like text
full of the name's words, near-misses of it (the text that made the old patterns quadratic),
e-mail addresses and phone numbers. The baseline is one pass of `mask_contacts_in` over the
same text (three regexes). Also masks 100 kB and 300 kB, so the growth is visible: linear
time gives about 10x from 100 kB to 1 MB, quadratic about 100x.

    python benchmarks/mask_bench.py [--megabytes 1]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from footprint.model.bounds import NAME_MAX
from footprint.model.profile import Profile
from footprint.report.mask import mask_contacts_in
from footprint.report.scrub import Scrubber

LONGEST_NAME = ("Alexandra Maria Example " * 20)[:NAME_MAX].rsplit(maxsplit=1)[0]


def _text(size: int, name: str) -> str:
    words = name.split()
    parts = []
    n = 0
    while sum(len(p) + 1 for p in parts) < size:
        n += 1
        near_miss = " ".join(words[: max(1, len(words) - 1)]) + " Exampel"
        parts += [near_miss, f"Dr {words[-1]}", f"alex{n}@example.org", "07700 900123", "clinic"]
    return " ".join(parts)[:size]


def _timed(job: Callable[[], object]) -> float:
    started = time.perf_counter()
    job()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    size = int(parser.parse_args().megabytes * 1_000_000)
    profile = Profile(name=LONGEST_NAME, role="gp")
    build = _timed(lambda: Scrubber(names=profile.all_names))
    scrubber = Scrubber(names=profile.all_names)
    print(f"name of {len(LONGEST_NAME)} characters: scrubber built in {build * 1000:.1f} ms")
    times = {}
    for chunk in (size // 10, size * 3 // 10, size):
        text = _text(chunk, LONGEST_NAME)
        times[chunk] = _timed(lambda t=text: scrubber.mask(mask_contacts_in(t)))
        print(f"  masked {chunk / 1e6:.1f} MB in {times[chunk]:.3f} s")
    text = _text(size, LONGEST_NAME)
    baseline = _timed(lambda: mask_contacts_in(text))
    print(f"  baseline (contacts only) {baseline:.3f} s; ratio {times[size] / baseline:.1f}x")
    print(f"  growth 0.1 -> 1x size: {times[size] / times[size // 10]:.1f}x (linear: ~10x)")
    huge = "Alex Example " * (size // 13)
    build = _timed(lambda: Scrubber(names=[huge]))
    spent = _timed(lambda: Scrubber(names=[huge]).mask(huge[:-3]))
    print(f"unvalidated {len(huge) / 1e6:.1f} MB name: built {build:.3f} s, its text {spent:.3f} s")


if __name__ == "__main__":
    main()
