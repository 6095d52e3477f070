"""Loopback servers for the net tests: a threaded pytest-httpserver, and a raw TCP server that
records every connection and every byte it receives (for "zero connections" and "the private
block never leaves" proofs, and for misbehaviour werkzeug will not produce, like dripping headers).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from datetime import datetime, timezone

from footprint.model.consent import ConsentRecord

Responder = Callable[[socket.socket, bytes], None]


def grant(*hosts: str, granted: bool = True, lookup_id: str = "test") -> ConsentRecord:
    """A consent record for `hosts`."""
    return ConsentRecord(
        lookup_id=lookup_id,
        sentence=f"test requests to {', '.join(hosts)}",
        destinations=list(hosts),
        granted=granted,
        granted_by="the doctor",
        how="test",
        at=datetime.now(timezone.utc),
    )


def ok_html(sock: socket.socket, request: bytes) -> None:
    """Answer every request with a tiny HTML page."""
    body = b"<html><title>ok</title><body>ok</body></html>"
    sock.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )


class RawServer:
    """A TCP server on 127.0.0.x that records connections and raw requests."""

    def __init__(self, respond: Responder = ok_html, host: str = "127.0.0.1") -> None:
        self.respond = respond
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, 0))
        self._sock.listen(16)
        self._sock.settimeout(0.1)
        self.host, self.port = self._sock.getsockname()[:2]
        self.connections = 0
        self.requests: list[bytes] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        try:
            self._sock.shutdown(socket.SHUT_RDWR)  # wakes a waiting accept() on Linux
        except OSError:
            pass
        self._thread.join(timeout=2)
        self._sock.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            with self._lock:
                self.connections += 1
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        conn.settimeout(5)
        data = b""
        try:
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                data += chunk
            with self._lock:
                self.requests.append(data)
            self.respond(conn, data)
        except OSError:
            pass
        finally:
            conn.close()

    @property
    def raw(self) -> bytes:
        """Every byte received, across all connections."""
        with self._lock:
            return b"".join(self.requests)
