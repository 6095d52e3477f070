"""What every group of pages shares: the templates, the page frame, and store failures worded
for a browser reader.

A group is a class with its own `ROUTES` (path, endpoint, method); `footprint.ui.build_app`
serves every group in `PAGE_GROUPS` behind the same lock, CSRF check and security headers.
"""

from __future__ import annotations

from typing import Any, ClassVar

from jinja2 import Environment, PackageLoader, select_autoescape
from werkzeug.routing import Rule
from werkzeug.utils import redirect
from werkzeug.wrappers import Request, Response

from footprint.audit.questions import minutes_phrase
from footprint.errors import SessionPurged, StoreError
from footprint.ui.controller import UiAudit
from footprint.ui.security import Lock
from footprint.ui.server import StopSignal

SESSION_GONE = "This audit's saved answers were deleted"
SESSION_GONE_TEXT = (
    "They were deleted from this computer while the audit was open (saved audits were cleared, "
    "or this one was past the time it was kept for), so nothing more can be added to it. Start "
    "a new audit from the start page: it asks the questions again."
)
SESSION_MISSING = "That audit is no longer on this computer"
SESSION_MISSING_TEXT = (
    "It was deleted (saved audits were cleared, or it was past the time it was kept for), so it "
    "cannot be carried on. Start a new audit from the start page."
)
SESSION_DAMAGED = "That audit's saved answers are damaged"
SESSION_DAMAGED_TEXT = (
    "They cannot be read, so that audit cannot be carried on. It is set aside (kept, not "
    "deleted) and is not offered again. Start a new audit from the start page."
)
STORE_FAILED = "footprint could not use its saved answers on this computer"
STORE_FAILED_TEXT = (
    "The file that keeps your answers could not be read or written (the disk may be full, "
    "read-only or damaged). Answers given before this are kept. Close footprint, check the "
    "disk, and open footprint again."
)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("footprint.ui", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["minutes_phrase"] = minutes_phrase
    return env


class PageGroup:
    """Request handlers bound to one controller, lock and stop signal."""

    ROUTES: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    """(path, endpoint, method) for every page of the group."""

    def __init__(self, audit: UiAudit, lock: Lock, stop_signal: StopSignal) -> None:
        self.audit = audit
        self.lock = lock
        self.stop_signal = stop_signal
        self.env = _environment()

    def handlers(self) -> dict[str, Any]:
        """Endpoint name -> bound handler, for `UiApp`; store failures worded for the browser."""
        return {endpoint: self._worded(getattr(self, endpoint)) for _, endpoint, _ in self.ROUTES}

    def _worded(self, handler: Any) -> Any:
        """The core's store errors name terminal commands; a browser reader gets its own words
        and a way on (a purged session is let go, so the start page starts a new audit)."""

        def run(request: Request, **values: Any) -> Response:
            try:
                response: Response = handler(request, **values)
            except SessionPurged:
                self.audit.forget()
                return self.render(
                    "message.html", http_status=409, heading=SESSION_GONE, text=SESSION_GONE_TEXT
                )
            except StoreError:
                return self.render(
                    "message.html", http_status=500, heading=STORE_FAILED, text=STORE_FAILED_TEXT
                )
            return response

        return run

    def rules(self) -> list[Rule]:
        """Fresh routing rules (a werkzeug Rule belongs to one Map)."""
        return [Rule(path, endpoint=end, methods=[method]) for path, end, method in self.ROUTES]

    # -- helpers ------------------------------------------------------------------------------

    def render(self, template: str, http_status: int = 200, **context: Any) -> Response:
        engine = self.audit.engine
        context.setdefault("csrf", self.lock.csrf_token())
        context.setdefault("can_close", True)
        context.setdefault("stored", self.audit.options.store is not None)
        who = self.audit.setup.case if engine is not None and self.audit.setup.case else None
        context.setdefault("who", f"case {who}" if who else None)
        context.setdefault("kept_days", engine.retention_days if engine is not None else None)
        context.setdefault(
            "previous_audit", engine.previous_audit_date if engine is not None else None
        )
        html = self.env.get_template(template).render(**context)
        return Response(html, status=http_status, content_type="text/html; charset=utf-8")

    def _next(self) -> Response:
        return redirect(self.audit.next_page(), code=303)

    def _status(self) -> dict[str, Any]:
        engine = self.audit.engine
        if engine is None:
            return {"line": "", "running": False}
        status = engine.status()
        line = status.line()
        return {"line": line[:1].upper() + line[1:], "running": status.running}
