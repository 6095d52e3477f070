"""Benchmark: adding 10,000 contact-log entries and verifying the chain.

Times `LogStore.add` (each entry in its own transaction, chained to the one before, with its
hashes computed, and the head recorded in its table and in `head.json`) against a baseline
measured in the same run: plain sqlite3 INSERTs of the same rows into the same schema, one
transaction each, with the same journal settings. Then times `verify` over the 10,000 entries
against a baseline that only reads the rows back. Everything is written to a temporary folder
and removed afterwards.

    python benchmarks/log_bench.py                 # 10,000 entries
    python benchmarks/log_bench.py --entries 2000
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from footprint.log.database import SCHEMA, LogStore
from footprint.log.models import Channel, EntryFields
from footprint.log.rows import COLUMNS, row_of

CHANNELS = list(Channel)


def fields(n: int) -> EntryFields:
    """A fictional entry, varied a little so rows are not identical."""
    return EntryFields(
        when=f"2026-{1 + n % 11:02d}-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:00+00:00",
        channel=CHANNELS[n % len(CHANNELS)],
        where="Example Street Surgery reception",
        what=f"Contact {n}: a message asking where I live and when I finish work.",
        witnesses=["Sam (receptionist)"] if n % 3 == 0 else [],
        reported_to="Practice manager" if n % 5 == 0 else "",
    )


def time_log_adds(folder: Path, count: int) -> tuple[float, float, LogStore]:
    store = LogStore(folder)
    start, cpu = time.perf_counter(), time.process_time()
    for n in range(count):
        store.add(fields(n))
    return time.perf_counter() - start, time.process_time() - cpu, store


def time_raw_inserts(path: Path, rows: list[tuple[object, ...]]) -> tuple[float, float]:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA secure_delete=ON")
    db.executescript(SCHEMA)
    sql = f"INSERT INTO entries ({COLUMNS}) VALUES ({', '.join('?' * 15)})"
    start, cpu = time.perf_counter(), time.process_time()
    for row in rows:
        db.execute("BEGIN IMMEDIATE")
        db.execute(sql, row)
        db.execute("COMMIT")
    elapsed = time.perf_counter() - start, time.process_time() - cpu
    db.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        log_s, log_cpu, store = time_log_adds(Path(tmp) / "log", args.entries)
        rows = [row_of(e) for e in store.entries()]  # the very rows the log wrote
        raw_s, raw_cpu = time_raw_inserts(Path(tmp) / "raw.db", rows)

        start = time.perf_counter()
        result = store.verify()
        verify_s = time.perf_counter() - start
        start = time.perf_counter()
        read = sum(1 for _ in store.records())
        read_s = time.perf_counter() - start
        store.close()
    assert result.ok and result.entries == args.entries == read

    n = args.entries
    print(f"contact log benchmark: {n} entries, one transaction each (WAL, secure_delete on)")
    print(
        f"  raw sqlite3 inserts of the same rows: {raw_s:.2f} s wall ({raw_s / n * 1e3:.3f} ms/entry), {raw_cpu:.2f} s CPU"
    )
    print(
        f"  footprint log add (hash chain):       {log_s:.2f} s wall ({log_s / n * 1e3:.3f} ms/entry), {log_cpu:.2f} s CPU"
    )
    print(f"  ratio add / raw insert: {log_s / raw_s:.2f}x wall, {log_cpu / raw_cpu:.2f}x CPU")
    print(
        "  (wall time is mostly the disk flush after each commit, which both pay; CPU is the hashing)"
    )
    print(f"  read the rows back:   {read_s:.3f} s")
    print(f"  verify the chain:     {verify_s:.3f} s ({verify_s / n * 1e6:.0f} us/entry)")
    print(f"  ratio verify / read:  {verify_s / read_s:.1f}x")
    print(f"  final digest: {result.head}")


if __name__ == "__main__":
    main()
