"""One browser's audit: the choices made on the start page, and the engine that does the work.

What comes next is the engine's decision (`footprint.audit.journey`): this object maps each step
to a page. Sessions, retention and saved profiles are the desk's (`footprint.audit.desk`). The
engine stores every answer the moment it is given, so a request may end between any two calls.
"""

from __future__ import annotations

import threading
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from footprint.audit.answers import AnswersFile
from footprint.audit.desk import (
    AuditDesk,
    UnfinishedAudit,
    browser_formats,
    check_adviser,
    free_profile_path,
    save_profile,
)
from footprint.audit.engine import AuditEngine, Outputs
from footprint.audit.flow import AuditOptions
from footprint.audit.journey import Step, next_step
from footprint.errors import InputError
from footprint.model.profile import Profile
from footprint.model.vocab import Answer
from footprint.report.nextsteps import Reader
from footprint.store.rows import SessionSummary
from footprint.store.sessions import Store
from footprint.util.paths import data_dir
from footprint.util.settings import Settings

#: The page that shows each step.
PAGES: dict[Step, str] = {
    Step.START: "/",
    Step.PROFILE: "/profile",
    Step.RESPONSE: "/response",
    Step.CONSENT: "/consent",
    Step.QUESTION: "/question",
    Step.FINISH: "/finish",
    Step.REPORT: "/report",
}


@dataclass
class Setup:
    """What the start page chose."""

    quick: bool = True
    adviser: str | None = None
    case: str | None = None


@dataclass
class UiOptions:
    """How `footprint ui` was started."""

    settings: Settings
    store: Store | None
    reports_base: Path = Path("reports")
    profile_folder: Path = field(default_factory=data_dir)  # never the server's working folder
    started_in: Path = field(default_factory=Path.cwd)  # offered as the other place to save
    granted_by: str | None = None
    preset_profile: Profile | None = None  # `footprint ui --demo`: the fictional doctor
    log_folder: Path | None = None  # the contact log's folder; None: the doctor's own log


@dataclass
class UiAudit:
    """The audit behind the pages: at most one at a time per `footprint ui` run."""

    options: UiOptions
    setup: Setup = field(default_factory=Setup)
    engine: AuditEngine | None = None
    out_dir: Path | None = None
    saved_profile: Path | None = None
    deleted_old: int = 0  # sessions past their retention period that the doctor deleted
    kept_old: bool = False  # the doctor chose to keep them for now: not asked again this run
    chosen: bool = False  # the start page's choices were made
    carried: AnswersFile | None = None  # a hand-over file's answers, until the audit starts
    lock: threading.RLock = field(default_factory=threading.RLock)

    def __post_init__(self) -> None:
        demo = self.options.preset_profile is not None
        self.desk = AuditDesk(self.options.store, demo=demo)
        self.chosen = demo  # the demo doctor needs no choices
        # Hand-over folders of earlier adviser calls kept their full time: deleted at start.
        self.deleted_handovers = len(self.desk.delete_old_handovers())

    @property
    def outputs(self) -> Outputs | None:
        """The written report, once there is one."""
        return self.engine.outputs if self.engine is not None else None

    # -- starting ---------------------------------------------------------------------------

    def past_retention(self) -> list[SessionSummary]:
        """Stored audits past the time they said they would be kept, to list and ask about on
        the start page as the terminal does (none once the doctor chose to keep them)."""
        return [] if self.kept_old else self.desk.expired()

    def settle_retention(self, delete: bool, chosen: Collection[str]) -> None:
        """The doctor's answer: delete the audits they were shown, or keep them until next time.
        The audit open now is never deleted from under the doctor."""
        with self.lock:
            if not delete:
                self.kept_old = True
                return
            open_now = self.engine.session_id if self.engine is not None else None
            result = self.desk.delete_expired(chosen, keep=open_now)
            self.deleted_old += result.sessions if result is not None else 0

    def unfinished(self) -> list[UnfinishedAudit]:
        """Audits stopped before their report was final: offered on the start page."""
        return self.desk.unfinished()

    def choose(self, quick: bool, adviser: str | None, case: str | None) -> str | None:
        """Keep the start page's choices; an error message when they do not fit together."""
        try:
            adviser, case = check_adviser(adviser, case)
        except InputError as exc:
            return exc.message
        self.setup = Setup(quick=quick, adviser=adviser, case=case)
        self.chosen = True
        self.carried = None  # a new check: a hand-over file chosen before does not apply
        return None

    def profile_places(self) -> list[tuple[str, str, Path]]:
        """Where the profile page offers to save the profile: (choice, words, full path)."""
        places = [("data", "In footprint's own folder", self.options.profile_folder)]
        if self.options.started_in.resolve() != self.options.profile_folder.resolve():
            places.append(
                ("here", "In the folder footprint was started from", self.options.started_in)
            )
        return [(key, words, free_profile_path(folder).resolve()) for key, words, folder in places]

    def begin(self, profile: Profile, save_in: str | None = None) -> None:
        """Start the audit for this profile (a new stored session). The same form sent twice
        starts nothing more; another profile or set-up starts a new audit, and the open one
        stays on this computer to carry on later."""
        with self.lock:
            if self._is_open(profile):
                return
            self._let_go()
            # Saved only where the page offered (`save_in` names a choice, never a path), and
            # never in an adviser call: an adviser keeps no member's profile.
            folder = {key: path.parent for key, _, path in self.profile_places()}.get(save_in or "")
            if folder is not None and not self.setup.adviser:
                self.saved_profile = save_profile(profile, free_profile_path(folder))
            self.engine = self.desk.start(
                profile,
                AuditOptions(
                    quick=self.setup.quick, adviser=self.setup.adviser, case=self.setup.case
                ),
                self.options.settings,
                granted_by=self.options.granted_by,
            )
            self.out_dir = None
            if self.carried is not None:  # carrying on from an adviser call: its answers
                self.engine.take_answers(self.carried)
                self.carried = None

    def resume(self, session_id: str) -> None:
        """Carry on a stored session, with every answer kept. Carrying on the audit already open
        (a button pressed twice) changes nothing: two engines on one session would run each
        lookup twice."""
        with self.lock:
            if self.engine is not None and self.engine.session_id == session_id:
                return
            self._let_go()
            self.engine = self.desk.resume(
                session_id,
                self.options.settings,
                AuditOptions(),
                granted_by=self.options.granted_by,
            )
            self.out_dir = None
            self.setup = Setup(
                quick=self.engine.quick, adviser=self.engine.adviser, case=self.engine.case
            )
            self.chosen = True

    def carry_on_from(self, text: str) -> str | None:
        """Take the hand-over file of an adviser call: the profile page comes next, filled in
        with the details the file carries (the member adds their personal ones, which the file
        never holds), then the audit starts with every answer from the call kept, so only what
        is left is asked. An error message (in the file's own words) when it cannot be used."""
        try:
            handover = self.desk.answers_from_text(text, "The file")
        except InputError as exc:
            return exc.message
        if handover.profile is None:
            return (
                "This file has answers but no details of who they are about: it is not the "
                "hand-over file of an adviser call. Start a new check below instead."
            )
        with self.lock:
            self._let_go()
            self.carried = handover
            self.setup = Setup(quick=False)
            self.chosen = True
        return None

    @property
    def carried_profile(self) -> Profile | None:
        """The profile from a hand-over file, to fill in the profile page with."""
        return self.carried.profile if self.carried is not None else None

    def delete_handover(self) -> bool:
        """An adviser call's end: the member's files were sent, so delete them from here."""
        from footprint.audit.handover import delete_handover

        outputs = self.outputs
        if outputs is None or outputs.handover is None:
            return False
        return delete_handover(outputs.handover)

    def _is_open(self, profile: Profile) -> bool:
        """Whether this profile and set-up's audit is the one open now (not yet reported)."""
        engine = self.engine
        return (
            engine is not None
            and not engine.reported
            and engine.profile == profile
            and (engine.quick, engine.adviser, engine.case)
            == (self.setup.quick, self.setup.adviser, self.setup.case)
        )

    @property
    def auditing(self) -> bool:
        """An audit is open and its report not yet written."""
        return self.engine is not None and not self.engine.reported

    def _let_go(self) -> None:
        """Before another audit takes this one's place: its lookups stop (what finished is kept)."""
        if self.engine is not None:
            self.engine.cancel_lookups()
            self.engine = None

    def forget(self) -> None:
        """The audit's stored session is gone (deleted by a purge): back to the start page."""
        with self.lock:
            self._let_go()
            self.chosen = self.options.preset_profile is not None
            self.out_dir = None

    # -- where next -------------------------------------------------------------------------

    def step(self) -> Step:
        """The step the doctor is on (the engine's journey)."""
        if self.engine is None:
            return next_step(None, chosen=self.chosen)
        return self.engine.next_step()

    def next_page(self) -> str:
        """The page the doctor should see now."""
        return PAGES[self.step()]

    # -- steps ------------------------------------------------------------------------------

    def decide_all(self, granted: dict[str, bool]) -> None:
        """Record each consent decision (not chosen means refused); the lookups then start."""
        assert self.engine is not None
        with self.lock:
            self.engine.decide_each(granted)

    def answer_response(self, answer: Answer) -> None:
        """ "Is a patient contacting you now?" (stored at once)."""
        assert self.engine is not None
        self.engine.answer_response(answer)

    def write_report(self) -> Outputs:
        """Store the report and write every format this computer can (lookups still running
        end now and read "couldn't check", as the engine's end-of-audit rule says)."""
        assert self.engine is not None
        with self.lock:
            self.out_dir = self.out_dir or self.engine.default_out_dir(self.options.reports_base)
            return self.engine.finish(browser_formats(), self.out_dir, reader=Reader.BROWSER)

    def written(self) -> list[Path]:
        """The report files, in the order they were written."""
        return list(self.outputs.written) if self.outputs is not None else []
