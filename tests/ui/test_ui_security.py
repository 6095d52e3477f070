"""The lock: secret exchanged once for a cookie, exact Host, CSRF on every form, strict headers."""

from __future__ import annotations

from werkzeug.routing import Rule
from werkzeug.test import Client
from werkzeug.wrappers import Request, Response

from footprint.ui.app import UiApp
from footprint.ui.security import COOKIE_NAME, CSRF_FIELD, Lock
from footprint.ui.server import Activity

HOST = "127.0.0.1:8765"


class _Counter:
    def __init__(self) -> None:
        self.posts = 0

    def page(self, request: Request) -> Response:
        return Response("<p>page</p>", content_type="text/html")

    def change(self, request: Request) -> Response:
        self.posts += 1
        return Response("changed")


def _app() -> tuple[UiApp, Lock, _Counter]:
    lock = Lock(host="127.0.0.1", port=8765)
    counter = _Counter()
    app = UiApp(
        lock,
        [Rule("/", endpoint="page"), Rule("/change", endpoint="change", methods=["POST"])],
        {"page": counter.page, "change": counter.change},
        Activity(),
    )
    return app, lock, counter


def _signed_in() -> tuple[Client, Lock, _Counter]:
    app, lock, counter = _app()
    client = Client(app)
    first = client.get(f"/?token={lock.url_secret}", headers={"Host": HOST})
    assert first.status_code == 303
    assert first.headers["Location"] == "/"
    cookie = first.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    return client, lock, counter


def test_no_secret_is_refused() -> None:
    app, _, _ = _app()
    response = Client(app).get("/", headers={"Host": HOST})
    assert response.status_code == 403
    assert b"works once" in response.data


def test_wrong_secret_is_refused() -> None:
    app, _, _ = _app()
    assert Client(app).get("/?token=guess", headers={"Host": HOST}).status_code == 403


def test_the_secret_works_once() -> None:
    client, lock, _ = _signed_in()
    other = Client(_app()[0])
    assert client.get("/", headers={"Host": HOST}).status_code == 200
    # A second browser (or someone reading the history) cannot use the address again.
    app = client.application
    assert Client(app).get(f"/?token={lock.url_secret}", headers={"Host": HOST}).status_code == 403
    assert other.get("/", headers={"Host": HOST}).status_code == 403


def test_wrong_host_is_refused_even_with_the_cookie() -> None:
    client, _, _ = _signed_in()
    for host in ("evil.example:8765", "localhost:8765", "127.0.0.1:9999", "127.0.0.1"):
        assert client.get("/", headers={"Host": host}).status_code == 403, host


def test_post_without_csrf_token_changes_nothing() -> None:
    client, lock, counter = _signed_in()
    response = client.post("/change", data={}, headers={"Host": HOST})
    assert response.status_code == 403
    assert counter.posts == 0
    wrong = client.post("/change", data={CSRF_FIELD: "0" * 64}, headers={"Host": HOST})
    assert wrong.status_code == 403
    assert counter.posts == 0


def test_cross_site_post_is_refused_even_with_the_token() -> None:
    client, lock, counter = _signed_in()
    for headers in (
        {"Origin": "http://evil.example"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ):
        response = client.post(
            "/change", data={CSRF_FIELD: lock.csrf_token()}, headers={"Host": HOST, **headers}
        )
        assert response.status_code == 403, headers
    assert counter.posts == 0


def test_post_with_token_from_this_origin_is_served() -> None:
    client, lock, counter = _signed_in()
    response = client.post(
        "/change",
        data={CSRF_FIELD: lock.csrf_token()},
        headers={"Host": HOST, "Origin": lock.origin, "Sec-Fetch-Site": "same-origin"},
    )
    assert response.status_code == 200
    assert counter.posts == 1


def test_every_response_has_strict_headers_and_no_cors() -> None:
    client, _, _ = _signed_in()
    for response in (
        client.get("/", headers={"Host": HOST, "Origin": "http://evil.example"}),
        client.get("/", headers={"Host": "evil.example"}),
        client.get("/missing", headers={"Host": HOST}),
    ):
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert response.headers["Cache-Control"] == "no-store"
        assert not [h for h in response.headers.keys() if h.lower().startswith("access-control")]


def test_cookie_value_is_not_the_url_secret() -> None:
    client, lock, _ = _signed_in()
    assert lock.url_secret not in str(client.get_cookie(COOKIE_NAME))
