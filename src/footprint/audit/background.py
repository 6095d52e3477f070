"""The lookups' side of an audit: consent decisions, the background run, a progress snapshot.

No prompting here: the engine hands out the open consent questions, takes each decision as it
comes (`decide`), starts the granted lookups in background threads and answers `status()` from
any thread at any time. Every decision and every result goes to the audit flow, which stores it.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from footprint.audit.flow import AuditFlow
from footprint.lookups.consent_questions import consent_plan
from footprint.lookups.registry import all_lookups
from footprint.lookups.runner import LookupRun, RunHandle
from footprint.model.consent import (
    INTERACTIVE,
    ConsentLedger,
    ConsentQuestion,
    ConsentRecord,
    parse_consent_option,
)
from footprint.model.observation import Observation, Outcome
from footprint.net.client import FetchLimits, HttpClient
from footprint.util.settings import Settings

NO_INPUT = "--no-input (nothing was asked, so nothing was sent)"
NOTHING_SENT = "not asked: this lookup contacts no one and sends nothing"
ADVISER_HOW = "asked aloud by the adviser on the call; the member's answer entered by the adviser"


@dataclass(frozen=True)
class LookupStatus:
    """A snapshot of the background lookups (safe to read from any thread)."""

    started: bool
    total: int
    done: int
    found: int
    couldnt_check: int
    ended: bool = False  # the run is over: every lookup finished, or the rest were stopped
    still_running: tuple[str, ...] = ()  # titles of the lookups running now, longest first

    @property
    def running(self) -> bool:
        """True while some granted lookup has no final result yet."""
        return self.started and self.done < self.total and not self.ended

    def line(self) -> str:
        """One line for between questions: lookups finished, then what their checks gave.

        A lookup makes several checks (one search per name form, one per page), so the
        results are counted apart from the lookups, and said to be results.
        """
        if not self.started:
            return ""
        line = (
            f"lookups: {self.done} of {self.total} finished; results so far: {self.found} "
            f"found, {self.couldnt_check} could not be checked"
        )
        if self.running and self.still_running:
            line += f"; still running: {', '.join(self.still_running)}"
        return line


class LookupSession:
    """Consent, then the background run, for one audit."""

    def __init__(
        self,
        flow: AuditFlow,
        settings: Settings,
        *,
        granted_by: str | None = None,
        limits: FetchLimits | None = None,
    ) -> None:
        self.flow = flow
        self.settings = settings
        self.limits = limits
        every = all_lookups(settings, quick=flow.options.quick)
        flow.remember_titles(every)
        self.lookups = flow.pending_lookups(every)
        self.all_ids = [lk.id for lk in every]
        adviser = flow.state.adviser
        self.ledger = ConsentLedger(
            granted_by=granted_by or ("the member" if adviser else "the doctor"),
            asked_by=adviser,
        )
        self.how = ADVISER_HOW if adviser else INTERACTIVE
        self.handle: RunHandle | None = None
        self._started_at: float | None = None  # monotonic, when the run began
        self._lock = threading.Lock()
        self._total = self._done = self._found = self._couldnt = 0
        self._open: dict[str, ConsentQuestion] = {}
        self._question_ids: set[str] = set()
        self._plan()

    def _plan(self) -> None:
        """Record what cannot run (and why), earlier decisions, and no-send lookups."""
        questions, skipped = consent_plan(self.lookups, self.flow.state.profile)
        for obs in skipped:
            self.flow.observe(obs)
            self.flow.lookup_done(obs.lookup_id, 0.0, [])
        for q in questions:
            earlier = self.flow.decided(q.lookup_id)
            if earlier is not None and _same_question(earlier, q):
                self.ledger.add(earlier)
            elif not q.destinations:
                # Asking to send nothing would be noise (walled platforms: manual checks only).
                self.flow.consent(self.ledger.record(q, True, how=NOTHING_SENT))
            else:
                self._open[q.lookup_id] = q
        self._question_ids = {q.lookup_id for q in questions}

    # -- consent ---------------------------------------------------------------------------

    def open_questions(self) -> list[ConsentQuestion]:
        """The lookups still waiting for a yes or no, in order."""
        return list(self._open.values())

    def decide(self, lookup_id: str, granted: bool, how: str | None = None) -> None:
        """Record one decision (stored at once)."""
        question = self._open.pop(lookup_id, None)
        if question is None:
            raise KeyError(f"no open consent question for lookup '{lookup_id}'")
        self.flow.consent(self.ledger.record(question, granted, how=how or self.how))

    def decide_by_option(self, spec: str) -> None:
        """`--consent all|none|ID,ID`: decide every open question."""
        choice = parse_consent_option(spec, self.all_ids)
        for record in self.ledger.apply(self.open_questions(), choice):
            self.flow.consent(record)
        self._open.clear()

    def refuse_open(self, how: str = NO_INPUT) -> None:
        """Nobody could be asked: refuse what is still open (nothing is sent)."""
        for record in self.ledger.refuse_all(self.open_questions(), how=how):
            self.flow.consent(record)
        self._open.clear()

    # -- the run -----------------------------------------------------------------------------

    def start(self) -> None:
        """Run the decided lookups in the background; undecided ones count as refused."""
        if self._open:
            self.refuse_open()
        to_run = [lk for lk in self.lookups if lk.id in self._question_ids]
        if not to_run or self.handle is not None:
            return
        client = HttpClient(
            self.limits,
            allow_private=self.settings.allow_private,
            allow_loopback=self.settings.allow_loopback,
        )
        run = LookupRun(
            to_run,
            self.flow.state.profile,
            client,
            self.ledger.records,
            deadline_s=self.flow.options.deadline_s,
            on_observation=self.flow.observe,
            observer=self,
        )
        with self._lock:
            self._total = len(to_run)
        self._started_at = time.monotonic()
        self.handle = run.start()

    # RunObserver (called from lookup threads, one at a time) --------------------------------

    def started(self, lookup_id: str) -> None:
        """A lookup began."""

    def observation(self, obs: Observation) -> None:
        """Count results for the status snapshot."""
        with self._lock:
            self._found += obs.outcome is Outcome.FOUND
            self._couldnt += obs.outcome is Outcome.COULDNT_CHECK

    def finished(self, lookup_id: str, duration_s: float, errors: list[str]) -> None:
        """A lookup has its final result: keep it, so a resumed audit won't rerun it."""
        with self._lock:
            self._done += 1
        self.flow.lookup_done(lookup_id, duration_s, errors)

    # ------------------------------------------------------------------------------------------

    def status(self) -> LookupStatus:
        """How far the run has got (thread-safe)."""
        titles = {lookup.id: lookup.title for lookup in self.lookups}
        running = self.handle.running() if self.handle is not None else []
        with self._lock:
            return LookupStatus(
                started=self.handle is not None,
                total=self._total,
                done=self._done,
                found=self._found,
                couldnt_check=self._couldnt,
                ended=self.handle is not None and self.handle.done,
                still_running=tuple(titles.get(i, i) for i, _ in running),
            )

    def time_left(self) -> float | None:
        """Seconds until the run's deadline stops what is still running; None when nothing is."""
        if self._started_at is None or not self.status().running:
            return None
        elapsed = time.monotonic() - self._started_at
        return max(0.0, self.flow.options.deadline_s - elapsed)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait up to `timeout` seconds; True once every lookup has a result (or none ran)."""
        return self.handle is None or self.handle.wait(timeout=timeout)

    def cancel(self) -> None:
        """Stop now; what finished is kept."""
        if self.handle is not None:
            self.handle.cancel()


def _same_question(earlier: ConsentRecord, question: ConsentQuestion) -> bool:
    """An earlier decision stands only for the same request to the same hosts: if what would be
    sent, or where, has changed since (another service address, a changed profile), ask again."""
    return earlier.sentence == question.sentence and sorted(earlier.destinations) == sorted(
        question.destinations
    )
