"""Shared test plumbing for the JSON API lookups: a loopback client bound like the runner does.

Tests point a lookup at pytest-httpserver with `FOOTPRINT_<SERVICE>_URL`, grant it consent for
exactly the hosts it declares, and run it. Retries are off so a 429 is seen at once, and the
time limit is short so a "timeout" test takes well under a second.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from footprint.lookups.interface import Lookup
from footprint.model.consent import ConsentRecord
from footprint.model.observation import Exposure, Observation
from footprint.model.profile import Profile
from footprint.net.client import FetchLimits, HttpClient
from footprint.util.settings import Settings

FIXTURES = Path(__file__).parent.parent / "fixtures"
QUICK = FetchLimits(total_timeout=0.5, connect_timeout=0.5, max_retries=0)


def fixture(service: str, name: str) -> Any:
    """A recorded JSON answer from tests/fixtures/<service>/<name>."""
    return json.loads((FIXTURES / service / name).read_text(encoding="utf-8"))


def settings_for(httpserver: HTTPServer, service: str, key: str | None = "test-key") -> Settings:
    """Settings that send `service` to the local server, with a key if given."""
    prefix = f"FOOTPRINT_{service.upper().replace('-', '_')}"
    env = {f"{prefix}_URL": httpserver.url_for("/")}
    if key:
        env[f"{prefix}_KEY"] = key
    return Settings(env=env, allow_loopback=True)


def run(lookup: Lookup, profile: Profile) -> list[Observation]:
    """Run `lookup` as the runner would: consent for its own hosts, its own client."""
    hosts = lookup.hosts(profile)
    grant = ConsentRecord(
        lookup_id=lookup.id,
        sentence=lookup.sends(profile),
        destinations=sorted(hosts),
        granted=True,
        granted_by="test",
        how="test",
        at=datetime.now(timezone.utc),
    )
    with HttpClient(QUICK, allow_loopback=True) as client:
        return lookup.run(profile, client.bind(grant, hosts, min_interval=0.0))


def with_key(observations: list[Observation], key: str) -> tuple[Observation, Exposure]:
    """The observation whose exposure has `key`, and that exposure."""
    for o in observations:
        if o.exposure and o.exposure.key == key:
            return o, o.exposure
    raise AssertionError(f"no observation with key {key}")


class Slow:
    """A handler that answers too late for QUICK's time limit.

    The test server answers one request at a time, so a test using it must call `wait()`
    before it ends, or the next test's first request would queue behind the sleep.
    """

    def __init__(self, seconds: float = 0.8) -> None:
        self.seconds = seconds
        self.done = threading.Event()

    def __call__(self, request: Request) -> Response:
        time.sleep(self.seconds)
        self.done.set()
        return Response("{}", content_type="application/json")

    def wait(self) -> None:
        assert self.done.wait(5), "the slow handler never ran"


@contextmanager
def no_requests(httpserver: HTTPServer) -> Iterator[None]:
    """Assert the block makes no request at all."""
    yield
    assert httpserver.log == [], "the lookup sent a request"
