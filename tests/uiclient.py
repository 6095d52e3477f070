"""A signed-in WSGI client for the browser face: follows redirects and fills in the CSRF token."""

from __future__ import annotations

from werkzeug.test import Client, TestResponse

from footprint.ui import build_app
from footprint.ui.controller import UiAudit
from footprint.ui.security import CSRF_FIELD, Lock
from footprint.ui.server import Activity, StopSignal

HOST = "127.0.0.1:8765"


class Browser:
    """A signed-in client that follows redirects and fills in the CSRF token."""

    def __init__(self, audit: UiAudit) -> None:
        self.lock = Lock(host="127.0.0.1", port=8765)
        self.stop = StopSignal()
        self.client = Client(build_app(audit, self.lock, self.stop, Activity()))
        first = self.client.get(f"/?token={self.lock.url_secret}", headers={"Host": HOST})
        assert first.status_code == 303

    def get(self, path: str) -> TestResponse:
        return self.client.get(path, headers={"Host": HOST}, follow_redirects=True)

    def post(self, path: str, data: dict[str, str | list[str]] | None = None) -> TestResponse:
        form = {CSRF_FIELD: self.lock.csrf_token(), **(data or {})}
        return self.client.post(
            path,
            data=form,
            headers={"Host": HOST, "Origin": self.lock.origin},
            follow_redirects=True,
        )
