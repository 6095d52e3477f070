"""`AuditEngine`: one audit, driven step by step by a front end (see the package docstring)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import footprint.audit.questions as plan
from footprint.audit.answers import RESPONSE_ID, AnswersFile, initial_answers, load_answers
from footprint.audit.background import LookupSession, LookupStatus
from footprint.audit.flow import AuditFlow, AuditOptions, default_out_dir
from footprint.audit.handover import MEMBER_FOLDER, dump_handover, write_handover
from footprint.audit.journey import Step, next_step
from footprint.audit.namesearch import NameSearchByHand
from footprint.audit.outputs import write_each
from footprint.content.checklists import Catalogue, ChecklistItem
from footprint.errors import FootprintError
from footprint.lookups.search.saved_search import SavedSearch
from footprint.model.consent import ConsentQuestion
from footprint.model.observation import Observation
from footprint.model.profile import Profile
from footprint.model.vocab import Answer, emergency_number
from footprint.report.model import Report
from footprint.report.nextsteps import Reader
from footprint.store.sessions import SessionData, Store
from footprint.util.settings import Settings

if TYPE_CHECKING:
    from footprint.net.client import FetchLimits
    from footprint.report.render import Format


#: Why a lookup did not run in an `--offline` audit (shown to the doctor, in plain words).
OFFLINE_REASON = "not run, because this audit was offline: nothing was sent"


def _record_offline(flow: AuditFlow, settings: Settings) -> None:
    """Offline, no lookup runs, but each one that applies is still an open check: recorded
    as not run (with how to check it by hand), never left out as if there were nothing."""
    from footprint.lookups.registry import all_lookups

    lookups = all_lookups(settings, quick=flow.options.quick)
    flow.remember_titles(lookups)
    for lookup in flow.pending_lookups(lookups):
        reason = lookup.skip_reason(flow.state.profile) or OFFLINE_REASON
        for obs in lookup.not_run(flow.state.profile, reason):
            flow.observe(obs)
        flow.lookup_done(lookup.id, 0.0, [])


@dataclass(frozen=True)
class Question:
    """The question to ask now: the item, its area's title, where we are, any earlier answer."""

    item: ChecklistItem
    area_title: str
    progress: plan.Progress
    current: Answer | None = None  # set when `back()` returned to an answered question


@dataclass(frozen=True)
class Outputs:
    """What `finish` produced: the report, the files written, and formats that failed."""

    report: Report
    written: list[Path]
    failed: dict[str, str] = field(default_factory=dict)  # format -> what went wrong
    # An adviser call: the folder of the member's files (their report and the hand-over file
    # they open at home), to send to the member and then delete (`footprint.audit.handover`).
    handover: Path | None = None


class AuditEngine:
    """One audit in progress. Pull-driven: the front end asks what is next and hands answers in.

    Every method is safe to call from any thread (one lock guards the interview state); lookups
    report from their own threads into the flow, which stores each result as it arrives.
    """

    def __init__(self, flow: AuditFlow, lookups: LookupSession | None) -> None:
        self.flow = flow
        self.lookups = lookups
        self.stopped = False
        self.outputs: Outputs | None = None  # set by `finish`
        self._lock = threading.RLock()
        self._history: list[tuple[str, str]] = []  # ("answer", item id) | ("skip", area)
        self._revisit: list[str] = []  # items `back()` returned to, latest last
        self._reasking_response = False  # `back()` from the first question reopened it
        self._by_id = {i.id: i for i in flow.items}
        granted_by = lookups.ledger.granted_by if lookups is not None else None
        self.name_search = NameSearchByHand(
            flow, granted_by or ("the member" if flow.state.adviser else "the doctor")
        )
        if flow.options.quick and flow.state.quick_ids is None:
            chosen = plan.quick_selection(flow.items, plan.settled_ids(flow.state.observations))
            flow.set_quick([i.id for i in chosen])
        self._plan = self._asking_order()

    # -- starting ----------------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        catalogue: Catalogue,
        profile: Profile,
        options: AuditOptions,
        settings: Settings,
        store: Store | None,
        *,
        granted_by: str | None = None,
        limits: FetchLimits | None = None,
    ) -> AuditEngine:
        """A new audit (and a stored session unless `store` is None)."""
        flow = AuditFlow.new(catalogue, profile, options, settings, store)
        engine = cls._with_lookups(flow, settings, granted_by, limits)
        engine._start_when_decided()
        return engine

    @classmethod
    def resume(
        cls,
        catalogue: Catalogue,
        data: SessionData,
        options: AuditOptions,
        settings: Settings,
        store: Store,
        *,
        granted_by: str | None = None,
    ) -> AuditEngine:
        """Carry on a stored session: answers, consents and finished lookups are kept.

        A quick audit carries on with its own questions; once those are done, a resume asks
        the ones left for home.
        """
        flow = AuditFlow.resume(catalogue, data, options, settings, store)
        engine = cls._with_lookups(flow, settings, granted_by, None)
        engine._plan = engine._asking_order(finish_at_home=True)
        engine._history = engine._stored_history()
        engine._start_when_decided()
        return engine

    @classmethod
    def _with_lookups(
        cls,
        flow: AuditFlow,
        settings: Settings,
        granted_by: str | None,
        limits: FetchLimits | None,
    ) -> AuditEngine:
        lookups = None
        if not flow.options.offline:
            lookups = LookupSession(flow, settings, granted_by=granted_by, limits=limits)
        else:
            _record_offline(flow, settings)
        return cls(flow, lookups)

    def _asking_order(self, finish_at_home: bool = False) -> list[str]:
        """Every item in order; a quick audit's own questions, or (resumed once they are all
        done) the member's list to finish at home."""
        quick = self.flow.state.quick_ids
        if quick is None:
            return [i.id for i in self.flow.items]
        state = self.flow.state
        quick_open = [
            i
            for i in quick
            if i in self._by_id
            and i not in state.answers
            and self._by_id[i].area not in state.skipped_areas
        ]
        if not finish_at_home or quick_open:
            return [i for i in quick if i in self._by_id]
        rest = sorted((i for i in self.flow.items if i.id not in set(quick)), key=plan.priority)
        return [i.id for i in rest]

    def _stored_history(self) -> list[tuple[str, str]]:
        """The steps "Back" undoes, rebuilt from the stored answers and skipped areas after a
        resume: in asking order (a quick audit's own questions first), which is the order they
        were given in, as the interview asks one question after another."""
        state = self.flow.state
        order = list(dict.fromkeys([*(state.quick_ids or []), *self._plan]))
        history: list[tuple[str, str]] = []
        for item_id in (i for i in order if i in self._by_id):
            area = self._by_id[item_id].area
            if item_id in state.answers:
                history.append(("answer", item_id))
            elif area in state.skipped_areas and ("skip", area) not in history:
                history.append(("skip", area))
        return history

    @property
    def session_id(self) -> str | None:
        """The stored session's id (None with no store)."""
        return self.flow.state.session_id

    @property
    def profile(self) -> Profile:
        """Whose audit this is."""
        return self.flow.state.profile

    # -- the journey ---------------------------------------------------------------------------

    def next_step(self, *, can_ask: bool = True) -> Step:
        """The step to show now (see `footprint.audit.journey`)."""
        return next_step(self, can_ask=can_ask)

    @property
    def reported(self) -> bool:
        """True once the report was written."""
        return self.outputs is not None

    def has_consent_questions(self) -> bool:
        """Whether a lookup still waits for a yes or no."""
        return bool(self.consent_questions())

    def has_next_question(self) -> bool:
        """Whether a question is left to ask in this sitting."""
        return self.next_question() is not None

    def questions_left(self) -> int:
        """Questions of this sitting with no answer yet (after a stop: listed as unanswered)."""
        with self._lock:
            return len(self._pending())

    # -- facts a face shows ----------------------------------------------------------------------

    @property
    def adviser(self) -> str | None:
        """The adviser's name on an adviser call (None for a doctor on their own)."""
        return self.flow.state.adviser

    @property
    def case(self) -> str | None:
        """The case reference on an adviser call."""
        return self.flow.state.case

    @property
    def quick(self) -> bool:
        """A quick audit (most important questions first; the rest listed for home)."""
        return self.flow.state.quick_ids is not None

    @property
    def retention_days(self) -> int:
        """Days the stored session is kept before it is deleted."""
        return self.flow.options.retention_days

    @property
    def previous_audit_date(self) -> datetime | None:
        """When this doctor's last finished audit was (the report shows what changed)."""
        return self.flow.previous.date if self.flow.previous is not None else None

    def kept_answers(self) -> tuple[dict[str, Answer], set[str]]:
        """The answers and accepted findings so far (to save them when the session is gone)."""
        with self._lock:
            return dict(self.flow.state.answers), set(self.flow.state.accepted)

    def load_answers_file(self, path: Path) -> None:
        """Take the answers (and accepted findings) in an answers file; earlier answers stay."""
        self.take_answers(load_answers(path, [*self.flow.catalogue.items, RESPONSE_ID]))

    def take_answers(self, parsed: AnswersFile) -> None:
        """Take an answers file's answers, accepted findings and skipped areas (a hand-over
        file from an adviser call has all three); answers given here already stay."""
        with self._lock:
            for item_id, answer in initial_answers(parsed).items():
                if item_id not in self.flow.state.answers:
                    self.flow.answer(item_id, answer)
            self.flow.accept(parsed.accepted)
            for area in parsed.skipped_areas:
                if area not in self.flow.state.skipped_areas:
                    self.flow.skip_area(area)

    # -- "is a patient contacting you now?" ----------------------------------------------------

    def response_question(self) -> str | None:
        """The first question, or None once it has an answer (unless "Back" reopened it)."""
        if RESPONSE_ID in self.flow.state.answers and not self._reasking_response:
            return None
        return self.flow.catalogue.response_plan.question

    @property
    def response_answer(self) -> Answer | None:
        """The answer given to the first question, if any (shown when it is asked again)."""
        return self.flow.state.answers.get(RESPONSE_ID)

    def answer_response(self, answer: Answer) -> None:
        """Keep the answer to the first question (stored at once)."""
        with self._lock:
            self.flow.answer(RESPONSE_ID, answer)
            self._reasking_response = False

    @property
    def response_active(self) -> bool:
        """True when the doctor said yes or unsure: the report starts with the plan."""
        return self.flow.state.answers.get(RESPONSE_ID) in (Answer.YES, Answer.UNSURE)

    @property
    def emergency_number(self) -> str:
        """The number to call in danger, for the doctor's country (999, 911, 000, 112 or 999)."""
        return emergency_number(self.profile.jurisdiction.value)

    @property
    def response_first_step(self) -> str:
        """The one thing to do before anything else, when the plan is active."""
        return self.flow.catalogue.response_plan.first

    # -- consent and lookups -----------------------------------------------------------------

    def consent_questions(self) -> list[ConsentQuestion]:
        """Lookups waiting for a yes or no: what each sends and to whom."""
        return self.lookups.open_questions() if self.lookups else []

    def decide(self, lookup_id: str, granted: bool) -> None:
        """Record one consent decision (stored at once)."""
        if self.lookups is None:
            raise KeyError(f"no lookups in an offline audit ('{lookup_id}')")
        self.lookups.decide(lookup_id, granted)
        self._start_when_decided()

    def decide_each(self, granted: dict[str, bool]) -> None:
        """Decide every open question at once (missing means refused); lookups then start."""
        for question in self.consent_questions():
            self.decide(question.lookup_id, granted.get(question.lookup_id, False))

    def decide_by_option(self, spec: str | None, *, asked: bool) -> None:
        """`--consent all|none|ID,ID`, or refuse what is still open when nobody can be asked."""
        if self.lookups is None:
            return
        if spec:
            self.lookups.decide_by_option(spec)
        elif not asked:
            self.lookups.refuse_open()
        self._start_when_decided()

    def _start_when_decided(self) -> None:
        """Consent complete: the granted lookups start now, while the questions go on."""
        if self.lookups is not None and not self.lookups.open_questions():
            self.lookups.start()

    def status(self) -> LookupStatus:
        """How far the lookups have got (thread-safe)."""
        if self.lookups is None:
            return LookupStatus(started=False, total=0, done=0, found=0, couldnt_check=0)
        return self.lookups.status()

    def wait_lookups(self, timeout: float | None = None) -> bool:
        """Wait up to `timeout` seconds; True once every lookup has a result."""
        return self.lookups is None or self.lookups.wait(timeout)

    def lookups_time_left(self) -> float | None:
        """Seconds until lookups still running are stopped; None when none is running.

        The one rule at the end of an audit, in every face: wait for them until their deadline
        (show this), or until the person chooses not to wait; whatever has not finished then
        reads "couldn't check" in the report, never "not found".
        """
        return self.lookups.time_left() if self.lookups is not None else None

    def cancel_lookups(self) -> None:
        """Stop lookups still running: what finished is kept; each unfinished one reads
        "couldn't check" ("stopped before it finished") and runs again if the audit is carried
        on later. Nothing happens once the run is over."""
        if self.lookups is not None:
            self.lookups.cancel()

    # -- the name search, done by hand ----------------------------------------------------------

    def record_saved_results(self, files: Sequence[bytes]) -> SavedSearch:
        """The doctor's saved results pages, read as `footprint scan` reads them and kept as
        the name search's result (counted for coverage and score; see `NameSearchByHand`)."""
        with self._lock:
            return self.name_search.record(files)

    def follow_saved_results(self, saved: SavedSearch, granted: bool) -> list[Observation]:
        """Open the pages the saved results lead to, only if `granted` (the decision is kept)."""
        limits = self.lookups.limits if self.lookups is not None else None
        return self.name_search.follow(saved, granted, limits=limits)

    # -- the interview -------------------------------------------------------------------------

    def _pending(self) -> list[str]:
        state = self.flow.state
        settled = plan.settled_ids(list(state.observations))
        return [
            i
            for i in self._plan
            if i not in state.answers
            and self._by_id[i].area not in state.skipped_areas
            and i not in settled
        ]

    def progress(self) -> plan.Progress:
        """Where the interview is; at the start, how many questions and how long."""
        with self._lock:
            answered = sum(1 for i in self._plan if i in self.flow.state.answers)
            total = answered + len(self._pending())
            index = max(1, min(total, answered - len(self._revisit) + 1))
            return plan.Progress(index, total, plan.minutes_for(total - index + 1))

    def next_question(self) -> Question | None:
        """The question to ask now, or None when the interview is over."""
        with self._lock:
            if self._revisit:
                item_id = self._revisit[-1]
            else:
                pending = self._pending()
                if not pending:
                    return None
                item_id = pending[0]
            item = self._by_id[item_id]
            return Question(
                item=item,
                area_title=self.flow.catalogue.file_of(item_id).title,
                progress=self.progress(),
                current=self.flow.state.answers.get(item_id),
            )

    def answer(self, item_id: str, answer: Answer) -> None:
        """Keep an answer (stored at once); a changed answer replaces the earlier one."""
        with self._lock:
            if item_id not in self._by_id:
                raise KeyError(f"'{item_id}' is not a question of this audit")
            self.flow.answer(item_id, answer)
            if self._revisit and self._revisit[-1] == item_id:
                self._revisit.pop()
            self._history.append(("answer", item_id))

    def back_leads_to(self) -> Step:
        """Where "Back" goes from here: the question before (QUESTION), or from the first
        question the opening "Is a patient contacting you now?" (RESPONSE), so a face can say
        where before it is pressed."""
        with self._lock:
            return Step.QUESTION if self._history else Step.RESPONSE

    def back(self) -> bool:
        """Go back one step: re-ask the last answered question, or undo the last area skip;
        from the first question, ask "Is a patient contacting you now?" again (answers kept)."""
        with self._lock:
            if not self._history:
                self._reasking_response = RESPONSE_ID in self.flow.state.answers
                return self._reasking_response
            kind, key = self._history.pop()
            if kind == "skip":
                self.flow.skip_area(key, skipped=False)
            else:
                self._revisit.append(key)
            return True

    def can_skip(self, area: str) -> bool:
        """Only an app or site can be skipped as "I don't use it": a topic (home safety,
        contact details) applies to every doctor, so its questions are answered one by one."""
        return self.flow.catalogue.file_of(area).platform

    def skip_area(self, area: str) -> int:
        """Skip every open question of `area` (the doctor does not use it); how many.

        Nothing is skipped for a topic area (see `can_skip`)."""
        if not self.can_skip(area):
            return 0
        with self._lock:
            before = len(self._pending())
            self.flow.skip_area(area)
            self._revisit = [i for i in self._revisit if self._by_id[i].area != area]
            self._history.append(("skip", area))
            return before - len(self._pending())

    def stop(self) -> None:
        """The doctor stopped early: the session stays resumable."""
        self.stopped = True

    def go_on(self) -> None:
        """Back to the questions after a stop (until the report is written)."""
        if self.outputs is None:
            self.stopped = False

    # -- finishing ------------------------------------------------------------------------------

    def default_out_dir(self, base: Path = Path("reports")) -> Path:
        """A new report folder: named after the doctor, or the case in adviser mode."""
        state = self.flow.state
        return default_out_dir(self.profile, base, adviser=bool(state.adviser), case=state.case)

    def report(self) -> Report:
        """The report from everything gathered so far (nothing is written)."""
        return self.flow.report()

    def finish(
        self,
        formats: Sequence[Format | str],
        out_dir: Path,
        *,
        full: bool = False,
        reader: Reader = Reader.TERMINAL,
    ) -> Outputs:
        """Store the report, then write each format; one failed format never loses the rest.

        Lookups still running end here (see `lookups_time_left`).
        """
        self.cancel_lookups()
        report = self.flow.report()
        # A quick audit's "to finish at home" list keeps the session open for `--resume`.
        self.flow.finish(report, complete=not self.stopped and not report.to_finish)
        written, failed = write_each(
            report,
            self.profile,
            out_dir,
            formats,
            adviser_mode=bool(self.flow.state.adviser),
            full=full,
            reader=reader,
        )
        handover = None
        if self.flow.state.adviser:
            handover = self._hand_over(out_dir / MEMBER_FOLDER, written, failed)
        self.outputs = Outputs(report=report, written=written, failed=failed, handover=handover)
        return self.outputs

    def _hand_over(self, folder: Path, written: list[Path], failed: dict[str, str]) -> Path:
        """An adviser call's end: the member's hand-over file joins their report; once both
        are written, the call's session (the member's profile with its private block) is
        deleted from this computer, as the member's own footprint carries on from the file."""
        state = self.flow.state
        with self._lock:
            text = dump_handover(state.profile, state.answers, state.accepted, state.skipped_areas)
        try:
            written.append(write_handover(folder, text))
        except (FootprintError, OSError) as exc:
            failed["hand-over file"] = f"{exc} {getattr(exc, 'hint', None) or ''}".strip()
        if not failed:
            self.flow.delete_session()
        return folder
