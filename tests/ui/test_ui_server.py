"""The server: loopback only, a free port, and it stops by itself when left idle."""

from __future__ import annotations

import threading

import requests

from footprint.ui.server import Activity, LocalServer, StopSignal


def _hello(environ: dict[str, object], start_response: object) -> list[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain")])  # type: ignore[operator]
    return [b"hello"]


def test_served_on_loopback_only_on_a_free_port() -> None:
    server = LocalServer()
    try:
        server.serve(_hello)
        host, port = server._server.socket.getsockname()[:2]
        assert host == "127.0.0.1" and port > 0
        assert server.lock.start_url.startswith(f"http://127.0.0.1:{port}/?token=")
        assert requests.get(f"http://127.0.0.1:{port}/", timeout=5).text == "hello"
    finally:
        server.close()


def test_stops_after_the_idle_limit_and_says_so() -> None:
    now = [0.0]
    activity = Activity(clock=lambda: now[0])
    server = LocalServer()
    try:
        now[0] = 31 * 60.0
        reason = server.wait(StopSignal(), activity, idle_limit_s=30 * 60)
    finally:
        server.close()
    assert reason == "nothing happened for 30 minutes"


def test_a_page_can_stop_it() -> None:
    stop = StopSignal()
    server = LocalServer()
    try:
        threading.Timer(0.2, stop.stop, args=("you pressed “Finish and close”",)).start()
        reason = server.wait(stop, Activity())
    finally:
        server.close()
    assert "Finish and close" in reason


def test_a_port_in_use_is_a_clear_error() -> None:
    import pytest

    from footprint.errors import InputError

    taken = LocalServer()
    try:
        with pytest.raises(InputError, match="cannot be used"):
            LocalServer(taken.port)
    finally:
        taken.close()
