"""`footprint scan` through the CLI: 60 pages on 15 slow loopback hosts, against the ideal.

Starts 15 threaded HTTP servers, one on each of 127.0.0.1 ... 127.0.0.15 (all loopback on
Linux; on macOS add aliases with `sudo ifconfig lo0 alias 127.0.0.N up`), each answering every
request after 300 ms. Then runs `footprint scan URL x60 --allow-private --format json` as a
subprocess, exactly as a user would, and compares the wall time with:

- start-up: the same command on one local HTML file (no network), measured in this run;
- ideal: start-up + 2 rounds x 300 ms (4 pages per host, 2 at once per host: the politeness
  limit of `footprint.net.client`).

The goal is at most 1.3x the ideal. For comparison it also times the core `scan()` with the
old fixed 4 workers (no CLI start-up), which took 8.7x the 0.6 s of network ideal.

    python benchmarks/scan_cli_bench.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

from runner_bench import DELAY_S, HOSTS, start_servers  # the same 15 slow loopback hosts

from footprint.lookups.pages.scanner import scan

PAGES = 60
PER_HOST = 2  # footprint.net.client's FetchLimits.per_host_concurrency
ROUNDS = (PAGES // HOSTS + PER_HOST - 1) // PER_HOST
GOAL = 1.3
PAGE = b"<html><title>Team</title><body><p>Dr Alex Example, GP</p></body></html>"


def page_urls(servers: list[ThreadingHTTPServer]) -> list[str]:
    urls = []
    for n in range(PAGES):
        host, port = servers[n % HOSTS].server_address[:2]
        urls.append(f"http://{host}:{port}/team/{n}")
    return urls


def timed_cli(targets: list[str]) -> float:
    """Seconds for `footprint scan TARGETS --allow-private --format json` in a new process."""
    command = [sys.executable, "-m", "footprint", "scan", *targets, "--allow-private"]
    started = time.perf_counter()
    done = subprocess.run([*command, "--format", "json"], capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0 or done.stdout.count(b'"not_found"') != len(targets):
        sys.exit(f"scan failed (exit {done.returncode}): {done.stderr.decode()[-500:]}")
    return elapsed


def timed_core(urls: list[str], workers: int | None) -> float:
    started = time.perf_counter()
    results = scan(urls, allow_private=True, workers=workers)
    elapsed = time.perf_counter() - started
    if any(r.outcome != "not_found" for r in results):
        sys.exit("core scan failed: " + repr([r.reason for r in results if r.reason][:3]))
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="CLI runs (default 3)")
    args = parser.parse_args()
    servers = start_servers()
    try:
        urls = page_urls(servers)
        with tempfile.TemporaryDirectory() as folder:
            local = Path(folder) / "team.html"
            local.write_bytes(PAGE)
            startup = statistics.median(timed_cli([str(local)]) for _ in range(3))
        runs = [timed_cli(urls) for _ in range(max(1, args.repeat))]
        old = timed_core(urls, workers=4)
        sized = timed_core(urls, workers=None)
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
    network_ideal = ROUNDS * DELAY_S
    ideal = startup + network_ideal
    median = statistics.median(runs)
    print(
        f"footprint scan benchmark: {PAGES} pages, {HOSTS} loopback hosts, "
        f"{DELAY_S * 1000:.0f} ms per answer, {PER_HOST} per host at once"
    )
    print(f"  CLI start-up (one local file): {startup:.3f} s")
    print(f"  ideal: start-up + {ROUNDS} rounds x {DELAY_S * 1000:.0f} ms = {ideal:.3f} s")
    print(f"  CLI runs: {', '.join(f'{r:.3f}' for r in runs)} s")
    print(f"  median {median:.3f} s = {median / ideal:.2f}x ideal (goal <= {GOAL}x)")
    print(
        f"  network part: {median - startup:.3f} s = "
        f"{(median - startup) / network_ideal:.2f}x the {network_ideal:.1f} s network ideal"
    )
    print(
        f"  core scan(), sized pool: {sized:.3f} s = {sized / network_ideal:.2f}x; "
        f"old fixed 4 workers: {old:.3f} s = {old / network_ideal:.2f}x"
    )
    print("  verdict:", "PASS" if median / ideal <= GOAL else "FAIL")


if __name__ == "__main__":
    main()
