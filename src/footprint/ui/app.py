"""The WSGI application: every request passes the lock before any page sees it.

Order of checks (each failure is a 403 that changes nothing):
1. the Host header is exactly the printed 127.0.0.1:PORT (DNS rebinding);
2. `/?token=…` with the unused secret is exchanged for the session cookie, then redirected;
3. every other request must carry the session cookie;
4. a state-changing request must come from this origin and carry the form's CSRF token.
Every response, refusals included, carries the strict security headers.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from html import escape
from typing import Any

from werkzeug.exceptions import HTTPException, NotFound, RequestEntityTooLarge
from werkzeug.routing import IntegerConverter, Map, Rule
from werkzeug.wrappers import Request, Response

from footprint.errors import FootprintError
from footprint.ui.security import (
    COOKIE_NAME,
    CSRF_FIELD,
    SAFE_METHODS,
    SECURITY_HEADERS,
    Lock,
    cookie_header,
)
from footprint.ui.server import Activity

Handler = Callable[..., Response]

FORBIDDEN_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Not allowed</title></head><body><main><h1>Not allowed</h1><p>{reason}</p></main></body>
</html>"""

ERROR_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Something went wrong</title></head><body><main><h1>{message}</h1><p>{hint}</p>
<p><a href="/">Back to the start page</a></p></main></body></html>"""

# The largest request read: the contact log's most files per entry at their largest, and the
# form around them. Anything larger is refused before it is read.
MAX_REQUEST_BYTES = 10 * 20 * 1024 * 1024 + 1024 * 1024
TOO_LARGE = "That was more than footprint can take at once, so nothing was saved."
TOO_LARGE_HINT = "Go back, and choose fewer or smaller files (at most 20 MB each)."

NO_COOKIE = (
    "This page only opens from the address footprint printed when you started it, and that "
    "address works once. To start again, close footprint and open it again: it gives a new "
    "address."
)


class _StoreInt(IntegerConverter):
    """`<int:...>` in every route: a number the stores can hold (SQLite's are 64-bit), so a
    longer one typed into the address is "not found", never an internal error."""

    def __init__(self, url_map: Map) -> None:
        super().__init__(url_map, max=2**63 - 1)


def error_page(message: str, hint: str | None, status: int) -> Response:
    """A plain page for an error: what happened and what to do."""
    body = ERROR_PAGE.format(message=escape(message), hint=escape(hint or ""))
    return Response(body, status=status, content_type="text/html; charset=utf-8")


def forbidden(reason: str) -> Response:
    """A 403 page that says why, in plain words."""
    body = FORBIDDEN_PAGE.format(reason=reason)
    return Response(body, status=403, content_type="text/html; charset=utf-8")


class UiApp:
    """Routes to handlers, behind the lock."""

    def __init__(
        self,
        lock: Lock,
        rules: Iterable[Rule],
        handlers: dict[str, Handler],
        activity: Activity,
        *,
        quiet_endpoints: frozenset[str] = frozenset(),
    ) -> None:
        self.lock = lock
        self.url_map = Map(list(rules), strict_slashes=False, converters={"int": _StoreInt})
        self.handlers = handlers
        self.activity = activity
        self.quiet_endpoints = quiet_endpoints  # polled endpoints that are not "activity"
        self.max_request_bytes = MAX_REQUEST_BYTES

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        request = Request(environ)
        request.max_content_length = self.max_request_bytes
        try:
            response = self._guarded(request)
        except RequestEntityTooLarge:
            response = error_page(TOO_LARGE, TOO_LARGE_HINT, 413)
        except HTTPException as exc:
            response = Response(exc.description or exc.name, status=exc.code or 500)
        except FootprintError as exc:
            response = error_page(exc.message, exc.hint, 400)
        except Exception as exc:  # noqa: BLE001 - one page must not take the server down
            # The type only: a message could hold a detail from the doctor's own answers.
            print(f"footprint ui: internal error ({type(exc).__name__})", file=sys.stderr)
            response = error_page(
                "Something went wrong on this page.",
                "Your answers so far are saved. Go back to the start page and carry on.",
                500,
            )
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        for name in [h for h in response.headers.keys() if h.lower().startswith("access-control")]:
            del response.headers[name]
        return response(environ, start_response)

    def _guarded(self, request: Request) -> Response:
        # The raw header, not request.host: werkzeug falls back to SERVER_NAME when it is absent.
        if not self.lock.host_allowed(request.environ.get("HTTP_HOST")):
            return forbidden("This address is not the one footprint printed.")
        if request.path == "/" and "token" in request.args:
            cookie = self.lock.exchange(request.args.get("token"))
            if cookie is None:
                return forbidden(NO_COOKIE)
            response = Response(status=303, headers={"Location": "/"})
            response.headers.add("Set-Cookie", cookie_header(cookie))
            self.activity.touch()
            return response
        if not self.lock.cookie_valid(request.cookies.get(COOKIE_NAME)):
            return forbidden(NO_COOKIE)
        if request.method not in SAFE_METHODS:
            same_site = self.lock.same_site(
                request.headers.get("Origin"), request.headers.get("Sec-Fetch-Site")
            )
            if not same_site or not self.lock.csrf_valid(request.form.get(CSRF_FIELD)):
                return forbidden(
                    "This form did not come from footprint's own page, so nothing was changed."
                )
        adapter = self.url_map.bind_to_environ(request.environ)
        try:
            endpoint, values = adapter.match()
        except NotFound:
            return Response("Not found", status=404, content_type="text/plain; charset=utf-8")
        if endpoint not in self.quiet_endpoints:
            self.activity.touch()
        return self.handlers[str(endpoint)](request, **values)
