"""One browser's audit: which step it is on, and the engine that does the work.

The engine (`footprint.audit.AuditEngine`) holds the audit and stores every answer the moment it
is given; this object only remembers what the UI needs between requests (the choices made on
the start page, the files the report was written to) and where the doctor should be sent next.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from footprint.audit import AuditEngine, AuditOptions, Outputs
from footprint.content.checklists import Catalogue, shipped_catalogue
from footprint.errors import FootprintError
from footprint.model.profile import Profile, dump_profile
from footprint.model.vocab import Answer
from footprint.report.nextsteps import Reader
from footprint.store.sessions import SessionSummary, Store
from footprint.util.settings import Settings


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
    profile_folder: Path = Path(".")
    granted_by: str | None = None
    preset_profile: Profile | None = None  # `footprint ui --demo`: the fictional doctor


def pdf_available() -> bool:
    """True when WeasyPrint can be imported (the optional `.[pdf]` extra)."""
    try:
        from footprint.audit import check_formats

        check_formats(["pdf"])
    except FootprintError:
        return False
    return True


@dataclass
class UiAudit:
    """The audit behind the pages: at most one at a time per `footprint ui` run."""

    options: UiOptions
    catalogue: Catalogue = field(default_factory=shipped_catalogue)
    setup: Setup = field(default_factory=Setup)
    engine: AuditEngine | None = None
    outputs: Outputs | None = None
    out_dir: Path | None = None
    saved_profile: Path | None = None
    lock: threading.RLock = field(default_factory=threading.RLock)

    # -- starting ---------------------------------------------------------------------------

    def unfinished(self) -> list[SessionSummary]:
        """Sessions that were stopped before their report: offered on the start page."""
        if self.options.store is None:
            return []
        return [s for s in self.options.store.list_sessions() if s.status != "finished"]

    def choose(self, quick: bool, adviser: str | None, case: str | None) -> str | None:
        """Keep the start page's choices; an error message when they do not fit together."""
        adviser = (adviser or "").strip() or None
        case = (case or "").strip() or None
        if case and not adviser:
            return "A case reference needs the adviser's name too (or leave both empty)."
        self.setup = Setup(quick=quick, adviser=adviser, case=case)
        return None

    def begin(self, profile: Profile, save: bool = False) -> None:
        """Start the audit for this profile (a new stored session)."""
        with self.lock:
            if save:
                self.saved_profile = self._save_profile(profile)
            self.engine = AuditEngine.start(
                self.catalogue,
                profile,
                AuditOptions(
                    quick=self.setup.quick, adviser=self.setup.adviser, case=self.setup.case
                ),
                self.options.settings,
                self.options.store,
                granted_by=self.options.granted_by,
            )
            self.outputs = None

    def resume(self, session_id: str) -> None:
        """Carry on a stored session, with every answer kept."""
        if self.options.store is None:
            raise FootprintError("Nothing is stored in this run, so there is nothing to resume.")
        with self.lock:
            data = self.options.store.load(session_id)
            self.engine = AuditEngine.resume(
                self.catalogue, data, AuditOptions(), self.options.settings, self.options.store
            )
            self.outputs = None
            state = self.engine.flow.state
            self.setup = Setup(quick=self.setup.quick, adviser=state.adviser, case=state.case)
            if not self.engine.consent_questions():
                self.engine.start_lookups()

    def _save_profile(self, profile: Profile) -> Path:
        from footprint.util.fsio import write_private_file

        folder = self.options.profile_folder
        path, n = folder / "profile.yaml", 1
        while path.exists():
            n += 1
            path = folder / f"profile-{n}.yaml"
        write_private_file(path, dump_profile(profile))
        return path

    # -- where next -------------------------------------------------------------------------

    def next_page(self) -> str:
        """The page the doctor should see now."""
        engine = self.engine
        if engine is None:
            return "/" if self.options.preset_profile is None else "/profile"
        if self.outputs is not None:
            return "/report"
        if engine.response_question() is not None:
            return "/response"
        if engine.consent_questions():
            return "/consent"
        if engine.next_question() is None or engine.stopped:
            return "/finish"
        return "/question"

    # -- steps ------------------------------------------------------------------------------

    def decide_all(self, granted: dict[str, bool]) -> None:
        """Record each consent decision (unticked means refused), then start the lookups."""
        assert self.engine is not None
        with self.lock:
            for question in self.engine.consent_questions():
                self.engine.decide(question.lookup_id, granted.get(question.lookup_id, False))
            self.engine.start_lookups()

    def answer_response(self, answer: Answer) -> None:
        """ "Is a patient contacting you now?" (stored at once)."""
        assert self.engine is not None
        self.engine.answer_response(answer)

    def write_report(self, formats: list[str]) -> Outputs:
        """Stop what is still running, store the report and write every format."""
        assert self.engine is not None
        with self.lock:
            if not self.engine.wait_lookups(timeout=0):
                self.engine.cancel_lookups()
            self.out_dir = self.out_dir or self.engine.default_out_dir(self.options.reports_base)
            self.outputs = self.engine.finish(formats, self.out_dir, reader=Reader.BROWSER)
            return self.outputs

    def written(self) -> list[Path]:
        """The report files, in the order they were written."""
        return list(self.outputs.written) if self.outputs is not None else []
