"""The demo server: path rules, content types, the slow drip and the blocked page."""

from __future__ import annotations

import http.client
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from footprint.demo.server import SITE, DemoServer


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "people.json").write_text('{"ok": true}')
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.html").write_text("<p>docs</p>")
    (tmp_path / "slow").mkdir()
    (tmp_path / "slow" / "index.html").write_text("<p>" + "slow " * 200 + "</p>")
    (tmp_path / "blocked").mkdir()
    (tmp_path / "blocked" / "index.html").write_text("<title>Just a moment...</title>")
    return tmp_path


@pytest.fixture
def server(site: Path) -> Iterator[DemoServer]:
    with DemoServer(site, slow_delay=0.4) as running:
        yield running


def get(server: DemoServer, path: str, timeout: float = 5.0) -> tuple[int, str, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("path", "content_type", "body"),
    [
        ("/api/people.json", "application/json", b'{"ok": true}'),
        ("/api/people", "application/json", b'{"ok": true}'),
        ("/api/people?q=Alex+Example&page=2", "application/json", b'{"ok": true}'),
        ("/docs/", "text/html; charset=utf-8", b"<p>docs</p>"),
        ("/docs", "text/html; charset=utf-8", b"<p>docs</p>"),
        ("/docs/index.html", "text/html; charset=utf-8", b"<p>docs</p>"),
    ],
)
def test_path_rules(server: DemoServer, path: str, content_type: str, body: bytes) -> None:
    assert get(server, path) == (200, content_type, body)


def test_missing_and_outside_paths_are_404(server: DemoServer) -> None:
    assert get(server, "/nothing")[0] == 404
    assert get(server, "/../../etc/passwd")[0] == 404
    assert get(server, "/%2e%2e/%2e%2e/etc/passwd")[0] == 404


def test_blocked_is_403_with_the_page(server: DemoServer) -> None:
    status, _, body = get(server, "/blocked/")
    assert status == 403 and b"Just a moment" in body


def test_slow_pages_drip_for_the_configured_delay(server: DemoServer) -> None:
    started = time.monotonic()
    status, _, body = get(server, "/slow/")
    assert status == 200 and body.startswith(b"<p>slow")
    assert time.monotonic() - started >= 0.3  # dripped, not sent at once


def test_records_requests_and_stops(site: Path) -> None:
    with DemoServer(site) as server:
        get(server, "/docs/")
        assert server.requests == ["/docs/"]
        port = server.port
    with pytest.raises(OSError):
        get_port(port)


def get_port(port: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    conn.request("GET", "/")


def test_stops_promptly_during_a_drip(site: Path) -> None:
    server = DemoServer(site, slow_delay=30).start()
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    conn.request("GET", "/slow/")
    conn.getresponse()  # headers arrive at once
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 5
    conn.close()


def test_bundled_site_has_the_demo_pages() -> None:
    for page in (
        "practice/team.html",
        "practice/contact.html",
        "clinic/index.html",
        "profile/index.html",
        "slow/index.html",
        "blocked/index.html",
    ):
        assert (SITE / page).is_file(), page
