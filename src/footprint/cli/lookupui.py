"""The lookups' side of an audit: consent questions, the background run, progress.

UI code: it asks (or applies `--consent`), starts the runner in the background while the
interview goes on, shows progress, and hands every result to the audit flow to store.
"""

from __future__ import annotations

import threading

import click

from footprint.auditflow import AuditFlow
from footprint.cli import prompts
from footprint.consent import (
    INTERACTIVE,
    ConsentLedger,
    consent_plan,
    parse_consent_option,
)
from footprint.lookups.interface import Observation, Outcome
from footprint.lookups.registry import all_lookups
from footprint.lookups.runner import LookupRun, RunHandle
from footprint.net import FetchLimits, HttpClient
from footprint.settings import Settings

NO_INPUT = "--no-input (nothing was asked, so nothing was sent)"
NOTHING_SENT = "not asked: this lookup contacts no one and sends nothing"
ADVISER_HOW = "asked aloud by the adviser on the call; the member's answer entered by the adviser"


class LookupSession:
    """Consent, then the background run, for one audit."""

    def __init__(
        self,
        flow: AuditFlow,
        settings: Settings,
        interactive: bool,
        *,
        granted_by: str | None = None,
        limits: FetchLimits | None = None,
    ) -> None:
        self.flow = flow
        self.settings = settings
        self.interactive = interactive
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
        self.handle: RunHandle | None = None
        self._lock = threading.Lock()
        self._done = 0
        self._found = 0
        self._couldnt = 0

    def decide_consent(self, spec: str | None) -> None:
        """Ask about each lookup (or apply `--consent`); record and store every decision."""
        questions, skipped = consent_plan(self.lookups, self.flow.state.profile)
        for obs in skipped:
            self.flow.observe(obs)
            self.flow.lookup_done(obs.lookup_id, 0.0, [])
        open_questions = []
        for q in questions:
            earlier = self.flow.decided(q.lookup_id)
            if earlier is not None:
                self.ledger.add(earlier)
            elif not q.destinations:
                # Asking to send nothing would be noise (walled platforms: manual checks only).
                self.flow.consent(self.ledger.record(q, True, how=NOTHING_SENT))
            else:
                open_questions.append(q)
        if spec:
            records = self.ledger.apply(open_questions, parse_consent_option(spec, self.all_ids))
        elif self.interactive and open_questions:
            click.secho(
                "\nLookups: footprint can check what a patient would find. Nothing is "
                "sent unless you agree to each one.",
                bold=True,
            )
            how = ADVISER_HOW if self.flow.state.adviser else INTERACTIVE
            records = [
                self.ledger.record(
                    q, prompts.ask_consent(q.title, q.sentence, self.flow.state.adviser), how=how
                )
                for q in open_questions
            ]
        else:
            records = self.ledger.refuse_all(open_questions, how=NO_INPUT)
        for record in records:
            self.flow.consent(record)
        self._question_ids = {q.lookup_id for q in questions}

    def start(self) -> None:
        """Run the granted lookups in the background."""
        to_run = [lk for lk in self.lookups if lk.id in self._question_ids]
        if not to_run:
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
        self._total = len(to_run)
        self.handle = run.start()

    # RunObserver --------------------------------------------------------------------------

    def started(self, lookup_id: str) -> None:
        """A lookup began."""

    def observation(self, obs: Observation) -> None:
        """Count results for the status line."""
        with self._lock:
            self._found += obs.outcome is Outcome.FOUND
            self._couldnt += obs.outcome is Outcome.COULDNT_CHECK

    def finished(self, lookup_id: str, duration_s: float, errors: list[str]) -> None:
        """A lookup has its final result: keep it, so a resumed audit won't rerun it."""
        with self._lock:
            self._done += 1
        self.flow.lookup_done(lookup_id, duration_s, errors)

    # --------------------------------------------------------------------------------------

    def status(self) -> str:
        """One line for between questions."""
        if self.handle is None:
            return ""
        return (
            f"(lookups: {self._done} of {self._total} done, {self._found} found, "
            f"{self._couldnt} couldn't check)"
        )

    def cancel(self) -> None:
        """Stop now; what finished is kept."""
        if self.handle is not None:
            self.handle.cancel()

    def wait_with_progress(self) -> None:
        """Wait for the lookups with a progress bar; Ctrl-C stops them and keeps the rest."""
        if self.handle is None:
            return
        from rich.progress import BarColumn, Progress, TextColumn

        columns = (
            TextColumn("Lookups"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            TextColumn("{task.description}"),
        )
        try:
            with Progress(*columns, transient=True) as bar:
                task = bar.add_task("", total=self._total)
                while not self.handle.wait(timeout=0.2):
                    bar.update(task, completed=self._done, description=self.status())
        except KeyboardInterrupt:
            self.cancel()
            click.echo("Lookups stopped; results so far are kept.", err=True)
        click.echo(self.status().strip("()").capitalize())
