"""Running the granted lookups: concurrently, gated, with a deadline, stoppable at any moment.

    run = LookupRun(lookups, profile, client, consents, on_observation=flow.observe,
                    observer=progress)
    handle = run.start()          # lookups run in the background while the interview goes on
    ...
    handle.wait(timeout=1.0)      # True once every lookup has a result
    handle.cancel()               # Ctrl-C or stop: end now, keep what finished

The audit starts its lookups this way for both faces (`footprint.audit.background`); `run()`
starts a run and waits for it to end.

Every lookup ends with a result, never a crash: a lookup without consent is `skipped` ("no
consent") and makes no request; one that raises is `couldnt_check` ("internal error in
lookup"); one still running after its own time limit (`lookup_deadline_s`: a web search that
tries one engine after another must not hold up the whole run) or at the global deadline is
`couldnt_check` ("timed out ..."). A lookup closed at its time limit sends no further request;
one already on its way ends by the fetch limits, and its late result is dropped. `running()`
names the lookups still running, so a face can show what the run is waiting for. A `ConsentViolation` is the exception: it means a lookup tried to reach a host it
was not granted, which is a bug, so it stops the run and is raised from `wait()`.

Callbacks (`on_observation` and the `RunObserver` methods) are called one at a time, in the
order of `observations`, from the lookup threads, so one callback never races another; what a
callback shares with other threads (a progress snapshot a face reads) still needs its own lock.
Core code never prints: the audit's observer keeps a progress snapshot that each face shows.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from footprint.lookups.interface import Lookup
from footprint.lookups.timelimit import StoppableClient, timed_out_after
from footprint.model.observation import Observation, Outcome
from footprint.net.client import ConsentViolation, FetchError, interleaved, pool_size

if TYPE_CHECKING:
    from footprint.model.consent import ConsentRecord
    from footprint.model.profile import Profile
    from footprint.net.client import HttpClient

NO_CONSENT = "no consent"
TIMED_OUT = "timed out (global deadline)"
LOOKUP_DEADLINE_S = 90.0  # one lookup's time limit: far above the 10-15 s a lookup takes
_TICK_S = 0.25  # how often the supervisor looks at the clock
STOPPED = "stopped before it finished"
INTERNAL_ERROR = "internal error in lookup"


class RunObserver(Protocol):
    """What a progress display hears about a run (all optional to act on)."""

    def started(self, lookup_id: str) -> None:
        """A lookup began sending requests."""

    def observation(self, obs: Observation) -> None:
        """An observation arrived."""

    def finished(self, lookup_id: str, duration_s: float, errors: list[str]) -> None:
        """A lookup has its final result (also after the deadline or without consent)."""


class NullObserver:
    """An observer that ignores everything."""

    def started(self, lookup_id: str) -> None:
        pass

    def observation(self, obs: Observation) -> None:
        pass

    def finished(self, lookup_id: str, duration_s: float, errors: list[str]) -> None:
        pass


class LookupRun:
    """What to run and how; `start()` runs it in the background, `run()` waits for it."""

    def __init__(
        self,
        lookups: Sequence[Lookup],
        profile: Profile,
        client: HttpClient,
        consents: Iterable[ConsentRecord],
        *,
        deadline_s: float = 240.0,
        lookup_deadline_s: float = LOOKUP_DEADLINE_S,
        max_workers: int | None = None,  # default: sized to the hosts (see `pool_size`)
        on_observation: Callable[[Observation], None] | None = None,
        observer: RunObserver | None = None,
    ) -> None:
        if max_workers is None:
            max_workers = _sized_pool(lookups, profile, client)
        if max_workers < 1:
            raise ValueError("max_workers must be at least 1")
        self.lookups = list(lookups)
        self.profile = profile
        self.client = client
        self.consents = {c.lookup_id: c for c in consents}
        self.deadline_s = deadline_s
        self.lookup_deadline_s = lookup_deadline_s
        self.max_workers = max_workers
        self.on_observation = on_observation
        self.observer: RunObserver = observer or NullObserver()

    def start(self) -> RunHandle:
        """Start every lookup in the background and return at once."""
        handle = RunHandle(self)
        handle._launch()
        return handle

    def run(self) -> RunHandle:
        """Run to the end (or the deadline). Ctrl-C stops cleanly: `handle.cancelled` is True."""
        handle = self.start()
        try:
            handle.wait()
        except KeyboardInterrupt:
            handle.cancel()
        return handle


def _sized_pool(lookups: Sequence[Lookup], profile: Profile, client: HttpClient) -> int:
    """One worker per lookup, up to the hosts they reach x the per-host limit (and a ceiling)."""
    hosts: set[str] = set()
    for lookup in lookups:
        hosts |= lookup.hosts(profile)
    return pool_size(len(lookups), len(hosts), client.limits.per_host_concurrency)


class RunHandle:
    """A run in progress. Read `observations`, `durations`, `errors` at any time.

    Two locks: `_state` guards the lists and is never held while calling out, so reading them
    from the UI thread cannot deadlock with a callback; `_delivery` makes callbacks one at a
    time and in the same order as `observations`.
    """

    def __init__(self, run: LookupRun) -> None:
        self._run = run
        self._state = threading.Lock()
        self._delivery = threading.RLock()  # re-entrant: a callback may call cancel()
        self._done = threading.Event()
        self._workers = threading.Semaphore(run.max_workers)
        self._observations: list[Observation] = []
        self._durations: dict[str, float] = {}
        self._errors: dict[str, list[str]] = {}
        self._started_at: dict[str, float] = {}
        self._stopped: dict[str, threading.Event] = {}  # set when a lookup is closed early
        self._final: set[str] = set()  # lookups with a final result; late results are dropped
        self._failure: BaseException | None = None
        self.cancelled = False
        self.timed_out = False

    # -- reading -------------------------------------------------------------------------

    @property
    def observations(self) -> list[Observation]:
        """Every observation so far, in arrival order."""
        with self._state:
            return list(self._observations)

    @property
    def durations(self) -> dict[str, float]:
        """Seconds each finished lookup took."""
        with self._state:
            return dict(self._durations)

    @property
    def errors(self) -> dict[str, list[str]]:
        """Plain-words problems per finished lookup (couldn't-check reasons, internal errors)."""
        with self._state:
            return {k: list(v) for k, v in self._errors.items()}

    def running(self) -> list[tuple[str, float]]:
        """Lookups started and not yet final, with the seconds each has run, longest first."""
        now = time.monotonic()
        with self._state:
            ids = [i for i in self._started_at if i not in self._final]
            return sorted(((i, now - self._started_at[i]) for i in ids), key=lambda r: -r[1])

    @property
    def done(self) -> bool:
        """Every lookup has its final result, and every callback about it has returned."""
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until done; True if done. Raises the ConsentViolation if a lookup broke the gate."""
        finished = self._done.wait(timeout)
        if self._failure is not None:
            raise self._failure
        return finished

    def cancel(self) -> None:
        """Stop now: in-flight requests end, unfinished lookups read "stopped before it finished".

        Those lookups are not reported as finished, so a resumed audit runs them again.
        """
        self._stop(STOPPED, finished=False, flag="cancelled")

    # -- running -------------------------------------------------------------------------

    def _launch(self) -> None:
        to_start: list[Lookup] = []
        with self._delivery:
            for lookup in self._run.lookups:
                reason = self._not_running_reason(lookup)
                if reason is None:
                    to_start.append(lookup)
                else:
                    self._finish(lookup, lookup.not_run(self._run.profile, reason), [], 0.0)
        # Started one host at a time in turn, so the first workers spread over every host.
        hosts = [min(lookup.hosts(self._run.profile), default="") for lookup in to_start]
        for index in interleaved(hosts, lambda host: host):
            lookup = to_start[index]
            threading.Thread(
                target=self._work, args=(lookup,), name=f"lookup-{lookup.id}", daemon=True
            ).start()
        threading.Thread(target=self._supervise, name="lookup-deadline", daemon=True).start()

    def _not_running_reason(self, lookup: Lookup) -> str | None:
        reason = lookup.skip_reason(self._run.profile)  # can't run: say why, not "no consent"
        if reason is not None:
            return reason
        record = self._run.consents.get(lookup.id)
        if record is None or not record.granted:
            return NO_CONSENT
        return None

    def _supervise(self) -> None:
        """Close each lookup at its own time limit, and everything at the global deadline."""
        ends = time.monotonic() + self._run.deadline_s
        while not self._done.wait(min(_TICK_S, max(0.0, ends - time.monotonic()))):
            if time.monotonic() >= ends:
                self._stop(TIMED_OUT, finished=True, flag="timed_out")
                return
            limit = self._run.lookup_deadline_s
            overdue = {i for i, spent in self.running() if spent >= limit}
            for lookup in self._run.lookups:
                if lookup.id in overdue:
                    self._close_overdue(lookup, limit)

    def _close_overdue(self, lookup: Lookup, limit: float) -> None:
        """End one lookup that ran past `limit`: its result now, its further requests refused."""
        with self._state:
            self._stopped.setdefault(lookup.id, threading.Event()).set()
            started = self._started_at[lookup.id]
        obs = lookup.couldnt_check(lookup.title, timed_out_after(limit))
        try:
            with self._delivery:
                self._finish(lookup, [obs], [], time.monotonic() - started)
        except Exception as e:  # a failing callback: stop the run, raise it from wait()
            with self._state:
                self._failure = self._failure or e
            self._stop(STOPPED, finished=False, flag="cancelled")

    def _work(self, lookup: Lookup) -> None:
        while not self._workers.acquire(timeout=0.05):
            if self._done.is_set():
                return
        try:
            with self._delivery:
                with self._state:
                    if lookup.id in self._final:
                        return
                    self._started_at[lookup.id] = time.monotonic()
                self._run.observer.started(lookup.id)
            observations, errors = self._run_one(lookup)
            with self._delivery:
                duration = time.monotonic() - self._started_at[lookup.id]
                self._finish(lookup, observations, errors, duration)
        except BaseException as e:  # a ConsentViolation, or a failing callback: stop the run
            with self._state:
                self._failure = self._failure or e
            self._stop(STOPPED, finished=False, flag="cancelled")
        finally:
            self._workers.release()

    def _run_one(self, lookup: Lookup) -> tuple[list[Observation], list[str]]:
        run = self._run
        record = run.consents[lookup.id]
        gated = run.client.bind(record, lookup.hosts(run.profile), min_interval=lookup.min_interval)
        with self._state:
            stopped = self._stopped.setdefault(lookup.id, threading.Event())
        http = StoppableClient(gated, stopped)
        try:
            return list(lookup.run(run.profile, http)), []
        except FetchError as e:  # a lookup should catch these itself; still a clean result
            return [lookup.couldnt_check(lookup.title, e.reason)], []
        except ConsentViolation:
            raise
        except Exception as e:
            # The type name only: an exception message may quote personal data.
            return [lookup.couldnt_check(lookup.title, INTERNAL_ERROR)], [
                f"{INTERNAL_ERROR} ({type(e).__name__})"
            ]

    def _finish(
        self,
        lookup: Lookup,
        observations: list[Observation],
        errors: list[str],
        duration: float,
        *,
        finished: bool = True,
    ) -> None:
        """Record and announce a lookup's final result (caller holds `_delivery`).

        A result that arrives after the deadline or a cancel already closed the lookup is
        dropped. `finished=False` (a cancel) keeps the observations but does not mark the
        lookup finished, so it runs again when the audit is resumed.
        """
        problems = list(errors)
        for obs in observations:
            reason = obs.reason
            if obs.outcome == Outcome.COULDNT_CHECK and reason:
                if not any(p.startswith(reason) for p in problems):
                    problems.append(reason)
        with self._state:
            if lookup.id in self._final:
                return
            self._final.add(lookup.id)
            self._observations.extend(observations)
            if finished:
                self._durations[lookup.id] = duration
                self._errors[lookup.id] = problems
            all_final = len(self._final) == len(self._run.lookups)
        for obs in observations:
            if self._run.on_observation is not None:
                self._run.on_observation(obs)
            self._run.observer.observation(obs)
        if finished:
            self._run.observer.finished(lookup.id, duration, problems)
        if all_final:
            self._done.set()  # only now: every callback about every lookup has returned

    def _stop(self, reason: str, *, finished: bool, flag: str) -> None:
        """Close every unfinished lookup with a couldn't-check `reason`, then stop requests."""
        with self._delivery:
            if self._done.is_set():
                return
            setattr(self, flag, True)
            now = time.monotonic()
            for lookup in self._run.lookups:
                with self._state:
                    started = self._started_at.get(lookup.id, now)
                obs = lookup.couldnt_check(lookup.title, reason)
                try:
                    self._finish(lookup, [obs], [], now - started, finished=finished)
                except Exception as e:  # a failing callback: keep closing, raise from wait()
                    with self._state:
                        self._failure = self._failure or e
            self._done.set()
        self._run.client.cancel()  # in-flight requests of abandoned lookups end now
