"""One audit's record: session, answers, consents, lookup results, the report.

The engine (`footprint.audit.engine`) decides what happens next; this module keeps the state,
writes every piece to the store the moment it exists, and never prints.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from footprint.audit.build import AuditState, Previous, build_report
from footprint.audit.questions import settled_ids
from footprint.content.checklists import Catalogue, ChecklistItem, select_items
from footprint.content.renames import current_id
from footprint.lookups.interface import Lookup
from footprint.model.consent import ConsentRecord
from footprint.model.observation import Observation
from footprint.model.profile import Profile
from footprint.model.vocab import Answer
from footprint.report.model import Report
from footprint.store.sessions import DEFAULT_RETENTION_DAYS, SessionData, Store
from footprint.util.settings import Settings

if TYPE_CHECKING:
    from footprint.report.nextsteps import Reader
    from footprint.report.render import Format


@dataclass(frozen=True)
class AuditOptions:
    """What the user asked for."""

    quick: bool = False
    offline: bool = False
    adviser: str | None = None
    case: str | None = None
    accepted: frozenset[str] = frozenset()
    deadline_s: float = 240.0
    retention_days: int = DEFAULT_RETENTION_DAYS
    demo: bool = False  # the fictional demo doctor: never offered to carry on a real audit


@dataclass
class AuditFlow:
    """One audit in progress."""

    catalogue: Catalogue
    options: AuditOptions
    settings: Settings
    store: Store | None
    state: AuditState
    items: list[ChecklistItem]
    previous: Previous | None = None

    # -- starting ------------------------------------------------------------------------

    @classmethod
    def new(
        cls,
        catalogue: Catalogue,
        profile: Profile,
        options: AuditOptions,
        settings: Settings,
        store: Store | None,
    ) -> AuditFlow:
        """Start a fresh audit (and a stored session unless `store` is None)."""
        state = AuditState(
            profile=profile,
            adviser=options.adviser,
            case=options.case,
            accepted=set(options.accepted),
        )
        if store is not None:
            state.session_id = store.create_session(
                profile,
                adviser=options.adviser,
                case_ref=options.case,
                options={
                    "quick": options.quick,
                    "offline": options.offline,
                    "accepted": sorted(options.accepted),
                    "demo": options.demo,
                },
                retention_days=options.retention_days,
            )
        flow = cls(
            catalogue,
            options,
            settings,
            store,
            state,
            select_items(catalogue, profile),
        )
        flow.previous = flow._previous()
        return flow

    @classmethod
    def resume(
        cls,
        catalogue: Catalogue,
        data: SessionData,
        options: AuditOptions,
        settings: Settings,
        store: Store,
    ) -> AuditFlow:
        """Carry on a stored session: keep answers, consents and finished lookups."""
        quick = bool(data.options.get("quick", options.quick))
        offline = bool(data.options.get("offline", options.offline))
        finished = set(data.finished_lookups)
        store.discard_unfinished_observations(data.summary.id, finished)
        stored_accepted = data.options.get("accepted", [])
        accepted = frozenset(stored_accepted if isinstance(stored_accepted, list) else [])
        state = AuditState(
            profile=data.profile,
            session_id=data.summary.id,
            answers=dict(data.answers),
            observations=[o for o in data.observations if o.lookup_id in finished],
            consents=list(data.consents),
            lookup_runs=dict(data.finished_lookups),
            adviser=data.summary.adviser,
            case=data.summary.case_ref,
            skipped_areas=set(_strings(data.options.get("skipped_areas"))),
            quick_ids=_current_ids(data.options["quick_ids"])
            if "quick_ids" in data.options
            else None,
        )
        merged = AuditOptions(
            quick=quick,
            offline=offline,
            adviser=state.adviser,
            case=state.case,
            accepted=accepted | options.accepted,
            deadline_s=options.deadline_s,
            retention_days=data.summary.retention_days,
            demo=bool(data.options.get("demo", options.demo)),
        )
        flow = cls(
            catalogue,
            merged,
            settings,
            store,
            state,
            select_items(catalogue, data.profile),
        )
        flow.accept(merged.accepted)  # accepted at the start stay accepted; new ones are kept
        flow.previous = flow._previous()
        return flow

    def _previous(self) -> Previous | None:
        if self.store is None:
            return None
        damaged: set[str] = set()
        while True:
            earlier = self.store.previous_finished(
                self.state.profile, self.state.session_id, skip=damaged
            )
            if earlier is None or earlier.report_json is None:
                return None
            try:
                report = Report.model_validate_json(earlier.report_json)
            except ValueError:  # a damaged stored report: set aside, the audit before counts
                damaged.add(earlier.summary.id)
                self.store.set_aside(earlier.summary.id)
                continue
            return Previous(
                session_id=earlier.summary.id, date=earlier.summary.created_at, report=report
            )

    # -- recording -----------------------------------------------------------------------

    def answer(self, item_id: str, answer: Answer) -> None:
        """Keep an answer now (the store writes it before the next question)."""
        self.state.answers[item_id] = answer
        if self.store is not None and self.state.session_id:
            self.store.save_answer(self.state.session_id, item_id, answer)

    def accept(self, finding_ids: Iterable[str]) -> None:
        """Accept findings (listed apart, not scored) and keep the choice for a resume."""
        before = set(self.state.accepted)
        self.state.accepted |= set(finding_ids)
        if self.state.accepted != before and self.store is not None and self.state.session_id:
            self.store.update_options(self.state.session_id, accepted=sorted(self.state.accepted))

    def set_quick(self, item_ids: list[str]) -> None:
        """Keep a quick audit's questions, so a resume knows what was left for home."""
        self.state.quick_ids = list(item_ids)
        self._save_options(quick_ids=self.state.quick_ids)

    def skip_area(self, area: str, skipped: bool = True) -> None:
        """Mark an area or platform skipped (the doctor does not use it), or undo that."""
        if skipped:
            self.state.skipped_areas.add(area)
        else:
            self.state.skipped_areas.discard(area)
        self._save_options(skipped_areas=sorted(self.state.skipped_areas))

    def _save_options(self, **changes: object) -> None:
        if self.store is not None and self.state.session_id:
            self.store.update_options(self.state.session_id, **changes)

    def observe(self, obs: Observation) -> None:
        """Keep an observation as it arrives (called from lookup threads)."""
        self.state.observations.append(obs)
        if self.store is not None and self.state.session_id:
            self.store.save_observation(self.state.session_id, obs)

    def consent(self, record: ConsentRecord) -> None:
        """Keep a consent decision."""
        self.state.consents = [c for c in self.state.consents if c.lookup_id != record.lookup_id]
        self.state.consents.append(record)
        if self.store is not None and self.state.session_id:
            self.store.save_consent(self.state.session_id, record)

    def lookup_done(self, lookup_id: str, duration_s: float, errors: list[str]) -> None:
        """Mark a lookup finished, so a resumed audit will not run it again."""
        self.state.lookup_runs[lookup_id] = (duration_s, errors)
        if self.store is not None and self.state.session_id:
            self.store.save_lookup_done(self.state.session_id, lookup_id, duration_s, errors)

    # -- lookups -------------------------------------------------------------------------

    def remember_titles(self, lookups: list[Lookup]) -> None:
        """Lookup titles for the report."""
        self.state.lookup_titles.update({lk.id: lk.title for lk in lookups})

    def pending_lookups(self, lookups: list[Lookup]) -> list[Lookup]:
        """Lookups that still have to run (a resumed audit skips finished ones)."""
        return [lk for lk in lookups if lk.id not in self.state.lookup_runs]

    def decided(self, lookup_id: str) -> ConsentRecord | None:
        """An earlier consent decision (resumed sessions are not asked twice)."""
        return next((c for c in self.state.consents if c.lookup_id == lookup_id), None)

    # -- finishing -----------------------------------------------------------------------

    def report(self) -> Report:
        """Assess everything gathered and build the member's report.

        A question a lookup settled with evidence (and nobody answered) is left out: the
        lookup's finding stands for it.
        """
        settled = settled_ids(self.state.observations)
        items = [i for i in self.items if i.id not in settled or i.id in self.state.answers]
        return build_report(self.catalogue, items, self.state, self.previous)

    def delete_session(self) -> None:
        """Delete this audit's stored session for good (an adviser call, once the member's
        hand-over file is written): nothing of the member stays in the adviser's store."""
        if self.store is not None and self.state.session_id:
            self.store.delete([self.state.session_id])
        self.state.session_id = None

    def finish(self, report: Report, *, complete: bool = True) -> None:
        """Store the report; a session stopped early stays resumable (`complete=False`)."""
        if self.store is not None and self.state.session_id:
            self.store.finish(
                self.state.session_id, report.model_dump_json(by_alias=True), complete=complete
            )


def _current_ids(value: object) -> list[str]:
    """A stored quick list with every renamed or merged item under today's id, once each."""
    return list(dict.fromkeys(current_id(i) for i in _strings(value)))


def _strings(value: object) -> list[str]:
    """A stored list of strings (anything else reads as empty)."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def write_outputs(
    report: Report,
    profile: Profile,
    out_dir: Path,
    formats: Sequence[Format | str],
    adviser_mode: bool,
    full: bool,
    reader: Reader | None = None,
) -> list[Path]:
    """Write the report files: member (or masked) copy, plus the adviser copy in adviser mode
    (see `footprint.audit.outputs.write_copies`; `reader` defaults to the terminal)."""
    from footprint.audit.outputs import write_copies
    from footprint.report.nextsteps import Reader

    chosen = reader or Reader.TERMINAL
    return write_copies(report, profile, out_dir, formats, adviser_mode, full, chosen)


def default_out_dir(
    profile: Profile,
    base: Path = Path("reports"),
    *,
    adviser: bool = False,
    case: str | None = None,
) -> Path:
    """`reports/<date>-<name-slug>/`, or `...-2`, `-3`: never overwrite an earlier report
    (a doctor diffs against it). In adviser mode the folder is named after the case
    reference (`<date>-case-<ref>`), never the member: it sits on the adviser's computer."""
    if adviser:
        ref = re.sub(r"[^a-z0-9]+", "-", (case or "").lower()).strip("-")
        label = f"case-{ref}" if ref else "adviser-audit"
    else:
        label = profile.slug
    stem = base / f"{datetime.now():%Y-%m-%d}-{label}"
    candidate, n = stem, 1
    while candidate.exists():
        n += 1
        candidate = stem.with_name(f"{stem.name}-{n}")
    return candidate
