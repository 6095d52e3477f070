"""Around an audit: the stored sessions, old ones deleted when due, starting and carrying on.

Both faces come here before they have an engine, so the rules live once:

- retention: each session said when it started how long it is kept; past that, `expired`
  lists it for the face to show, and `delete_expired` deletes what the person agreed to (at
  once when nobody can be asked); the demo never deletes the doctor's real audits;
- unfinished audits are listed with what a person needs to tell them apart (the name as the
  doctor typed it, or the case on an adviser call; quick or full; demo or real; when; answered
  of total), and a demo audit is never offered to a real one, nor a real one to the demo;
- a case reference needs the adviser's name (`check_adviser`);
- a typed-in profile is saved as `profile.yaml`, or `profile-2.yaml`... never over another;
- the report formats this computer can write (PDF only with WeasyPrint).

Faces never open the store themselves: they open a desk (`AuditDesk.open`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from footprint.audit.answers import RESPONSE_ID, AnswersFile, answers_from_text, load_answers
from footprint.audit.engine import AuditEngine
from footprint.audit.flow import AuditOptions
from footprint.audit.handover import delete_expired_handovers
from footprint.audit.outputs import pdf_ready
from footprint.content.checklists import Catalogue, select_items, shipped_catalogue
from footprint.content.renames import current_id
from footprint.errors import InputError
from footprint.model.profile import Profile, dump_profile
from footprint.store.rows import PurgeResult, SessionData, SessionSummary, UnfinishedSession
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
    adviser: bool = False  # run on a call with a defence-union adviser

    @property
    def mode(self) -> str:
        """ "quick audit", "full audit with an adviser"..."""
        kind = "quick audit" if self.quick else "full audit"
        return f"{kind} with an adviser" if self.adviser else kind

    @property
    def when(self) -> str:
        """ "Fri 4 Dec 2026 at 01:05", in this computer's time zone (it is stored in UTC)."""
        local = self.started.astimezone()
        return f"{local:%a} {local.day} {local:%b %Y at %H:%M}"

    @property
    def progress(self) -> str:
        """ "1 answer kept, 29 questions left": the count a person recognises."""
        kept = _plural(self.answered, "answer", "answers") + " kept"
        if not self.answered:
            kept = "no answers yet"
        left = max(self.total - self.answered, 0)
        rest = _plural(left, "question", "questions") + " left" if left else "none left"
        return f"{kept}, {rest}"

    def label(self) -> str:
        """E.g. "Alex Example: quick audit, started Thu 3 Dec 2026 at 14:05; 12 answers kept,
        18 questions left"; the demo's own audits say "(demo)"."""
        demo = " (demo)" if self.demo else ""
        return f"{self.name}{demo}: {self.mode}, started {self.when}; {self.progress}"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _is_demo(options: dict[str, object]) -> bool:
    return bool(options.get("demo"))


def check_same_kind(session_id: str, *, demo: bool, wanted_demo: bool) -> None:
    """InputError when a demo session would be carried on as a real audit, or the reverse."""
    if demo and not wanted_demo:
        raise InputError(
            f"Session {session_id} is the demo audit, about a made-up doctor: it can only be"
            " carried on in the demo. Start a new audit for your own answers.",
            hint="`footprint ui --demo` carries the demo on; `footprint audit` starts a real one.",
        )
    if wanted_demo and not demo:
        raise InputError(
            f"Session {session_id} is a real audit, not the demo: carry it on outside the demo.",
            hint=f"`footprint audit --resume {session_id}`, or `footprint ui` without --demo.",
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
        """Sessions past their retention period (due to be deleted). The demo manages none:
        it shares the store with the doctor's real audits, which are not its to delete."""
        if self.store is None or self.demo:
            return []
        return self.store.expired()

    def delete_expired(
        self, chosen: Collection[str] | None = None, *, keep: str | None = None
    ) -> PurgeResult | None:
        """Delete the sessions past their retention period: all of them, or only the `chosen`
        ids (those the person was shown), never `keep` (an audit open now); None if none."""
        due = [s.id for s in self.expired() if (chosen is None or s.id in chosen) and s.id != keep]
        if not due or self.store is None:
            return None
        return self.store.delete(due)

    def delete_old_handovers(self) -> list[Path]:
        """Hand-over folders of adviser calls kept their full time: deleted now (the demo
        never deletes anything of the doctor's)."""
        return [] if self.demo else delete_expired_handovers()

    # -- answers files ------------------------------------------------------------------------

    def read_answers(self, path: Path) -> AnswersFile:
        """An answers file, or the hand-over file of an adviser call, checked against the
        checklists (an unknown question id is an error naming it)."""
        return load_answers(path, [*self.catalogue.items, RESPONSE_ID])

    def answers_from_text(self, text: str, name: str) -> AnswersFile:
        """The same, from text (a file uploaded in the browser); `name` names it in errors."""
        return answers_from_text(text, name, [*self.catalogue.items, RESPONSE_ID])

    # -- unfinished audits --------------------------------------------------------------------

    def unfinished(self, profile: Profile | None = None) -> list[UnfinishedAudit]:
        """Audits to offer to carry on, newest first: this face's kind only (demo or real), and
        with a profile, only that doctor's (an adviser is never offered another member's).

        Read in one light query (no observations, no answers beyond their ids): both faces ask
        at every start, and an adviser's store keeps hundreds of unfinished quick audits. A
        damaged session is left out by the store (one must not hide the others)."""
        if self.store is None:
            return []
        sessions = self.store.unfinished_sessions(profile)
        return [self._describe(s) for s in sessions if _is_demo(s.options) == self.demo]

    def _describe(self, session: UnfinishedSession) -> UnfinishedAudit:
        quick_ids = session.options.get("quick_ids")
        if isinstance(quick_ids, list):
            items = {current_id(str(i)) for i in quick_ids}
        else:
            items = {i.id for i in select_items(self.catalogue, session.profile)}
        name = f"case {session.case_ref}" if session.case_ref else session.profile.name
        if session.adviser and not session.case_ref:
            name = "an adviser call"  # the member's name stays off the adviser's start page
        return UnfinishedAudit(
            id=session.id,
            name=name,
            quick=bool(session.options.get("quick")),
            demo=_is_demo(session.options),
            started=session.created_at,
            # The audit's own questions only, as its report counts them: not the opening
            # "Is a patient contacting you now?", which is not on the checklist.
            answered=len(items & session.answered_ids),
            total=len(items),
            adviser=session.adviser is not None,
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

    def resume(
        self,
        session_id: str,
        settings: Settings,
        options: AuditOptions,
        *,
        granted_by: str | None = None,
    ) -> AuditEngine:
        """Carry on a stored audit with every answer kept; a demo audit only on the demo face,
        a real one only on a real face (the demo's consent to every lookup must never drive
        real lookups, and made-up answers must never end up in a real report)."""
        store = self._require_store()
        data = store.load(session_id)
        check_same_kind(session_id, demo=_is_demo(data.options), wanted_demo=self.demo)
        return AuditEngine.resume(
            self.catalogue, data, options, settings, store, granted_by=granted_by
        )
