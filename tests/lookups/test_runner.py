"""The lookup runner: concurrency, consent, deadline, cancel, failures as results.

Fake lookups block on events and barriers rather than sleeping, so the tests prove ordering and
concurrency without depending on the clock.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from typing import ClassVar

import pytest

from footprint.lookups.interface import Lookup
from footprint.lookups.runner import (
    INTERNAL_ERROR,
    NO_CONSENT,
    STOPPED,
    TIMED_OUT,
    LookupRun,
    RunHandle,
)
from footprint.lookups.timelimit import STOPPED_REASON, timed_out_after
from footprint.model.consent import ConsentRecord
from footprint.model.observation import Observation, Outcome
from footprint.model.profile import Profile
from footprint.net.client import ConsentViolation, FetchError, FetchLimits, GatedClient, HttpClient
from footprint.util.settings import Settings
from netservers import RawServer

PROFILE = Profile(name="Alex Example", private={"phones": ["07700 900123"]})
LIMITS = FetchLimits(connect_timeout=1.0, total_timeout=2.0, max_retries=0)


class FakeLookup(Lookup):
    """Runs `body(http)`; the test decides what that does."""

    title: ClassVar[str] = "Fake lookup"

    def __init__(
        self,
        lookup_id: str,
        body: Callable[[FakeLookup, GatedClient], list[Observation]] | None = None,
        hosts: frozenset[str] = frozenset({"127.0.0.1"}),
        min_interval: float = 0.0,
    ) -> None:
        super().__init__(Settings())
        self.id = lookup_id  # type: ignore[misc]
        self.body = body or (lambda lk, http: [lk.not_found("nothing")])
        self._hosts = hosts
        self.min_interval = min_interval  # type: ignore[misc]
        self.seen: GatedClient | None = None

    def hosts(self, profile: Profile) -> frozenset[str]:
        return self._hosts

    def sends(self, profile: Profile) -> str:
        return f"your name to {', '.join(sorted(self._hosts))}"

    def run(self, profile: Profile, http: GatedClient) -> list[Observation]:
        self.seen = http
        return self.body(self, http)


def consent(lookup: Lookup, granted: bool = True) -> ConsentRecord:
    return ConsentRecord(
        lookup_id=lookup.id,
        sentence=lookup.sends(PROFILE),
        destinations=sorted(lookup.hosts(PROFILE)),
        granted=granted,
        granted_by="the doctor",
        how="test",
        at=datetime.now(timezone.utc),
    )


class Recorder:
    """A RunObserver that writes down every call."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str]] = []

    def started(self, lookup_id: str) -> None:
        self.events.append(("started", lookup_id))

    def observation(self, obs: Observation) -> None:
        self.events.append(("observation", obs.lookup_id))

    def finished(self, lookup_id: str, duration_s: float, errors: list[str]) -> None:
        self.events.append(("finished", lookup_id))


@pytest.fixture
def client() -> Iterator[HttpClient]:
    with HttpClient(LIMITS, allow_loopback=True) as http:
        yield http


@pytest.fixture
def release() -> Iterator[threading.Event]:
    """Set at teardown so blocked fake lookups end."""
    event = threading.Event()
    yield event
    event.set()


def run_all(
    lookups: list[FakeLookup], client: HttpClient, granted: bool = True, **kw: object
) -> RunHandle:
    return LookupRun(lookups, PROFILE, client, [consent(lk, granted) for lk in lookups], **kw).run()  # type: ignore[arg-type]


def outcome(handle: RunHandle, lookup_id: str) -> tuple[Outcome, str | None]:
    [obs] = [o for o in handle.observations if o.lookup_id == lookup_id]
    return obs.outcome, obs.reason


def test_lookups_run_concurrently(client: HttpClient) -> None:
    barrier = threading.Barrier(4, timeout=5)  # breaks unless all four run at once

    def meet(lk: FakeLookup, http: GatedClient) -> list[Observation]:
        barrier.wait()
        return [lk.not_found("met")]

    handle = run_all([FakeLookup(f"l{i}", meet) for i in range(4)], client, max_workers=4)
    assert [o.outcome for o in handle.observations] == [Outcome.NOT_FOUND] * 4
    assert set(handle.durations) == {"l0", "l1", "l2", "l3"}


def test_max_workers_bounds_concurrency(client: HttpClient) -> None:
    lock = threading.Lock()
    state = {"now": 0, "max": 0}
    gate = threading.Semaphore(0)

    def count(lk: FakeLookup, http: GatedClient) -> list[Observation]:
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        gate.acquire(timeout=0.05)
        with lock:
            state["now"] -= 1
        return [lk.not_found("x")]

    handle = run_all([FakeLookup(f"l{i}", count) for i in range(6)], client, max_workers=2)
    assert len(handle.observations) == 6 and state["max"] <= 2


def test_callbacks_see_every_observation_in_order(client: HttpClient) -> None:
    stored: list[Observation] = []
    recorder = Recorder()
    lookups = [
        FakeLookup("two", lambda lk, http: [lk.not_found("a"), lk.not_found("b")]),
        FakeLookup("none", lambda lk, http: []),
    ]
    handle = run_all(lookups, client, on_observation=stored.append, observer=recorder)
    assert stored == handle.observations and len(stored) == 2
    for lookup_id, n in (("two", 2), ("none", 0)):
        mine = [e for e, i in recorder.events if i == lookup_id]
        assert mine == ["started", *["observation"] * n, "finished"]


def test_each_lookup_is_bound_to_its_own_grant_and_hosts(client: HttpClient) -> None:
    a = FakeLookup("a", hosts=frozenset({"a.example"}), min_interval=1.5)
    b = FakeLookup("b", hosts=frozenset({"b.example"}))
    run_all([a, b], client)
    assert a.seen is not None and b.seen is not None
    assert (a.seen.grant.lookup_id, a.seen.hosts, a.seen.min_interval) == (
        "a",
        frozenset({"a.example"}),
        1.5,
    )
    assert (b.seen.grant.lookup_id, b.seen.hosts) == ("b", frozenset({"b.example"}))


def fetcher(url: str) -> Callable[[FakeLookup, GatedClient], list[Observation]]:
    def fetch(lk: FakeLookup, http: GatedClient) -> list[Observation]:
        try:
            http.get(url)
        except FetchError as e:
            return [lk.couldnt_check("page", e.reason)]
        return [lk.not_found("page")]

    return fetch


@pytest.mark.parametrize("decision", ["refused", "missing"])
def test_no_consent_means_skipped_and_zero_connections(client: HttpClient, decision: str) -> None:
    with RawServer() as raw:
        lookups = [FakeLookup(f"l{i}", fetcher(raw.url(f"/{i}"))) for i in range(3)]
        consents = [consent(lk, granted=False) for lk in lookups] if decision == "refused" else []
        recorder = Recorder()
        handle = LookupRun(lookups, PROFILE, client, consents, observer=recorder).run()
    assert raw.connections == 0
    assert all(lk.seen is None for lk in lookups)
    assert {(o.outcome, o.reason) for o in handle.observations} == {(Outcome.SKIPPED, NO_CONSENT)}
    assert ("started", "l0") not in recorder.events and ("finished", "l0") in recorder.events


def test_granted_lookups_do_connect(client: HttpClient) -> None:
    with RawServer() as raw:
        handle = run_all([FakeLookup("l0", fetcher(raw.url("/")))], client)
    assert raw.connections == 1 and outcome(handle, "l0") == (Outcome.NOT_FOUND, None)


def test_a_lookup_that_cannot_run_is_skipped_even_when_granted(client: HttpClient) -> None:
    class Keyed(FakeLookup):
        key_env: ClassVar[str | None] = "FOOTPRINT_NOPE_KEY"

    for granted in (True, False):  # its own reason, not "no consent" (it was never asked)
        handle = run_all([Keyed("keyed")], client, granted=granted)
        assert outcome(handle, "keyed") == (
            Outcome.SKIPPED,
            "needs an API key in FOOTPRINT_NOPE_KEY",
        )


def test_global_deadline_keeps_finished_results(
    client: HttpClient, release: threading.Event
) -> None:
    stuck = FakeLookup("stuck", lambda lk, http: [lk.not_found("late")] if release.wait(10) else [])
    fast = FakeLookup("fast")
    recorder = Recorder()
    handle = run_all([fast, stuck], client, deadline_s=0.3, observer=recorder)
    assert handle.done and handle.timed_out and not handle.cancelled
    assert outcome(handle, "fast") == (Outcome.NOT_FOUND, None)
    assert outcome(handle, "stuck") == (Outcome.COULDNT_CHECK, TIMED_OUT)
    assert handle.errors["stuck"] == [TIMED_OUT] and ("finished", "stuck") in recorder.events
    assert client.cancelled.is_set()  # requests still in flight are stopped too
    release.set()  # the late result must not be added afterwards
    _join("lookup-stuck")
    assert outcome(handle, "stuck") == (Outcome.COULDNT_CHECK, TIMED_OUT)


def test_cancel_stops_cleanly_and_keeps_what_finished(
    client: HttpClient, release: threading.Event
) -> None:
    fast_done = threading.Event()
    fast = FakeLookup("fast", lambda lk, http: [lk.not_found("x")])
    stuck = FakeLookup("stuck", lambda lk, http: [lk.not_found("late")] if release.wait(10) else [])
    recorder = Recorder()

    class Signal(Recorder):
        def finished(self, lookup_id: str, duration_s: float, errors: list[str]) -> None:
            recorder.finished(lookup_id, duration_s, errors)
            if lookup_id == "fast":
                fast_done.set()

    run = LookupRun(
        [fast, stuck], PROFILE, client, [consent(fast), consent(stuck)], observer=Signal()
    )
    handle = run.start()
    assert fast_done.wait(5)
    handle.cancel()
    assert handle.wait(1) and handle.cancelled
    assert outcome(handle, "fast") == (Outcome.NOT_FOUND, None)
    assert outcome(handle, "stuck") == (Outcome.COULDNT_CHECK, STOPPED)
    # Not marked finished, so a resumed audit runs it again.
    assert "stuck" not in handle.durations and ("finished", "stuck") not in recorder.events


def test_background_handle_can_be_polled(client: HttpClient, release: threading.Event) -> None:
    slow = FakeLookup("slow", lambda lk, http: [lk.not_found("x")] if release.wait(10) else [])
    handle = LookupRun([slow], PROFILE, client, [consent(slow)]).start()
    assert handle.wait(0.05) is False and not handle.done and handle.observations == []
    release.set()
    assert handle.wait(5) is True and outcome(handle, "slow") == (Outcome.NOT_FOUND, None)


def test_unexpected_exception_is_couldnt_check_without_its_message(client: HttpClient) -> None:
    def boom(lk: FakeLookup, http: GatedClient) -> list[Observation]:
        raise RuntimeError("parsing failed for Alex Example 07700 900123")

    handle = run_all([FakeLookup("boom", boom), FakeLookup("fine")], client)
    assert outcome(handle, "boom") == (Outcome.COULDNT_CHECK, INTERNAL_ERROR)
    assert outcome(handle, "fine") == (Outcome.NOT_FOUND, None)
    assert handle.errors["boom"] == [f"{INTERNAL_ERROR} (RuntimeError)"]
    dumped = " ".join(o.model_dump_json() for o in handle.observations) + str(handle.errors)
    assert "Alex" not in dumped and "07700" not in dumped


def test_an_uncaught_fetch_error_is_couldnt_check(client: HttpClient) -> None:
    def lazy(lk: FakeLookup, http: GatedClient) -> list[Observation]:
        raise FetchError("took too long (api.example)")

    handle = run_all([FakeLookup("lazy", lazy)], client)
    assert outcome(handle, "lazy") == (Outcome.COULDNT_CHECK, "took too long (api.example)")
    assert handle.errors["lazy"] == ["took too long (api.example)"]


def test_consent_violation_is_a_bug_and_propagates(client: HttpClient) -> None:
    with RawServer() as raw:
        rogue = FakeLookup("rogue", fetcher(raw.url("/")), hosts=frozenset({"api.example"}))
        with pytest.raises(ConsentViolation):
            run_all([rogue], client)
    assert raw.connections == 0


def _join(name: str) -> None:
    for thread in threading.enumerate():
        if thread.name == name:
            thread.join(timeout=5)


# -- the built-in lookups: no consent, no connection; the private block never leaves --------------

PRIVATE_PROFILE = Profile.model_validate(
    {
        "name": "Alex Example",
        "jurisdiction": "GB",
        "state": "NY",
        "locality": "Exampleton",
        "platforms": ["facebook", "linkedin"],
        "usernames": {
            "github": "alexexample",
            "bluesky": "alexexample.bsky.social",
            "mastodon": "@alexexample@mastodon.example",
        },
        "domains": ["alexexample.example"],
        "has_company": True,
        "private": {
            "emails": ["alex.private@example.com"],
            "phones": ["07700 900123"],
            "home_postcode": "ZZ99 9ZZ",
            "home_street": "1 Hidden Lane",
        },
        "work": {"emails": ["alex.example@nhs.net"], "phones": ["0113 496 0000"]},
    }
)

#: Lookups that send a private value itself, by design, and say so in their consent sentence.
#: (HIBP has no hashed search for one account.) Every other lookup must send none.
SENDS_PRIVATE_BY_DESIGN: dict[str, str] = {}  # none: HIBP checks work addresses only


def _builtin_lookups(settings: Settings) -> list[Lookup]:
    """Every registry lookup that exists so far (others may still be being written)."""
    import importlib

    from footprint.lookups.registry import BUILTIN

    found = []
    for target in BUILTIN:
        module, cls = target.split(":")
        try:
            mod = importlib.import_module(f"footprint.lookups.{module}")
            found.append(getattr(mod, cls)(settings))
        except (ImportError, AttributeError):
            continue
    return found


def _settings_names() -> tuple[set[str], set[str]]:
    """Every service id (for `FOOTPRINT_<SERVICE>_URL`) and key setting the lookups use."""
    import sys

    _builtin_lookups(Settings())  # import the modules so their classes can be listed
    services: set[str] = set()
    keys: set[str] = set()
    for name, module in list(sys.modules.items()):
        if not name.startswith("footprint.lookups."):
            continue
        for value in vars(module).values():
            if not isinstance(value, type):
                continue
            service = getattr(value, "service", None)
            if isinstance(service, str):
                services.add(service)
            for attr in dir(value):
                setting = getattr(value, attr, None)
                if attr.endswith("_env") and isinstance(setting, str):
                    keys.add(setting)
    return services, keys


def _local_dns_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """No DNS query leaves the machine either: only local names resolve."""
    import socket

    real = socket.getaddrinfo

    def local_only(host: object, *args: object, **kwargs: object) -> object:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name == "localhost" or name.startswith("127.") or name == "::1":
            return real(host, *args, **kwargs)  # type: ignore[arg-type]
        raise socket.gaierror(socket.EAI_NONAME, "test: only local names resolve")

    monkeypatch.setattr(socket, "getaddrinfo", local_only)


@pytest.fixture
def service_servers(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, RawServer]]:
    """A recording server per service on its own loopback address, plus one for pages."""
    import contextlib

    _local_dns_only(monkeypatch)
    services, _ = _settings_names()
    names = ["pages", *sorted(services)]
    with contextlib.ExitStack() as stack:
        yield {
            name: stack.enter_context(RawServer(host=f"127.0.0.{2 + i}"))
            for i, name in enumerate(names)
        }


def _run_builtin(
    servers: dict[str, RawServer],
    grant_all: bool,
    limits: FetchLimits = LIMITS,
    lookup_deadline: float = 90.0,
) -> tuple[RunHandle, list[Lookup]]:
    from footprint.lookups.consent_questions import consent_plan
    from footprint.model.consent import ConsentLedger, parse_consent_option

    services, keys = _settings_names()
    env = dict.fromkeys(keys, "test-key")
    for service in services:
        env[f"FOOTPRINT_{service.upper().replace('-', '_')}_URL"] = (
            servers[service].url().rstrip("/")
        )
    settings = Settings(env=env, allow_loopback=True)
    profile = PRIVATE_PROFILE.model_copy(update={"urls": [servers["pages"].url("/about")]})
    lookups = _builtin_lookups(settings)
    for lookup in lookups:
        setattr(lookup, "min_interval", 0.0)  # noqa: B010 - the services' pacing is not tested here
    questions, _ = consent_plan(lookups, profile)
    ledger = ConsentLedger()
    choice = parse_consent_option("all" if grant_all else "none", [lk.id for lk in lookups])
    ledger.apply(questions, choice)
    with HttpClient(limits, allow_loopback=True) as http:
        run = LookupRun(
            lookups,
            profile,
            http,
            ledger.records,
            deadline_s=30,
            lookup_deadline_s=lookup_deadline,
            max_workers=16,
        )
        return run.run(), lookups


def test_builtin_lookups_without_consent_make_zero_connections(
    service_servers: dict[str, RawServer],
) -> None:
    handle, lookups = _run_builtin(service_servers, grant_all=False)
    assert len(handle.observations) >= len(lookups) > 0
    assert {name: s.connections for name, s in service_servers.items() if s.connections} == {}
    assert {o.outcome for o in handle.observations} == {Outcome.SKIPPED}


def _private_forms() -> set[str]:
    from urllib.parse import quote, quote_plus

    forms: set[str] = {"447700900123"}  # the mobile in international form
    for value in PRIVATE_PROFILE.private_values():
        for form in (value, value.replace(" ", ""), "".join(c for c in value if c.isdigit())):
            if len(form) >= 5:
                forms |= {form.lower(), quote(form).lower(), quote_plus(form).lower()}
    return forms


def test_builtin_lookups_never_send_the_private_block(
    service_servers: dict[str, RawServer],
) -> None:
    handle, lookups = _run_builtin(service_servers, grant_all=True)
    by_service = {lk.service: lk for lk in lookups if lk.service}
    ran = {o.lookup_id for o in handle.observations if o.outcome != Outcome.SKIPPED}
    silent = [
        name
        for name, lk in by_service.items()
        if lk.id in ran and name in service_servers and service_servers[name].connections == 0
    ]
    assert ran and silent == [], f"lookups that never reached their server: {silent}"
    forms = _private_forms()
    leaks = {}
    for name, server in service_servers.items():
        sent = server.raw.decode("latin-1").lower()
        found = sorted(f for f in forms if f in sent)
        owner = by_service.get(name)
        if found and owner is not None and owner.id in SENDS_PRIVATE_BY_DESIGN:
            assert SENDS_PRIVATE_BY_DESIGN[owner.id] in owner.sends(PRIVATE_PROFILE)
            continue
        if found:
            leaks[name] = found
    assert leaks == {}, f"private values sent in requests: {leaks}"


def test_callbacks_may_read_the_handle_and_cancel(
    client: HttpClient, release: threading.Event
) -> None:
    holder: list[RunHandle] = []
    ready = threading.Event()
    seen: list[int] = []

    def store(obs: Observation) -> None:
        assert ready.wait(5)
        seen.append(len(holder[0].observations))  # reading from a callback must not deadlock
        if obs.lookup_id == "fast":
            holder[0].cancel()  # nor cancelling from one

    fast = FakeLookup("fast")
    stuck = FakeLookup("stuck", lambda lk, http: [lk.not_found("x")] if release.wait(10) else [])
    run = LookupRun(
        [fast, stuck], PROFILE, client, [consent(fast), consent(stuck)], on_observation=store
    )
    holder.append(run.start())
    ready.set()
    handle = holder[0]
    assert handle.wait(5) and handle.cancelled
    assert outcome(handle, "fast") == (Outcome.NOT_FOUND, None)
    assert outcome(handle, "stuck") == (Outcome.COULDNT_CHECK, STOPPED) and len(seen) == 2


def test_a_failing_store_stops_the_run_and_is_raised(client: HttpClient) -> None:
    def broken_store(obs: Observation) -> None:
        raise OSError("disk full")

    run = LookupRun(
        [FakeLookup("a")], PROFILE, client, [consent(FakeLookup("a"))], on_observation=broken_store
    )
    with pytest.raises(OSError, match="disk full"):
        run.run()


def test_one_lookup_past_its_time_limit_is_closed_and_sends_no_more(
    client: HttpClient, release: threading.Event
) -> None:
    raw = RawServer()
    sent_after: list[str] = []

    def slow_then_fetch(lk: FakeLookup, http: GatedClient) -> list[Observation]:
        release.wait(10)  # like an engine that never answers, then the next engine
        try:
            http.get(raw.url())
        except FetchError as e:
            sent_after.append(e.reason)
        return [lk.not_found("late")]

    stuck = FakeLookup("stuck", slow_then_fetch)
    fast = FakeLookup("fast")
    consents = [consent(stuck), consent(fast)]
    with raw:
        run = LookupRun([stuck, fast], PROFILE, client, consents, lookup_deadline_s=0.3)
        handle = run.start()
        while not handle.done and not [i for i, _ in handle.running() if i == "stuck"]:
            handle.wait(0.01)
        assert [i for i, _ in handle.running()] in (["stuck"], ["stuck", "fast"])
        assert handle.wait(5)  # closed at its own limit, long before the 240 s deadline
        assert not handle.timed_out and not client.cancelled.is_set()
        assert outcome(handle, "stuck") == (Outcome.COULDNT_CHECK, timed_out_after(0.3))
        assert outcome(handle, "fast") == (Outcome.NOT_FOUND, None)
        assert handle.running() == []
        release.set()
        _join("lookup-stuck")
    assert sent_after == [STOPPED_REASON] and raw.connections == 0
    assert outcome(handle, "stuck") == (Outcome.COULDNT_CHECK, timed_out_after(0.3))


def _trickle(sock: socket.socket, request: bytes) -> None:
    """A hostile service: headers one byte at a time, a second apart, never finishing."""
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: " + b"x" * 10_000:
        try:
            sock.sendall(bytes([byte]))
        except OSError:
            return
        time.sleep(1.0)


def test_with_every_service_hostile_the_lookup_phase_ends_at_the_lookup_limit(
    service_servers: dict[str, RawServer],
) -> None:
    for server in service_servers.values():
        server.respond = _trickle
    started = time.monotonic()
    handle, lookups = _run_builtin(
        service_servers, grant_all=True, limits=FetchLimits(total_timeout=60), lookup_deadline=3
    )
    spent = time.monotonic() - started
    ran = [o for o in handle.observations if o.outcome != Outcome.SKIPPED]
    assert ran and not handle.timed_out
    assert {o.outcome for o in ran} == {Outcome.COULDNT_CHECK}
    assert spent < 3 + 5, f"lookup phase took {spent:.1f} s"  # the limit, plus start-up
