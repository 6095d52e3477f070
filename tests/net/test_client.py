"""footprint.net.client against hostile and broken servers: every limit ends as a clear FetchError.

All servers are on 127.0.0.1 (pytest-httpserver, threaded, or tests/netservers.RawServer).
Limits are small so the suite stays fast; the loose upper bounds on elapsed time prove a limit
held (without it the fetch would take 20 s or more), they are not performance assertions.

The module shares one server. A request another test left running can still reach its log
after that test ended, so tests read the log only through `requests_to(server, path)`, and a
test that holds a request open uses its own server and waits for the request to end.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import replace

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from footprint.net.client import USER_AGENT, FetchError, FetchLimits, GatedClient, HttpClient
from netservers import RawServer, grant

HOST = "127.0.0.1"
QUICK = FetchLimits(
    connect_timeout=1.0,
    total_timeout=1.0,
    max_bytes=100_000,
    max_redirects=3,
    max_retries=2,
    max_retry_after=2.0,
    retry_backoff=0.05,
)
#: QUICK with time to spare, for every test that is not about time: on a busy machine a 1 s
#: timeout (and the retry it causes) would add a request to the ones a test counts.
PATIENT = replace(QUICK, connect_timeout=10.0, total_timeout=10.0)


@pytest.fixture(scope="module")
def server() -> Iterator[HTTPServer]:
    srv = HTTPServer(host=HOST, port=0, threaded=True)
    srv.start()
    yield srv
    srv.clear()
    if srv.is_running():
        srv.stop()


@pytest.fixture(autouse=True)
def _clear(server: HTTPServer) -> Iterator[None]:
    server.clear()
    yield
    server.clear()


@pytest.fixture
def own_server() -> Iterator[HTTPServer]:
    """A server for one test alone, stopped when it ends."""
    srv = HTTPServer(host=HOST, port=0, threaded=True)
    srv.start()
    yield srv
    srv.clear()
    if srv.is_running():
        srv.stop()


def requests_to(server: HTTPServer, path: str) -> list[Request]:
    """The requests the server logged for `path`, oldest first (other paths are ignored)."""
    return [request for request, _ in server.log if request.path == path]


def client(limits: FetchLimits = PATIENT, *hosts: str, **kw: bool) -> GatedClient:
    hosts = hosts or (HOST,)
    kw.setdefault("allow_loopback", True)
    return HttpClient(limits, **kw).bind(grant(*hosts), frozenset(hosts))


def reason_of(call: object) -> str:
    with pytest.raises(FetchError) as info:
        call()  # type: ignore[operator]
    return info.value.reason


# -- ordinary answers --------------------------------------------------------------------------


def test_fetches_html_with_an_honest_user_agent(server: HTTPServer) -> None:
    server.expect_request("/page").respond_with_data(
        "<title>Team</title>", content_type="text/html; charset=utf-8"
    )
    resp = client().get(server.url_for("/page"))
    assert (resp.status, resp.content_type, resp.text) == (200, "text/html", "<title>Team</title>")
    (request,) = requests_to(server, "/page")
    assert request.headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("footprint/") and "privacy self-audit" in USER_AGENT


def test_json_and_not_json(server: HTTPServer) -> None:
    server.expect_request("/ok").respond_with_json({"results": [1]})
    server.expect_request("/html").respond_with_data("<p>hi</p>", content_type="application/json")
    http = client()
    assert http.get(server.url_for("/ok"), accept=("application/json",)).json() == {"results": [1]}
    resp = http.get(server.url_for("/html"), accept=("application/json",))
    with pytest.raises(FetchError, match="unexpected format: not JSON"):
        resp.json()


def test_error_status_is_returned_not_raised_and_skips_type_check(server: HTTPServer) -> None:
    server.expect_request("/missing").respond_with_data("<h1>Not found</h1>", status=404)
    resp = client().get(server.url_for("/missing"), accept=("application/json",))
    assert resp.status == 404 and "Not found" in resp.text


# -- size ----------------------------------------------------------------------------------------


def test_oversized_body_with_content_length(server: HTTPServer) -> None:
    server.expect_request("/big").respond_with_data("x" * 200_000, content_type="text/html")
    assert "too large" in reason_of(lambda: client().get(server.url_for("/big")))


def test_oversized_body_without_content_length_is_stopped_while_streaming(
    server: HTTPServer,
) -> None:
    def endless(_: Request) -> Response:
        chunk = b"<p>" + b"y" * 8192 + b"</p>"
        return Response((chunk for _ in range(10_000)), content_type="text/html")  # 80 MB

    server.expect_request("/stream").respond_with_handler(endless)
    assert "too large" in reason_of(lambda: client().get(server.url_for("/stream")))


def test_lying_content_length_changes_nothing() -> None:
    def liar(sock: socket.socket, _: bytes) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n"
        sock.sendall(head)
        for _ in range(40):  # 40 x 8 KB, no Content-Length: read until the cap
            sock.sendall(b"z" * 8192)

    with RawServer(liar) as raw:
        assert "too large" in reason_of(lambda: client().get(raw.url("/")))


def test_gzip_bomb_is_capped_on_decoded_bytes(server: HTTPServer) -> None:
    bomb = gzip.compress(b"\0" * 20_000_000, compresslevel=9)  # ~20 KB on the wire
    assert len(bomb) < QUICK.max_bytes
    server.expect_request("/bomb").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    assert "too large" in reason_of(lambda: client().get(server.url_for("/bomb")))


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda b: zlib.compress(b)[2:-4]),  # raw deflate, as some servers send
    ],
)
def test_compressed_pages_are_decoded(server: HTTPServer, encoding: str, encode: object) -> None:
    page = b"<p>Call 07700 900123</p>"
    body = encode(page)  # type: ignore[operator]
    server.expect_request("/c").respond_with_data(
        body, content_type="text/html", headers={"Content-Encoding": encoding}
    )
    assert client().get(server.url_for("/c")).text == page.decode()


def test_corrupt_gzip_and_unknown_compression(server: HTTPServer) -> None:
    server.expect_request("/bad").respond_with_data(
        b"not gzip at all", content_type="text/html", headers={"Content-Encoding": "gzip"}
    )
    server.expect_request("/br").respond_with_data(
        b"???", content_type="text/html", headers={"Content-Encoding": "br"}
    )
    http = client()
    assert "could not decode" in reason_of(lambda: http.get(server.url_for("/bad")))
    assert "unsupported compression" in reason_of(lambda: http.get(server.url_for("/br")))


# -- time ----------------------------------------------------------------------------------------


def test_slow_drip_body_stops_at_the_total_deadline(server: HTTPServer) -> None:
    def drip(_: Request) -> Response:
        def gen() -> Iterator[bytes]:
            for _ in range(100):  # 20 s in all, one byte every 0.2 s
                time.sleep(0.2)
                yield b"x"

        return Response(gen(), content_type="text/html")

    server.expect_request("/drip").respond_with_handler(drip)
    started = time.monotonic()
    reason = reason_of(lambda: client(QUICK).get(server.url_for("/drip")))
    assert "took too long" in reason
    assert time.monotonic() - started < QUICK.total_timeout + 2.0


def test_slow_drip_headers_stop_at_the_total_deadline() -> None:
    def drip_headers(sock: socket.socket, _: bytes) -> None:
        sock.sendall(b"HTTP/1.1 200 OK\r\n")
        for i in range(100):
            time.sleep(0.2)
            sock.sendall(f"X-{i}: y\r\n".encode())

    with RawServer(drip_headers) as raw:
        started = time.monotonic()
        assert "took too long" in reason_of(lambda: client(QUICK).get(raw.url("/")))
        assert time.monotonic() - started < QUICK.total_timeout + 2.0


def test_connection_refused() -> None:
    probe = socket.socket()
    probe.bind((HOST, 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now
    reason = reason_of(lambda: client().get(f"http://{HOST}:{port}/"))
    assert reason == f"could not connect to {HOST} (connection refused)"


def test_cancel_stops_a_fetch_in_flight(own_server: HTTPServer) -> None:
    release, finished = threading.Event(), threading.Event()

    def slow(_: Request) -> Response:
        try:
            release.wait(10.0)  # answers only once the test has seen the cancel
            return Response("late", content_type="text/html")
        finally:
            finished.set()

    own_server.expect_request("/slow").respond_with_handler(slow)
    transport = HttpClient(FetchLimits(total_timeout=10), allow_loopback=True)
    http = transport.bind(grant(HOST), frozenset({HOST}))
    timer = threading.Timer(0.2, transport.cancel)
    timer.start()
    started = time.monotonic()
    try:
        assert reason_of(lambda: http.get(own_server.url_for("/slow"))) == "stopped"
        assert time.monotonic() - started < 5.0  # the server would have held it for 10 s
        assert reason_of(lambda: http.get(own_server.url_for("/slow"))).startswith("stopped")
    finally:
        timer.cancel()
        release.set()  # end the held request before the server stops
        assert finished.wait(5.0)
    assert len(requests_to(own_server, "/slow")) == 1  # the second get never reached it


# -- redirects -------------------------------------------------------------------------------------


def test_redirects_are_followed_within_the_cap(server: HTTPServer) -> None:
    server.expect_request("/a").respond_with_data("", status=301, headers={"Location": "/b"})
    server.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/c"})
    server.expect_request("/c").respond_with_data("<p>end</p>", content_type="text/html")
    resp = client().get(server.url_for("/a"))
    assert resp.final_url == server.url_for("/c") and resp.url == server.url_for("/a")


def test_redirect_loop_is_cut(server: HTTPServer) -> None:
    server.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    assert "too many redirects" in reason_of(lambda: client().get(server.url_for("/loop")))
    assert len(requests_to(server, "/loop")) == QUICK.max_redirects + 1


@pytest.mark.parametrize(
    ("target", "kind"),
    [
        ("http://10.0.0.1/admin", "private network"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::ffff:192.168.1.1]/", "private network"),
        ("http://0.0.0.0:8080/", "unspecified"),
    ],
)
def test_redirect_to_a_private_address_is_refused_before_connecting(
    server: HTTPServer, target: str, kind: str
) -> None:
    # conftest raises NetworkBlocked on any non-loopback connect, so a pass proves no attempt.
    server.expect_request("/go").respond_with_data("", status=302, headers={"Location": target})
    host = target.split("/")[2].rsplit(":", 1)[0] if "[" not in target else "::ffff:192.168.1.1"
    http = client(QUICK, HOST, host, allow_loopback=True, allow_private=False)
    reason = reason_of(lambda: http.get(server.url_for("/go")))
    assert reason.startswith(f"refused to contact a {kind} address")


def test_link_local_is_refused_even_when_private_is_allowed(server: HTTPServer) -> None:
    http = client(QUICK, "169.254.169.254", allow_private=True)
    assert "link-local" in reason_of(lambda: http.get("http://169.254.169.254/"))


def test_loopback_refused_unless_allowed_and_checked_after_name_resolution() -> None:
    with RawServer() as raw:
        http = client(QUICK, "localhost", allow_loopback=False)
        reason = reason_of(lambda: http.get(f"http://localhost:{raw.port}/"))
        assert reason == "refused to contact a loopback address (localhost)"
        assert raw.connections == 0
        allowed = client(QUICK, "localhost", allow_private=True)  # loopback is private too
        assert allowed.get(f"http://localhost:{raw.port}/").status == 200


def test_only_http_and_https(server: HTTPServer) -> None:
    server.expect_request("/ftp").respond_with_data(
        "", status=302, headers={"Location": "ftp://127.0.0.1/file"}
    )
    http = client()
    assert "only http and https" in reason_of(lambda: http.get(server.url_for("/ftp")))
    assert "only http and https" in reason_of(lambda: http.get("file:///etc/passwd"))
    assert "user name" in reason_of(lambda: http.get(f"http://me:pw@{HOST}:1/"))


def test_credentials_go_only_to_the_host_they_were_meant_for(server: HTTPServer) -> None:
    other = server.url_for("/landing").replace(HOST, "localhost")
    server.expect_request("/start").respond_with_data("", status=302, headers={"Location": other})
    server.expect_request("/landing").respond_with_data("<p>x</p>", content_type="text/html")
    http = client(QUICK, HOST, "localhost")
    http.get(server.url_for("/start"), headers={"X-Api-Key": "secret"}, auth=("user", "pw"))
    (first,), (second,) = requests_to(server, "/start"), requests_to(server, "/landing")
    assert first.headers.get("X-Api-Key") == "secret" and "Authorization" in first.headers
    assert "X-Api-Key" not in second.headers and "Authorization" not in second.headers


def test_no_cookies_are_kept(server: HTTPServer) -> None:
    server.expect_request("/set").respond_with_data(
        "<p>x</p>", content_type="text/html", headers={"Set-Cookie": "track=1; Path=/"}
    )
    http = client()
    http.get(server.url_for("/set"))
    http.get(server.url_for("/set"))
    sent = requests_to(server, "/set")
    assert len(sent) == 2 and all("Cookie" not in req.headers for req in sent)


# -- content type and text -----------------------------------------------------------------------


def test_wrong_content_type_is_refused_before_reading(server: HTTPServer) -> None:
    server.expect_request("/pdf").respond_with_data(b"%PDF-1.7", content_type="application/pdf")
    server.expect_request("/none").respond_with_data(b"???", content_type="")
    http = client()
    assert reason_of(lambda: http.get(server.url_for("/pdf"))) == (
        f"unexpected content type 'application/pdf' from {HOST}"
    )
    assert "unexpected content type" in reason_of(lambda: http.get(server.url_for("/none")))


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (b"caf\xc3(", "text/html; charset=utf-8", "caf\ufffd("),
        (b"caf\xe9", "text/html; charset=bogus-charset", "caf\xe9"),
        (b"caf\xe9", "text/html", "caf\xe9"),  # not UTF-8: read as Windows-1252
        (b'<meta charset="iso-8859-1">caf\xe9', "text/html", '<meta charset="iso-8859-1">caf\xe9'),
        (b"\xff\xfe\x00\xd8", "text/html; charset=utf-16-le", "\ufeff\ufffd"),
    ],
)
def test_invalid_or_odd_encodings_never_crash(
    server: HTTPServer, body: bytes, content_type: str, expected: str
) -> None:
    server.expect_request("/enc").respond_with_data(body, content_type=content_type)
    resp = client().get(server.url_for("/enc"))
    assert resp.body == body
    assert resp.text == expected


# -- rate limits ------------------------------------------------------------------------------------


def test_429_with_small_retry_after_is_retried(server: HTTPServer) -> None:
    server.expect_ordered_request("/rl").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "0"}
    )
    server.expect_ordered_request("/rl").respond_with_json({"ok": True})
    resp = client().get(server.url_for("/rl"), accept=("application/json",))
    assert resp.status == 200 and resp.json() == {"ok": True}


def test_429_with_long_retry_after_is_returned_at_once(server: HTTPServer) -> None:
    server.expect_request("/rl").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "3600"}
    )
    resp = client(PATIENT).get(server.url_for("/rl"))
    assert resp.status == 429 and len(requests_to(server, "/rl")) == 1


def test_503_without_retry_after_backs_off_then_gives_up(server: HTTPServer) -> None:
    server.expect_request("/down").respond_with_data("busy", status=503)
    resp = client(PATIENT).get(server.url_for("/down"))
    assert resp.status == 503 and len(requests_to(server, "/down")) == PATIENT.max_retries + 1


def test_reasons_never_carry_the_query(server: HTTPServer) -> None:
    probe = socket.socket()
    probe.bind((HOST, 0))
    port = probe.getsockname()[1]
    probe.close()
    with pytest.raises(FetchError) as info:
        client().get(f"http://{HOST}:{port}/search", params={"q": "Alex Example"})
    assert "Alex" not in info.value.reason and "search" not in info.value.reason


def test_user_agent_cannot_be_replaced_and_json_bom_is_fine(server: HTTPServer) -> None:
    server.expect_request("/bom").respond_with_data(
        '\ufeff{"a": 1}'.encode(), content_type="application/json; charset=utf-8"
    )
    resp = client().get(
        server.url_for("/bom"), headers={"User-Agent": "Mozilla/5.0"}, accept=("application/json",)
    )
    assert resp.json() == {"a": 1}
    (request,) = requests_to(server, "/bom")
    assert request.headers["User-Agent"] == USER_AGENT


def test_204_needs_no_content_type(server: HTTPServer) -> None:
    server.expect_request("/empty").respond_with_data(b"", status=204, content_type="")
    assert client().get(server.url_for("/empty")).status == 204


def test_https_certificates_are_verified(tmp_path: object) -> None:
    """A self-signed certificate is refused: TLS goes through the checked connection too."""
    import shutil
    import ssl
    import subprocess
    from pathlib import Path

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    folder = Path(str(tmp_path))
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    tls = HTTPServer(host=HOST, port=0, ssl_context=context)
    tls.expect_request("/").respond_with_data("<p>secret</p>", content_type="text/html")
    tls.start()
    try:
        reason = reason_of(lambda: client().get(tls.url_for("/")))
    finally:
        tls.stop()
    assert reason == f"secure connection to {HOST} failed (certificate or TLS problem)"
