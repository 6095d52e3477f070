"""`footprint ui`: the same audit in the doctor's own browser, served on 127.0.0.1 only.

A second face of the one audit engine (`footprint.audit`): server-rendered pages that work
without JavaScript, locked to the person who started the server (see `security.py`). Nothing
here is imported unless `footprint ui` runs, so `footprint --help` stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass

from footprint.ui.app import UiApp
from footprint.ui.base import PageGroup
from footprint.ui.controller import UiAudit, UiOptions
from footprint.ui.handoverpages import HandoverPages
from footprint.ui.helppages import HelpPages
from footprint.ui.logpages import LogPages
from footprint.ui.pages import QUIET_ENDPOINTS, Pages
from footprint.ui.planpages import PlanPages
from footprint.ui.searchpages import NameSearchPages
from footprint.ui.security import Lock
from footprint.ui.server import Activity, LocalServer, StopSignal

PAGE_GROUPS: tuple[type[PageGroup], ...] = (
    Pages,
    HelpPages,
    NameSearchPages,
    LogPages,
    PlanPages,
    HandoverPages,
)
"""Every group of pages the server serves; each brings its own routes and handlers."""


@dataclass
class RunningUi:
    """A started UI: the server, the address to open, and how it will stop."""

    server: LocalServer
    audit: UiAudit
    stop: StopSignal
    activity: Activity

    @property
    def url(self) -> str:
        """The address with its one-time secret."""
        return self.server.lock.start_url

    def wait(self, idle_limit_s: float | None = None) -> str:
        """Block until the UI stops; why it stopped, in words."""
        if idle_limit_s is None:
            return self.server.wait(self.stop, self.activity)
        return self.server.wait(self.stop, self.activity, idle_limit_s)

    def close(self) -> None:
        """Stop serving; a running audit's finished lookups are kept."""
        self.server.close()
        if self.audit.engine is not None and self.audit.outputs is None:
            self.audit.engine.cancel_lookups()


def build_app(audit: UiAudit, lock: Lock, stop: StopSignal, activity: Activity) -> UiApp:
    """The WSGI app for one audit behind one lock (tests drive it without a server)."""
    groups = [group(audit, lock, stop) for group in PAGE_GROUPS]
    rules = [rule for group in groups for rule in group.rules()]
    handlers = {name: run for group in groups for name, run in group.handlers().items()}
    return UiApp(lock, rules, handlers, activity, quiet_endpoints=QUIET_ENDPOINTS)


def start_ui(options: UiOptions, port: int = 0) -> RunningUi:
    """Start the server on 127.0.0.1 (a free port unless given) and return at once."""
    server = LocalServer(port)
    stop, activity = StopSignal(), Activity()
    audit = UiAudit(options)
    server.serve(build_app(audit, server.lock, stop, activity))
    return RunningUi(server=server, audit=audit, stop=stop, activity=activity)
