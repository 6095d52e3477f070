"""The name search by hand: when no search engine answered footprint, the doctor searches in
their own browser, saves the results pages and gives them here.

Three steps, each a page: the ready-made searches with how to save a results page (on a
computer and on a phone) and the upload; what the pages showed, counted as the name search,
with the choice to open the pages they list (a consent question like the others, asked only
once the sites are known); then back to the audit. Reading and classifying is the core's
(`AuditEngine.record_saved_results`, the same reading as `footprint scan`); this module only
takes the files and renders. An uploaded file's name is never used: only its bytes are read,
and they are not kept.
"""

from __future__ import annotations

from werkzeug.utils import redirect
from werkzeug.wrappers import Request, Response

from footprint.lookups.search.saved_search import MAX_PAGE_BYTES, MAX_PAGES, SavedSearch
from footprint.ui.base import PageGroup
from footprint.ui.controller import UiAudit
from footprint.ui.security import Lock
from footprint.ui.server import StopSignal

NAME_SEARCH_ROUTES: tuple[tuple[str, str, str], ...] = (
    ("/name-search", "name_search", "GET"),
    ("/name-search", "name_search_post", "POST"),
    ("/name-search/follow", "name_search_follow", "POST"),
)

NO_FILE = "Choose at least one saved results page first."
TOO_MANY = f"Give at most {MAX_PAGES} pages at a time."
TOO_BIG = (
    f"A file was larger than {MAX_PAGE_BYTES // 1_000_000} MB, so it was not read. Save the "
    "results page as “Web page, HTML only” and try again."
)


class NameSearchPages(PageGroup):
    """The name search done by hand, for the audit that is open."""

    ROUTES = NAME_SEARCH_ROUTES

    def __init__(self, audit: UiAudit, lock: Lock, stop_signal: StopSignal) -> None:
        super().__init__(audit, lock, stop_signal)
        self.read: SavedSearch | None = None  # the pages last read, until the follow choice

    def _page(self, error: str | None = None) -> Response:
        engine = self.audit.engine
        assert engine is not None
        links = engine.name_search.links()
        searches = engine.name_search.searches()
        grouped = [(s, [link for link in links if f'"{s}"' in link.label]) for s in searches]
        return self.render(
            "name_search.html",
            http_status=400 if error else 200,
            grouped=grouped,
            error=error,
            max_pages=MAX_PAGES,
        )

    def name_search(self, request: Request) -> Response:
        if self.audit.engine is None or not self.audit.auditing:
            return self._next()
        return self._page()

    def name_search_post(self, request: Request) -> Response:
        engine = self.audit.engine
        if engine is None or not self.audit.auditing:
            return self._next()
        uploads = [f for f in request.files.getlist("pages") if f.filename or f.content_length]
        if len(uploads) > MAX_PAGES:
            return self._page(TOO_MANY)
        files = [upload.read(MAX_PAGE_BYTES + 1) for upload in uploads]
        files = [data for data in files if data]
        if not files:
            return self._page(NO_FILE)
        if any(len(data) > MAX_PAGE_BYTES for data in files):
            return self._page(TOO_BIG)
        self.read = engine.record_saved_results(files)
        return self._read_page(self.read)

    def _read_page(self, saved: SavedSearch, followed: int | None = None) -> Response:
        engine = self.audit.engine
        assert engine is not None
        question = engine.name_search.follow_question(saved) if followed is None else None
        return self.render(
            "name_search_read.html",
            saved=saved,
            question=question,
            followed=followed,
            status=self._status(),
        )

    def name_search_follow(self, request: Request) -> Response:
        engine, saved = self.audit.engine, self.read
        if engine is None or saved is None or not self.audit.auditing:
            return self._next()
        self.read = None  # one decision per upload: a form sent twice opens nothing again
        granted = request.form.get("follow") == "yes"
        found = engine.follow_saved_results(saved, granted)
        if not granted:
            return redirect(self.audit.next_page(), code=303)
        return self._read_page(saved, followed=len(found))
