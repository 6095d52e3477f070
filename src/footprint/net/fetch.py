"""One GET through `footprint.net.client`: retries, redirects (each hop re-checked), one checked hop.

Kept apart from `footprint.net.client` so the public API stays short to read; it sees the
client only through `Transport`, so it sits below the client instead of importing it back. Reasons in `FetchError` name
the host at most, never the path or query (URLs can carry the doctor's name).
"""

from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

import requests
import urllib3.exceptions
from requests.structures import CaseInsensitiveDict

from footprint.net.block import transport_reason
from footprint.net.body import (
    BadEncoding,
    BodyTooLarge,
    accepts,
    decode_text,
    media_type,
    read_capped,
    retry_after_seconds,
)
from footprint.net.response import (
    USER_AGENT,
    FetchError,
    FetchLimits,
    Response,
)
from footprint.net.safety import (
    AddressPolicy,
    AddressRefused,
    FetchWatchdog,
    literal_address,
    watching,
)
from footprint.util.domains import host_of, normalise_host

# What the network and the libraries raise for a failed exchange. Anything else is a bug and
# propagates (the runner reports it as an internal error, not as a network problem).
_TRANSPORT_ERRORS = (
    requests.RequestException,
    urllib3.exceptions.HTTPError,
    http.client.HTTPException,
    OSError,
)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 503})


class Transport(Protocol):
    """What a fetch uses of `footprint.net.client.HttpClient`: the session, limits and turns."""

    limits: FetchLimits
    policy: AddressPolicy
    session: requests.Session
    cancelled: threading.Event

    def acquire_turn(self, host: str, min_interval: float) -> None: ...

    def release_turn(self, host: str) -> None: ...

    def track(self, watchdog: Any, active: bool) -> None: ...


@dataclass
class _Hop:
    """What one request returned (before any redirect is followed)."""

    url: str
    status: int
    headers: CaseInsensitiveDict[str]
    body: bytes
    location: str | None


class Fetch:
    """A single `GatedClient.get` call."""

    def __init__(
        self,
        client: Transport,
        url: str,
        *,
        params: Mapping[str, str] | None,
        headers: Mapping[str, str] | None,
        auth: tuple[str, str] | None,
        accept: tuple[str, ...],
        check_first: Callable[[str], None],
        check_hop: Callable[[str], None],
        min_interval: float,
        data: bytes | None = None,
    ) -> None:
        self.client = client
        self.data = data  # a body to POST (a timestamp request); None for a GET
        self.limits = client.limits
        self.url = url
        self.params = dict(params or {})
        self.headers = dict(headers or {})
        self.auth = auth
        self.accept = accept
        self.check_first = check_first  # the gate, for the URL the lookup asked for
        self.check_hop = check_hop  # the gate, for where a site redirects us
        self.min_interval = min_interval
        self.started = time.monotonic()
        self.deadline: float | None = None  # set when the first request may go out

    def run(self) -> Response:
        attempt = 0
        while True:
            hop = self._follow_redirects()
            if hop.status not in RETRY_STATUSES or attempt >= self.limits.max_retries:
                return self._response(hop)
            wait = retry_after_seconds(hop.headers.get("retry-after"))
            if wait is None:
                wait = self.limits.retry_backoff * (2**attempt)
            if wait > self.limits.max_retry_after or time.monotonic() + wait > self._deadline():
                return self._response(hop)  # the lookup reports it as rate-limited
            if self.client.cancelled.wait(wait):
                raise FetchError("stopped", url=self.url)
            attempt += 1

    def _deadline(self) -> float:
        return self.deadline if self.deadline is not None else float("inf")

    def _follow_redirects(self) -> _Hop:
        url = self._first_url()
        origin = host_of(url)
        for hops in range(self.limits.max_redirects + 1):
            hop = self._one_hop(url, send_credentials=host_of(url) == origin, first=hops == 0)
            if hop.location is None:
                return hop
            url = urljoin(url, hop.location.strip())
        raise FetchError(
            f"too many redirects (more than {self.limits.max_redirects})", url=self.url
        )

    def _first_url(self) -> str:
        if not self.params:
            return self.url
        prepared = requests.Request("GET", self.url, params=self.params).prepare()
        return prepared.url or self.url

    def _check_url(self, url: str, first: bool) -> str:
        try:
            parts = urlsplit(url)
            host = normalise_host(parts.hostname or "")
            _ = parts.port  # raises ValueError for a bad port
        except ValueError:
            raise FetchError("not a valid web address", url=self.url) from None
        if parts.scheme not in ("http", "https"):
            raise FetchError("only http and https addresses are allowed", url=self.url)
        if not host:
            raise FetchError("not a valid web address (no host)", url=self.url)
        if parts.username or parts.password:
            raise FetchError("addresses with a user name or password are not allowed", url=self.url)
        (self.check_first if first else self.check_hop)(host)
        address = literal_address(host)
        if address is not None:
            kind = self.client.policy.refusal(address)
            if kind is not None:
                raise FetchError(f"refused to contact a {kind} address ({host})", url=self.url)
        return host

    def _one_hop(self, url: str, *, send_credentials: bool, first: bool) -> _Hop:
        host = self._check_url(url, first)
        if self.client.cancelled.is_set():
            raise FetchError("stopped", url=self.url)
        self.client.acquire_turn(host, self.min_interval)
        try:
            if self.deadline is None:
                self.deadline = time.monotonic() + self.limits.total_timeout
            return self._send(url, host, send_credentials)
        finally:
            self.client.release_turn(host)

    def _send(self, url: str, host: str, send_credentials: bool) -> _Hop:
        remaining = self._deadline() - time.monotonic()
        if remaining <= 0:
            raise FetchError(f"took too long ({host})", url=self.url)
        headers = {
            "User-Agent": USER_AGENT,
            "Accept": ", ".join(self.accept),
            "Accept-Encoding": "gzip, deflate",
        }
        if send_credentials:  # API keys and logins go to the host they were meant for only
            headers.update(self.headers)
        headers["User-Agent"] = USER_AGENT  # always say who we are
        auth = self.auth if send_credentials else None
        method = "GET" if self.data is None else "POST"
        prepared = requests.Request(
            method, url, headers=headers, auth=auth, data=self.data
        ).prepare()
        watchdog = FetchWatchdog(remaining)
        self.client.track(watchdog, True)
        if self.client.cancelled.is_set():
            watchdog.fire()
        watchdog.start()
        try:
            with watching(watchdog):
                return self._exchange(prepared, url, host, remaining, watchdog)
        except FetchError:
            raise
        except AddressRefused as e:
            raise FetchError(
                f"refused to contact a {e.kind} address ({host})", url=self.url
            ) from None
        except _TRANSPORT_ERRORS as e:  # say what happened, plainly
            if self.client.cancelled.is_set():
                reason = "stopped"
            elif watchdog.fired:
                reason = f"took too long ({host}, limit {self.limits.total_timeout:g}s)"
            else:
                reason = transport_reason(e, host)
            raise FetchError(reason, url=self.url) from None
        finally:
            watchdog.stop()
            self.client.track(watchdog, False)

    def _exchange(
        self,
        prepared: requests.PreparedRequest,
        url: str,
        host: str,
        remaining: float,
        watchdog: FetchWatchdog,
    ) -> _Hop:
        timeout = (min(self.limits.connect_timeout, remaining), remaining)
        resp = self.client.session.send(
            prepared, stream=True, allow_redirects=False, timeout=timeout, proxies={}
        )
        try:
            if watchdog.fired:  # headers cut short by the deadline can look complete
                raise TimeoutError("deadline passed")
            location = resp.headers.get("location")
            if resp.status_code in REDIRECT_STATUSES and location:
                return _Hop(url, resp.status_code, resp.headers, b"", location)
            if 200 <= resp.status_code < 300 and resp.status_code != 204:
                self._check_content_type(resp.headers.get("content-type", ""), host)
            self._check_length(resp.headers.get("content-length"), host)
            body = self._read_body(resp, host, watchdog)
            return _Hop(url, resp.status_code, resp.headers, body, None)
        finally:
            resp.close()

    def _check_content_type(self, content_type: str, host: str) -> None:
        if not accepts(self.accept, content_type):
            shown = media_type(content_type)[:60] or "none"
            raise FetchError(f"unexpected content type {shown!r} from {host}", url=self.url)

    def _check_length(self, length: str | None, host: str) -> None:
        if length and length.strip().isdigit() and int(length) > self.limits.max_bytes:
            raise FetchError(self._too_large(host), url=self.url)

    def _too_large(self, host: str) -> str:
        return f"page too large (over {self.limits.max_bytes:,} bytes) from {host}"

    def _read_body(self, resp: requests.Response, host: str, watchdog: FetchWatchdog) -> bytes:
        raw: Any = resp.raw
        read = getattr(raw, "read1", None) or raw.read

        def read_chunk(n: int) -> bytes:
            data: bytes = read(n, decode_content=False)
            return data

        try:
            body = read_capped(
                read_chunk,
                resp.headers.get("content-encoding", ""),
                self.limits.max_bytes,
                expired=lambda: watchdog.fired,
            )
        except BodyTooLarge:
            raise FetchError(self._too_large(host), url=self.url) from None
        except BadEncoding as e:
            raise FetchError(f"could not decode the page from {host} ({e})", url=self.url) from None
        if watchdog.fired:  # a shut-down socket reads as a (truncated) end of body
            raise TimeoutError("deadline passed")
        return body

    def _response(self, hop: _Hop) -> Response:
        headers = CaseInsensitiveDict(hop.headers)
        content_type = headers.get("content-type", "")
        return Response(
            url=self._first_url(),
            final_url=hop.url,
            status=hop.status,
            headers=headers,
            content_type=media_type(content_type),
            body=hop.body,
            text=decode_text(hop.body, headers),
            elapsed=time.monotonic() - self.started,
        )
