"""A loopback HTTP server that answers with recorded real answers, for `--check-formats`.

Each route is a path prefix and a recorded sample; the longest matching prefix answers, with
the status and headers the sample was recorded with (sources.json). Nothing leaves the machine:
the server listens on 127.0.0.1 only and stops when the `with` block ends.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit


class Answer:
    """One recorded answer: status, headers and body."""

    def __init__(self, status: int, headers: Mapping[str, str], body: bytes) -> None:
        self.status, self.headers, self.body = status, dict(headers), body


class SampleServer:
    """Serves `routes` (path prefix -> Answer) on 127.0.0.1 at a free port."""

    def __init__(self) -> None:
        self.routes: dict[str, Answer] = {}
        self.paths: list[str] = []  # requested paths, in order
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server API
                path = urlsplit(self.path).path
                server.paths.append(path)
                answer = server.answer_for(path)
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    if name.lower() not in ("content-length", "transfer-encoding"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                self.wfile.write(answer.body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass  # the command prints its own table

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._http.daemon_threads = True
        self._thread = threading.Thread(
            target=self._http.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        """The base URL, e.g. http://127.0.0.1:45678 (no trailing slash)."""
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}"

    def answer_for(self, path: str) -> Answer:
        matches = [prefix for prefix in self.routes if path.startswith(prefix)]
        if not matches:
            return Answer(404, {"Content-Type": "text/plain"}, b"no recorded answer for this path")
        return self.routes[max(matches, key=len)]

    def __enter__(self) -> SampleServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._http.shutdown()
        self._http.server_close()
        self._thread.join(timeout=5)
