"""Around an audit: the stored sessions, old ones deleted when due, starting and carrying on.

Both faces come here before they have an engine, so the rules live once:

- retention: a session past its retention period is deleted (each session said when it
  started how long it is kept); `expired` lists them, `delete_expired` deletes them;
- unfinished audits are listed with what a person needs to tell them apart (the name as the
  doctor typed it, or the case on an adviser call; quick or full; demo or real; when; answered
  of total), and a demo audit is never offered to a real one, nor a real one to the demo;
- a case reference needs the adviser's name (`check_adviser`);
- a typed-in profile is saved as `profile.yaml`, or `profile-2.yaml`... never over another;
- the report formats this computer can write (PDF only with WeasyPrint).

Faces never open the store themselves: they open a desk (`AuditDesk.open`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from footprint.audit.engine import AuditEngine
from footprint.audit.flow import AuditOptions
from footprint.audit.outputs import pdf_ready
from footprint.content.checklists import Catalogue, select_items, shipped_catalogue
from footprint.errors import InputError, StoreDamaged
from footprint.model.profile import Profile, dump_profile
from footprint.store.rows import PurgeResult, SessionData, SessionSummary
from footprint.store.sessions import Store
from footprint.util.fsio import write_private_file

if TYPE_CHECKING:
    from footprint.net.client import FetchLimits
    from footprint.util.settings import Settings

#: Formats every audit writes from the browser; PDF is added where it can be written.
BROWSER_FORMATS = ("html", "md", "json")


@dataclass(frozen=True)
class UnfinishedAudit:
    """An audit that stopped before its report was final, as a person would tell it apart."""

    id: str
    name: str  # the name as the doctor typed it, or "case REF" on an adviser call
    quick: bool
    demo: bool
    started: datetime
    answered: int
    total: int

    def label(self) -> str:
        """E.g. "Dr Alex Example: quick audit, started 3 Dec 2026 at 14:05, 12 of 30 answered"."""
        kind = "quick audit" if self.quick else "full audit"
        demo = " (demo)" if self.demo else ""
        return (
            f"{self.name}{demo}: {kind}, started {self.started:%d %b %Y at %H:%M}, "
            f"{self.answered} of {self.total} answered"
        )


def check_adviser(adviser: str | None, case: str | None) -> tuple[str | None, str | None]:
    """Trimmed adviser and case; a case reference without an adviser is refused."""
    adviser = (adviser or "").strip() or None
    case = (case or "").strip() or None
    if case and not adviser:
        raise InputError(
            "A case reference is for an adviser call: it needs the adviser's name too.",
            hint="Give the adviser's name as well, or leave the case reference empty.",
        )
    return adviser, case


def browser_formats() -> list[str]:
    """What a browser audit writes: HTML, Markdown, JSON, and PDF where it can be made."""
    return [*BROWSER_FORMATS, *(["pdf"] if pdf_ready() else [])]


def free_profile_path(folder: Path) -> Path:
    """`profile.yaml` in `folder`, or `profile-2.yaml`, `-3`...: never over an existing file."""
    path, n = folder / "profile.yaml", 1
    while path.exists():
        n += 1
        path = folder / f"profile-{n}.yaml"
    return path


def save_profile(profile: Profile, path: Path) -> Path:
    """Write the profile (owner-only) and return where; the folder's full path."""
    write_private_file(path, dump_profile(profile))
    return path.resolve()


class AuditDesk:
    """The stored sessions of this computer (or none, with nothing stored), for one face."""

    def __init__(
        self, store: Store | None, *, demo: bool = False, catalogue: Catalogue | None = None
    ) -> None:
        self.store = store
        self.demo = demo
        self._catalogue = catalogue

    @property
    def catalogue(self) -> Catalogue:
        """The shipped checklists, read when first needed (listing sessions does not need them)."""
        if self._catalogue is None:
            self._catalogue = shipped_catalogue()
        return self._catalogue

    @classmethod
    @contextmanager
    def open(
        cls, *, stored: bool = True, demo: bool = False, read_only: bool = False
    ) -> Iterator[AuditDesk]:
        """A desk on this computer's session store (or on nothing when `stored` is False);
        `read_only` for commands that only look (they work on a read-only store too)."""
        if not stored:
            yield cls(None, demo=demo)
            return
        with Store(read_only=read_only) as store:
            yield cls(store, demo=demo)

    @property
    def stored(self) -> bool:
        """Whether answers are kept on this computer as they are given."""
        return self.store is not None

    @property
    def path(self) -> Path | None:
        """Where the session store is (None when nothing is stored)."""
        return self.store.path if self.store is not None else None

    def sessions(self) -> list[SessionSummary]:
        """Every stored session, newest first."""
        return self.store.list_sessions() if self.store is not None else []

    def load(self, session_id: str) -> SessionData:
        """One stored session, whole."""
        return self._require_store().load(session_id)

    def purge(self, *, older_than_days: int | None = None, everything: bool = False) -> PurgeResult:
        """Delete sessions for good (overwritten and vacuumed, not hidden)."""
        return self._require_store().purge(older_than_days=older_than_days, everything=everything)

    def _require_store(self) -> Store:
        if self.store is None:
            raise InputError(
                "Nothing is stored in this run, so there is no audit to carry on.",
                hint="Start again without --no-store to keep answers as you give them.",
            )
        return self.store

    # -- retention ----------------------------------------------------------------------------

    def expired(self) -> list[SessionSummary]:
        """Sessions past their retention period (due to be deleted)."""
        return self.store.expired() if self.store is not None else []

    def delete_expired(self) -> PurgeResult | None:
        """Delete every session past its retention period; None when there was none."""
        due = self.expired()
        if not due or self.store is None:
            return None
        return self.store.delete([s.id for s in due])

    # -- unfinished audits --------------------------------------------------------------------

    def unfinished(self, profile: Profile | None = None) -> list[UnfinishedAudit]:
        """Audits to offer to carry on, newest first: this face's kind only (demo or real), and
        with a profile, only that doctor's (an adviser is never offered another member's)."""
        if self.store is None:
            return []
        wanted = self._subject_ids(profile)
        found = []
        for summary in self.store.list_sessions():
            if summary.status == "finished" or (wanted is not None and summary.id not in wanted):
                continue
            try:
                audit = self._describe(self.store.load(summary.id))
            except StoreDamaged:
                # One damaged session must not hide the others or stop a new audit; the
                # sessions command names it, and a new audit goes on.
                continue
            if audit.demo == self.demo:
                found.append(audit)
        return found

    def _subject_ids(self, profile: Profile | None) -> set[str] | None:
        if profile is None or self.store is None:
            return None
        return set(self.store.session_ids_for(profile))

    def _describe(self, data: SessionData) -> UnfinishedAudit:
        summary = data.summary
        quick_ids = data.options.get("quick_ids")
        quick = bool(data.options.get("quick"))
        if isinstance(quick_ids, list):
            total = len(quick_ids)
        else:
            total = len(select_items(self.catalogue, data.profile))
        name = f"case {summary.case_ref}" if summary.case_ref else data.profile.name
        if summary.adviser and not summary.case_ref:
            name = "an adviser call"  # the member's name stays off the adviser's start page
        return UnfinishedAudit(
            id=summary.id,
            name=name,
            quick=quick,
            demo=bool(data.options.get("demo")),
            started=summary.created_at,
            answered=summary.answers,
            total=max(total, summary.answers),
        )

    # -- starting and carrying on -------------------------------------------------------------

    def start(
        self,
        profile: Profile,
        options: AuditOptions,
        settings: Settings,
        *,
        granted_by: str | None = None,
        limits: FetchLimits | None = None,
    ) -> AuditEngine:
        """A new audit (stored unless this desk stores nothing)."""
        check_adviser(options.adviser, options.case)
        if self.demo and not options.demo:
            options = replace(options, demo=True)
        return AuditEngine.start(
            self.catalogue,
            profile,
            options,
            settings,
            self.store,
            granted_by=granted_by,
            limits=limits,
        )

    def resume(self, session_id: str, settings: Settings, options: AuditOptions) -> AuditEngine:
        """Carry on a stored audit with every answer kept."""
        store = self._require_store()
        return AuditEngine.resume(self.catalogue, store.load(session_id), options, settings, store)
