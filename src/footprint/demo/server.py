"""A small local web server for `footprint demo` and the tests: fictional pages on 127.0.0.1.

Files under `demo/site/` are served by path: `/a/b` tries `a/b`, `a/b.json`, `a/b/index.html`
and `a/b/index.json` (query strings are ignored, so API stand-ins can live here too). Two parts
of the site misbehave on purpose, so the demo shows couldn't-check results:

- anything under `/slow/` sends its headers, then drips the body over `slow_delay` seconds,
  longer than the demo's fetch limit;
- anything under `/blocked/` is served with status 403 (the page is a bot-check page).

A `{demo}` token in a served file is replaced with the server's own address (`base_url`).

The site has an "after" state, for the demo of a re-check: `switch_to_after()` serves the files
under `demo/after/` in place of the same paths under `demo/site/`. In it the clinic page no
longer shows the personal e-mail (fixed), and the practice's team page still shows the personal
mobile (not fixed).

    with DemoServer() as server:
        fetch(server.base_url + "/practice/team.html")
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

SITE = Path(__file__).parent / "site"
AFTER = Path(__file__).parent / "after"  # the pages the doctor had fixed, for the re-check demo
_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
    ".css": "text/css",
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # never wait for a slow drip to finish when the demo ends

    def __init__(self, root: Path, slow_delay: float) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.root = root.resolve()
        self.slow_delay = slow_delay
        self.overlay: Path | None = None  # served before `root` (the "after" state)
        self.stopping = threading.Event()
        self.requests: list[str] = []  # paths asked for, for tests and the demo's summary


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "footprint-demo"
    sys_version = ""
    _DRIP_STEPS: ClassVar[int] = 20

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the demo prints its own progress."""

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        self.server.requests.append(path)
        found = self._find(path)
        if found is None:
            self._send(404, b"<html><head><title>Not found</title></head></html>", ".html")
            return
        # A `{demo}` token becomes this server's address, so stand-in pages (search results)
        # can link to other demo pages on whatever port the server got.
        body = found.read_bytes().replace(b"{demo}", self._base_url().encode())
        if path.startswith("/blocked/"):
            self._send(403, body, found.suffix)
        elif path.startswith("/slow/"):
            self._drip(body, found.suffix)
        else:
            self._send(200, body, found.suffix)

    def _base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def _find(self, path: str) -> Path | None:
        root = self.server.root
        relative = path.strip("/")
        candidates = [
            relative,
            f"{relative}.json",
            f"{relative}/index.html",
            f"{relative}/index.json",
        ]
        overlay = self.server.overlay
        for folder in ([overlay.resolve()] if overlay else []) + [root]:
            for candidate in candidates:
                file = (folder / candidate).resolve()
                if file.is_file() and file.is_relative_to(folder):
                    return file
        return None

    def _headers(self, status: int, suffix: str, length: int) -> None:
        self.send_response(status)
        self.send_header("Content-Type", _TYPES.get(suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()

    def _send(self, status: int, body: bytes, suffix: str) -> None:
        self._headers(status, suffix, len(body))
        self.wfile.write(body)

    def _drip(self, body: bytes, suffix: str) -> None:
        """Headers at once, then the body a piece at a time over `slow_delay` seconds."""
        self._headers(200, suffix, len(body))
        self.wfile.flush()
        step = max(len(body) // self._DRIP_STEPS, 1)
        pause = self.server.slow_delay / self._DRIP_STEPS
        try:
            for start in range(0, len(body), step):
                if self.server.stopping.wait(pause):
                    return
                self.wfile.write(body[start : start + step])
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return  # the client gave up, as it should


class DemoServer:
    """Serves `root` (default: the bundled demo site) on 127.0.0.1 on a free port."""

    def __init__(self, root: Path | None = None, *, slow_delay: float = 5.0) -> None:
        self.root = root or SITE
        self.slow_delay = slow_delay
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """E.g. 'http://127.0.0.1:54321' (no trailing slash)."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the demo server is not running")
        return int(self._server.server_address[1])

    @property
    def requests(self) -> list[str]:
        """Paths asked for so far."""
        return list(self._server.requests) if self._server else []

    def switch_to_after(self, after: Path = AFTER) -> None:
        """Serve the "after" state from now on: the files under `after` replace the site's."""
        if self._server is None:
            raise RuntimeError("the demo server is not running")
        self._server.overlay = after

    def start(self) -> DemoServer:
        self._server = _Server(self.root, self.slow_delay)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        if self._thread:
            self._thread.join(timeout=2)
        self._server = None

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _wait_forever(server: DemoServer) -> None:  # pragma: no cover - manual use
    print(f"Serving the demo site on {server.base_url} (Ctrl-C to stop)")
    while True:
        time.sleep(3600)


if __name__ == "__main__":  # pragma: no cover - `python -m footprint.demo.server`
    with DemoServer() as running:
        try:
            _wait_forever(running)
        except KeyboardInterrupt:
            pass  # Ctrl-C is how this manual server is stopped; the with-block shuts it down
