"""The lookup phase with every service hostile: how long until the audit stops waiting?

Starts one loopback server per service (and one for the profile's own page) that answers
every request one byte a second and never finishes, points every built-in lookup at them
(`FOOTPRINT_<SERVICE>_URL`), grants every lookup, and runs them with the default fetch
limits, per-lookup time limit and global deadline, printing what is still running every 15 s.
Only local names resolve, so nothing leaves the machine. Before each lookup had its own time
limit this took the whole 240 s deadline (the web search works down a chain of engines);
now about the per-lookup limit.

    python benchmarks/hostile_lookups_bench.py [--lookup-limit 90]
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the tests' servers and fixtures

from tests.lookups import test_runner as fixtures  # noqa: E402
from tests.netservers import RawServer  # noqa: E402

from footprint.lookups.consent_questions import consent_plan  # noqa: E402
from footprint.lookups.runner import LOOKUP_DEADLINE_S, LookupRun  # noqa: E402
from footprint.model.consent import ConsentLedger, parse_consent_option  # noqa: E402
from footprint.net.client import FetchLimits, HttpClient  # noqa: E402
from footprint.util.settings import Settings  # noqa: E402

_real_getaddrinfo = socket.getaddrinfo


def _local_only(host: Any, *args: Any, **kwargs: Any) -> Any:
    name = host.decode() if isinstance(host, bytes) else str(host)
    if name == "localhost" or name.startswith("127."):
        return _real_getaddrinfo(host, *args, **kwargs)
    raise socket.gaierror(socket.EAI_NONAME, "benchmark: only local names resolve")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lookup-limit", type=float, default=LOOKUP_DEADLINE_S)
    limit = parser.parse_args().lookup_limit
    socket.getaddrinfo = _local_only  # type: ignore[assignment]
    services, keys = fixtures._settings_names()
    names = ["pages", *sorted(services)]
    with contextlib.ExitStack() as stack:
        servers = {
            name: stack.enter_context(RawServer(fixtures._trickle, host=f"127.0.0.{2 + i}"))
            for i, name in enumerate(names)
        }
        env = dict.fromkeys(keys, "test-key")
        for service in services:
            key = f"FOOTPRINT_{service.upper().replace('-', '_')}_URL"
            env[key] = servers[service].url().rstrip("/")
        settings = Settings(env=env, allow_loopback=True)
        urls = [servers["pages"].url("/about")]
        profile = fixtures.PRIVATE_PROFILE.model_copy(update={"urls": urls})
        lookups = fixtures._builtin_lookups(settings)
        questions, _ = consent_plan(lookups, profile)
        ledger = ConsentLedger()
        ledger.apply(questions, parse_consent_option("all", [lk.id for lk in lookups]))
        with HttpClient(FetchLimits(), allow_loopback=True) as http:
            started = time.monotonic()
            run = LookupRun(lookups, profile, http, ledger.records, lookup_deadline_s=limit)
            handle = run.start()
            while not handle.wait(15):
                running = ", ".join(i for i, _ in handle.running())
                print(f"{time.monotonic() - started:5.0f} s  still running: {running}")
            spent = time.monotonic() - started
    longest = sorted(handle.durations.items(), key=lambda kv: -kv[1])[:3]
    print(f"lookup phase: {spent:.1f} s for {len(lookups)} lookups (limit {limit:g} s each)")
    print("longest: " + ", ".join(f"{i} {s:.1f} s" for i, s in longest))
    print(f"global deadline reached: {handle.timed_out}")


if __name__ == "__main__":
    main()
