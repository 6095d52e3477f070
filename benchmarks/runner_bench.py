"""Benchmark: the lookup runner against slow loopback hosts.

60 checks against 15 hosts (127.0.0.1 ... 127.0.0.15, one threaded HTTP server bound to each)
that each answer after 300 ms, with a per-host limit of 2 requests at once. The best possible
time is 2 rounds x 300 ms = 0.6 s: 4 checks per host, 2 at a time. Prints the measured wall
time over that ideal (goal: under 1.3x) and over a sequential run (one check at a time).

    python benchmarks/runner_bench.py              # about 25 s, most of it the sequential run
    python benchmarks/runner_bench.py --repeat 5 --no-sequential

Everything stays on this machine; it stops by itself.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

from footprint.lookups.interface import Lookup
from footprint.lookups.runner import LookupRun
from footprint.model.consent import ConsentRecord
from footprint.model.observation import Observation
from footprint.model.profile import Profile
from footprint.net.client import (
    MAX_WORKERS,
    FetchError,
    FetchLimits,
    GatedClient,
    HttpClient,
    pool_size,
)
from footprint.util.settings import Settings

HOSTS = 15
CHECKS = 60
DELAY_S = 0.3
PER_HOST = 2
IDEAL_S = (CHECKS // HOSTS + PER_HOST - 1) // PER_HOST * DELAY_S  # 2 rounds x 300 ms
GOAL = 1.3
PROFILE = Profile(name="Alex Example")


class SlowHandler(BaseHTTPRequestHandler):
    """Answers every GET with a small page after DELAY_S."""

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        time.sleep(DELAY_S)
        body = b"<html><title>Team</title><body>Dr Alex Example</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class OneCheck(Lookup):
    """One check: fetch one page from one host."""

    title: ClassVar[str] = "Benchmark check"

    def __init__(self, n: int, url: str, host: str) -> None:
        super().__init__(Settings())
        self.id = f"check-{n:02d}"  # type: ignore[misc]
        self.url = url
        self.host = host

    def hosts(self, profile: Profile) -> frozenset[str]:
        return frozenset({self.host})

    def sends(self, profile: Profile) -> str:
        return f"a page request to {self.host}"

    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        try:
            http.get(self.url)
        except FetchError as e:
            return [self.couldnt_check(self.url, e.reason)]
        return [self.not_found(self.url)]


def start_servers() -> list[ThreadingHTTPServer]:
    servers = []
    for i in range(1, HOSTS + 1):
        server = ThreadingHTTPServer((f"127.0.0.{i}", 0), SlowHandler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers


def make_checks(servers: list[ThreadingHTTPServer]) -> list[OneCheck]:
    checks = []
    for n in range(CHECKS):
        host, port = servers[n % HOSTS].server_address[:2]
        checks.append(OneCheck(n, f"http://{host}:{port}/team/{n}", str(host)))
    return checks


def grant(check: OneCheck) -> ConsentRecord:
    return ConsentRecord(
        lookup_id=check.id,
        sentence=check.sends(PROFILE),
        destinations=[check.host],
        granted=True,
        granted_by="benchmark",
        how="--consent all",
        at=datetime.now(timezone.utc),
    )


def timed_run(checks: list[OneCheck], max_workers: int | None) -> float:
    limits = FetchLimits(per_host_concurrency=PER_HOST, total_timeout=10.0, max_retries=0)
    with HttpClient(limits, allow_loopback=True) as client:
        run = LookupRun(
            checks,
            PROFILE,
            client,
            [grant(c) for c in checks],
            max_workers=max_workers,
            deadline_s=120.0,
        )
        started = time.perf_counter()
        handle = run.run()
        elapsed = time.perf_counter() - started
    failed = [o for o in handle.observations if o.outcome != "not_found"]
    if len(handle.observations) != len(checks) or failed:
        sys.exit(f"benchmark run failed: {len(handle.observations)} results, {failed[:3]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="concurrent runs (default 3)")
    parser.add_argument("--no-sequential", action="store_true", help="skip the 18 s baseline")
    args = parser.parse_args()

    servers = start_servers()
    try:
        checks = make_checks(servers)
        timed_run(checks[:HOSTS], max_workers=HOSTS)  # warm-up: imports, thread start-up
        runs = [timed_run(checks, max_workers=CHECKS) for _ in range(max(1, args.repeat))]
        default_workers = timed_run(checks, max_workers=None)
        sequential = None if args.no_sequential else timed_run(checks, max_workers=1)
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()

    best, median = min(runs), statistics.median(runs)
    print(
        f"runner benchmark: {CHECKS} checks, {HOSTS} loopback hosts, {DELAY_S * 1000:.0f} ms "
        f"per answer, {PER_HOST} per host at once"
    )
    print(f"  ideal (2 rounds x {DELAY_S * 1000:.0f} ms): {IDEAL_S:.3f} s")
    print(f"  concurrent runs: {', '.join(f'{r:.3f}' for r in runs)} s")
    print(
        f"  median {median:.3f} s = {median / IDEAL_S:.2f}x ideal (goal < {GOAL}x); "
        f"best {best:.3f} s = {best / IDEAL_S:.2f}x"
    )
    sized = pool_size(CHECKS, HOSTS, PER_HOST)
    print(
        f"  with the runner's default pool ({sized} workers = {HOSTS} hosts x {PER_HOST} per "
        f"host, ceiling {MAX_WORKERS}): {default_workers:.3f} s = "
        f"{default_workers / IDEAL_S:.2f}x ideal"
    )
    if sequential is not None:
        print(
            f"  sequential (1 worker): {sequential:.3f} s = {sequential / median:.1f}x slower "
            f"than concurrent; concurrent = {median / sequential:.3f}x sequential"
        )
    print("  verdict:", "PASS" if median / IDEAL_S < GOAL else "FAIL")


if __name__ == "__main__":
    main()
