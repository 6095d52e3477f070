"""The contact log in the browser: list, write, show, correct, download and check entries.

The same log as the terminal's `log` commands (its store, hash chain and export), open with or
without an audit. Handlers parse the request, call `footprint.log`, and render; the log's own
results (the first entry that no longer matches, an export refused) are shown in its words,
never its hints, which name terminal commands.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from werkzeug.datastructures import FileStorage
from werkzeug.utils import redirect
from werkzeug.wrappers import Request, Response

from footprint.log.attachments import file_matches
from footprint.log.chain import VerifyResult
from footprint.log.database import LogStore
from footprint.log.errors import LogError, LogInputError, NoSuchEntry
from footprint.log.export import DoctorDetails
from footprint.log.models import Attachment, Entry
from footprint.log.render import human_size
from footprint.log.summary import corrected_by
from footprint.log.uploads import (
    KINDS_IN_WORDS,
    MAX_FILE_BYTES,
    MAX_FILES,
    add_with_uploads,
    check_upload,
)
from footprint.log.verdict import receipt_line
from footprint.log.when import EXAMPLES
from footprint.ui.base import PageGroup
from footprint.ui.controller import UiAudit
from footprint.ui.logdownload import ALL, export_response, formats_offered, kept_file_response
from footprint.ui.logforms import (
    CHANNEL_CHOICES,
    ENTRY_LABELS,
    EntryForm,
    blank,
    from_entry,
    read_entry,
)
from footprint.ui.security import Lock
from footprint.ui.server import StopSignal

ROUTES: tuple[tuple[str, str, str], ...] = (
    ("/log", "log_list", "GET"),
    ("/log/new", "log_new", "GET"),
    ("/log/new", "log_new_post", "POST"),
    ("/log/<int:seq>", "log_entry", "GET"),
    ("/log/<int:seq>/file/<int:number>", "log_file", "GET"),
    ("/log/<int:seq>/correct", "log_correct", "GET"),
    ("/log/<int:seq>/correct", "log_correct_post", "POST"),
    ("/log/export", "log_export", "GET"),
    ("/log/export", "log_export_post", "POST"),
    ("/log/verify", "log_verify", "GET"),
)

LOG_FAILED = "Your contact log could not be used"
LOG_FAILED_TEXT = (
    "Nothing was changed. Keep the log's files as they are, and keep your earlier downloads and "
    "printed copies: they show the log as it was when they were made."
)
CHOOSE_AGAIN = (
    "Nothing was saved yet: choose your files again before saving (a browser does not keep "
    "them when a page comes back)."
)
NOT_INTACT_KEEP = (
    "Keep your earlier downloads and printed copies as they are: they show the log as it was "
    "when they were made. New entries can still be written."
)


class LogPages(PageGroup):
    """The contact log's pages."""

    ROUTES = ROUTES

    _demo_folder: Path | None = None

    def __init__(self, audit: UiAudit, lock: Lock, stop_signal: StopSignal) -> None:
        super().__init__(audit, lock, stop_signal)
        self.env.filters["size"] = human_size  # as the export writes sizes

    # -- the frame ----------------------------------------------------------------------------

    def _worded(self, handler: Any) -> Any:
        """The log's errors in the browser: its message, never its hint (hints name commands)."""
        inner = super()._worded(handler)

        def run(request: Request, **values: Any) -> Response:
            try:
                response: Response = inner(request, **values)
            except NoSuchEntry as exc:
                return self._message(404, exc.message, "Entries are listed on the log's page.")
            except LogInputError as exc:
                return self._message(400, exc.message, "Nothing was changed.")
            except LogError as exc:
                return self._message(500, LOG_FAILED, f"{exc.message} {LOG_FAILED_TEXT}")
            return response

        return run

    def _message(self, status: int, heading: str, text: str) -> Response:
        return self.page("log_message.html", status, heading=heading, text=text)

    def page(self, template: str, http_status: int = 200, **context: Any) -> Response:
        """A log page, with its way back to the audit or the start page."""
        context.setdefault("in_audit", self.audit.engine is not None)
        context.setdefault("practice", self._is_demo())
        return self.render(template, http_status=http_status, **context)

    def _is_demo(self) -> bool:
        return self.audit.options.preset_profile is not None

    def _store(self) -> LogStore:
        """The doctor's own log, as the terminal's; the demo writes to a practice log instead."""
        folder = self.audit.options.log_folder
        if folder is None and self._is_demo():
            with self.audit.lock:  # the fictional doctor must never write to a real log
                if self._demo_folder is None:
                    self._demo_folder = Path(tempfile.mkdtemp(prefix="footprint-demo-log-"))
            folder = self._demo_folder
        return LogStore(folder)

    # -- list, entry, file --------------------------------------------------------------------

    def log_list(self, request: Request) -> Response:
        with self._store() as store:
            checked = store.verify()
            entries = _readable_entries(store)
        return self.page(
            "log_list.html",
            state=_state(checked),
            entries=list(reversed(entries or [])),
            fixes=corrected_by(entries or []),
            unreadable=entries is None,
        )

    def log_entry(self, request: Request, seq: int) -> Response:
        with self._store() as store:
            entry = store.get(seq)
            later = [e.seq for e in store.entries() if e.corrects == seq]
            intact = [_file_matches(store, a) for a in entry.attachments]
            saved = request.args.get("saved") == "1"
            checked = store.verify() if saved else None
        receipt = receipt_line(checked.entries, checked.head) if checked and checked.ok else None
        return self.page(
            "log_entry.html", e=entry, later=later, intact=intact, saved=saved, receipt=receipt
        )

    def log_file(self, request: Request, seq: int, number: int) -> Response:
        with self._store() as store:
            entry = store.get(seq)
            if not 1 <= number <= len(entry.attachments):
                return Response("Not found", status=404, content_type="text/plain; charset=utf-8")
            return kept_file_response(store, seq, number, entry.attachments[number - 1])

    # -- writing ------------------------------------------------------------------------------

    def _form(self, form: EntryForm, corrects: Entry | None = None) -> Response:
        return self.page(
            "log_form.html",
            400 if form.errors else 200,
            v=form.values,
            errors=form.errors,
            labels=ENTRY_LABELS,
            channels=CHANNEL_CHOICES,
            corrects=corrects,
            when_examples=EXAMPLES,
            kinds=KINDS_IN_WORDS,
            max_mb=MAX_FILE_BYTES // (1024 * 1024),
            max_files=MAX_FILES,
        )

    def log_new(self, request: Request) -> Response:
        return self._form(blank())

    def log_new_post(self, request: Request) -> Response:
        return self._save(request, None)

    def log_correct(self, request: Request, seq: int) -> Response:
        with self._store() as store:
            entry = store.get(seq)
        return self._form(from_entry(entry), entry)

    def log_correct_post(self, request: Request, seq: int) -> Response:
        with self._store() as store:
            entry = store.get(seq)
        return self._save(request, entry)

    def _save(self, request: Request, corrects: Entry | None) -> Response:
        form = read_entry(request.form, corrects)
        uploads = _uploads(request.files.getlist("files"), form.errors)
        if form.fields is None or form.errors:
            if uploads and "files" not in form.errors:
                form.errors["files"] = CHOOSE_AGAIN
            return self._form(form, corrects)
        with self._store() as store:
            entry = add_with_uploads(store, form.fields, uploads)
        return redirect(f"/log/{entry.seq}?saved=1", code=303)

    # -- export and verify --------------------------------------------------------------------

    def log_export(self, request: Request) -> Response:
        with self._store() as store:
            checked = store.verify()
        return self.page(
            "log_export.html",
            state=_state(checked),
            formats=formats_offered(),
            name=self._doctor_name(),
        )

    def _doctor_name(self) -> str:
        """The open audit's name for the doctor, to start the export's details from."""
        engine = self.audit.engine
        if engine is None:
            return ""
        profile = engine.profile
        return " ".join(part for part in (profile.title, profile.name) if part)

    def log_export_post(self, request: Request) -> Response:
        chosen = request.form.get("format", ALL)
        if chosen != ALL and chosen not in formats_offered():
            return self._message(400, "That kind of copy cannot be made here", "Nothing was made.")
        doctor = DoctorDetails(
            name=request.form.get("name", "").strip(),
            details=request.form.get("details", "").strip(),
            about=request.form.get("about", "").strip(),
        )
        with self._store() as store:
            return export_response(store, chosen, doctor)

    def log_verify(self, request: Request) -> Response:
        with self._store() as store:
            checked = store.verify()
        typed = " ".join(request.args.get("digest", "").split()).lower()
        return self.page(
            "log_verify.html",
            state=_state(checked),
            typed=typed,
            digest_matches=(typed == checked.head) if typed else None,
        )


def _readable_entries(store: LogStore) -> list[Entry] | None:
    """Every entry, or None when one is too damaged to read (the state above says which)."""
    try:
        return store.entries()
    except LogError:
        return None


def _file_matches(store: LogStore, attachment: Attachment) -> bool:
    return file_matches(store.attachment_path(attachment), attachment.sha256)


def _state(result: VerifyResult) -> dict[str, Any]:
    """The verify result for a page: intact or not, and the core's sentence for a problem."""
    return {
        "ok": result.ok,
        "entries": result.entries,
        "files": result.files_checked,
        "head": result.head,
        "problem": result.problem.sentence() if result.problem is not None else None,
        # Nothing shows a change, but what would show entries cut from the end is missing.
        "unconfirmed": result.problem is not None and result.problem.unconfirmed,
        "keep": NOT_INTACT_KEEP,
    }


def _uploads(files: list[FileStorage], errors: dict[str, str]) -> list[bytes]:
    """The chosen files' bytes, each read no further than one byte past the limit, and every
    file refused put in `errors` at once. The browser's file name is only ever shown, escaped:
    it never names anything on disk."""
    uploads, refused = [], []
    for storage in files:
        data = storage.read(MAX_FILE_BYTES + 1)
        if not data and not storage.filename:
            continue  # the empty part a browser sends when no file was chosen
        uploads.append(data)
        shown = (storage.filename or "").replace("\\", "/").rsplit("/", 1)[-1][:80]
        label = f"File {len(uploads)}" + (f" ({shown})" if shown else "")
        try:
            check_upload(data, label)
        except LogInputError as exc:
            refused.append(f"{exc.message} {exc.hint or ''}".strip())
    if len(uploads) > MAX_FILES:
        refused.insert(0, f"{len(uploads)} files were chosen: one entry keeps at most {MAX_FILES}.")
    if refused:
        errors["files"] = " ".join(refused) + " " + CHOOSE_AGAIN
    return uploads
