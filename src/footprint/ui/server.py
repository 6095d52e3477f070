"""The local server behind `footprint ui`: 127.0.0.1 only, a free port, stops by itself.

Werkzeug's threaded WSGI server is enough for one person's browser on one computer; it is
bound to the loopback address only, so nothing is served on another interface. Request lines
are not logged: the first one carries the secret, and paths can name what the doctor is doing.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from footprint.errors import InputError
from footprint.ui.security import Lock

LOOPBACK = "127.0.0.1"
IDLE_LIMIT_S = 30 * 60


class _QuietHandler(WSGIRequestHandler):
    """No request log: the address carries a secret and pages say what the doctor does."""

    def log_request(self, *args: Any, **kwargs: Any) -> None:
        return None

    def log(self, type: str, message: str, *args: Any) -> None:  # noqa: A002 - werkzeug's name
        return None


@dataclass
class StopSignal:
    """Why and when the server should stop; set from a page, the idle watch or Ctrl-C."""

    event: threading.Event = field(default_factory=threading.Event)
    reason: str = ""

    def stop(self, reason: str) -> None:
        """Ask the server to stop (the first reason wins)."""
        if not self.event.is_set():
            self.reason = reason
            self.event.set()


@dataclass
class Activity:
    """When the doctor last did something (page loads and forms; not status polling)."""

    clock: Callable[[], float] = time.monotonic
    last: float = field(default=0.0)

    def __post_init__(self) -> None:
        self.last = self.clock()

    def touch(self) -> None:
        """Record activity now."""
        self.last = self.clock()

    def idle_for(self) -> float:
        """Seconds since the last activity."""
        return self.clock() - self.last


class LocalServer:
    """Serve one WSGI app on 127.0.0.1 in a background thread until asked to stop."""

    def __init__(self, port: int = 0) -> None:
        # Bound here, not by werkzeug: on a busy port it prints its own text and exits.
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            listener.bind((LOOPBACK, port))
            listener.listen(64)
        except OSError as exc:
            listener.close()
            raise InputError(
                f"Port {port} cannot be used on this computer ({exc.strerror or 'in use'}).",
                hint="Leave out --port to use a free one, or choose another number.",
            ) from None
        try:
            self._server: BaseWSGIServer = make_server(
                LOOPBACK,
                port,
                _placeholder,
                threaded=True,
                request_handler=_QuietHandler,
                fd=listener.fileno(),
            )
        finally:
            listener.close()  # the server holds its own duplicate of the socket
        self.port: int = int(self._server.socket.getsockname()[1])
        self.lock = Lock(host=LOOPBACK, port=self.port)
        self._thread: threading.Thread | None = None

    def serve(self, app: Callable[..., Any]) -> None:
        """Start answering requests with `app` in a background thread."""
        self._server.app = app
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="footprint-ui", daemon=True
        )
        self._thread.start()

    def wait(self, stop: StopSignal, activity: Activity, idle_limit_s: float = IDLE_LIMIT_S) -> str:
        """Block until a page, the idle limit or Ctrl-C stops the server; say which."""
        try:
            while not stop.event.wait(timeout=0.5):
                if activity.idle_for() >= idle_limit_s:
                    minutes = round(idle_limit_s / 60)
                    stop.stop(f"nothing happened for {minutes} minutes")
        except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM/SIGHUP turned into one (cli/ui.py)
            stop.stop(str(exc) or "you pressed Ctrl-C")
        return stop.reason

    def close(self) -> None:
        """Stop serving and release the port."""
        if self._thread is not None:  # shutdown() waits for a serve_forever that never ran
            self._server.shutdown()
            self._thread.join(timeout=5)
        self._server.server_close()


def _placeholder(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"starting"]
