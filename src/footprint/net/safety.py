"""Transport safety for `footprint.net.client`: address policy, checked connections, a fetch watchdog.

Why a custom connection class: checking a host's addresses and then letting the HTTP library
resolve the name again would let a hostile DNS server answer "public" to the check and "private"
to the connect (DNS rebinding). Here the name is resolved once, every address is checked, and the
socket connects to an address that passed the check. TLS still verifies the certificate against
the host name, because only the socket is ours.
"""

from __future__ import annotations

import http.cookiejar
import ipaddress
import socket
import threading
from dataclasses import dataclass
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util import connection as u3connection

from footprint.util.domains import normalise_host

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(Exception):
    """A host resolved to an address the policy refuses. Raised before any connection."""

    def __init__(self, host: str, kind: str) -> None:
        super().__init__(f"{host} is a {kind} address")
        self.host = host
        self.kind = kind


@dataclass(frozen=True)
class AddressPolicy:
    """Which kinds of address a client may connect to.

    Public addresses are always allowed. Loopback only with `allow_loopback` or `allow_private`
    (loopback is private too). Private networks (RFC 1918, unique-local, carrier-grade NAT) only
    with `allow_private`. Link-local (cloud metadata at 169.254.169.254), multicast, reserved
    and unspecified addresses are never allowed: no intranet page lives there.
    """

    allow_private: bool = False
    allow_loopback: bool = False

    def refusal(self, address: IPAddress) -> str | None:
        """The kind of address if it is refused ("private network", ...), else None."""
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if address.is_unspecified:
            return "unspecified"
        if address.is_link_local:
            return "link-local"
        if address.is_multicast:
            return "multicast"
        if address.is_loopback:
            return None if (self.allow_loopback or self.allow_private) else "loopback"
        if address.is_global:
            return None
        if address.is_reserved:
            return "reserved"
        if address.is_private or _is_shared(address):
            return None if self.allow_private else "private network"
        return "non-public"


def _is_shared(address: IPAddress) -> bool:
    return isinstance(address, ipaddress.IPv4Address) and address in _SHARED_NET


_SHARED_NET = ipaddress.IPv4Network("100.64.0.0/10")


def literal_address(host: str) -> IPAddress | None:
    """The IP address if `host` is an IP literal (with or without [brackets]), else None."""
    try:
        return ipaddress.ip_address(host.strip("[]").split("%")[0])
    except ValueError:
        return None


def resolve_checked(host: str, port: int, policy: AddressPolicy) -> list[tuple[Any, ...]]:
    """Resolve `host` once; refuse it if ANY address is refused (a mixed answer is a trick).

    The name is looked up in its normalised ASCII form, the form the consent gate checked.
    """
    infos = socket.getaddrinfo(normalise_host(host), port, 0, socket.SOCK_STREAM)
    for info in infos:
        kind = policy.refusal(ipaddress.ip_address(str(info[4][0]).split("%")[0]))
        if kind is not None:
            raise AddressRefused(host, kind)
    return infos


class _CheckedConnectionMixin:
    """Replaces urllib3's `_new_conn` so the socket goes to a checked address."""

    policy: AddressPolicy = AddressPolicy()
    host: str
    port: int
    timeout: Any
    source_address: Any
    socket_options: Any
    _dns_host: str

    def _new_conn(self) -> socket.socket:
        try:
            infos = resolve_checked(self._dns_host, self.port, self.policy)
        except socket.gaierror as e:
            raise NameResolutionError(self.host, self, e) from e  # type: ignore[arg-type]
        last: OSError | None = None
        for *_, sockaddr in infos[:2]:  # at most two addresses, each with the connect limit
            try:
                # An IP literal: create_connection does no further DNS lookup.
                return u3connection.create_connection(
                    (str(sockaddr[0]), self.port),
                    self.timeout,
                    source_address=self.source_address,
                    socket_options=self.socket_options,
                )
            except TimeoutError as e:  # noqa: PERF203 - addresses are tried in turn
                raise ConnectTimeoutError(self, f"connect to {self.host} timed out") from e
            except OSError as e:
                last = e
        raise NewConnectionError(self, f"could not connect: {last}") from last  # type: ignore[arg-type]

    def request(self, *args: Any, **kwargs: Any) -> Any:
        watch = current_watchdog()
        if watch is not None:
            watch.attach(self)
        return super().request(*args, **kwargs)  # type: ignore[misc]


class FetchWatchdog:
    """Enforces a fetch's total deadline, even against a server that drips one byte at a time.

    A blocking read cannot watch the clock, so a timer shuts the connection's socket down when
    the deadline passes (or when the client is cancelled); the reader then sees `fired`.
    """

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._lock = threading.Lock()
        self._conns: list[Any] = []
        self._timer = threading.Timer(max(seconds, 0.0), self.fire)
        self._timer.daemon = True

    def start(self) -> None:
        self._timer.start()

    def attach(self, conn: Any) -> None:
        with self._lock:
            self._conns.append(conn)
            fired = self.fired
        if fired:
            _shutdown(conn)

    def fire(self) -> None:
        with self._lock:
            self.fired = True
            conns = list(self._conns)
        for conn in conns:
            _shutdown(conn)

    def stop(self) -> None:
        self._timer.cancel()


def _shutdown(conn: Any) -> None:
    sock = getattr(conn, "sock", None)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # already closed or never connected: nothing is left waiting on it


_local = threading.local()


def current_watchdog() -> FetchWatchdog | None:
    """The watchdog of the fetch running in this thread, if any."""
    return getattr(_local, "watchdog", None)


class watching:  # noqa: N801 - used as a context manager, reads like one
    """Make `watchdog` the current one for this thread while a request is sent and read."""

    def __init__(self, watchdog: FetchWatchdog) -> None:
        self.watchdog = watchdog

    def __enter__(self) -> FetchWatchdog:
        _local.watchdog = self.watchdog
        return self.watchdog

    def __exit__(self, *exc: object) -> None:
        _local.watchdog = None


def make_session(policy: AddressPolicy, pool_size: int) -> requests.Session:
    """A requests Session whose sockets only go to addresses `policy` allows.

    No proxies or .netrc from the environment (a proxy would hide the real address), and no
    cookies kept between requests (lookups must not be linkable to each other).
    """
    session = requests.Session()
    session.trust_env = False
    session.cookies.set_policy(_NoCookies())
    adapter = _CheckedAdapter(policy, pool_size)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


class _CheckedAdapter(HTTPAdapter):
    def __init__(self, policy: AddressPolicy, pool_size: int) -> None:
        self._policy = policy
        super().__init__(pool_connections=pool_size, pool_maxsize=pool_size, max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        http_cls, https_cls = _connection_classes(self._policy)
        http_pool = type("CheckedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http_cls})
        https_pool = type("CheckedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https_cls})
        self.poolmanager.pool_classes_by_scheme = {"http": http_pool, "https": https_pool}


def _connection_classes(policy: AddressPolicy) -> tuple[type, type]:
    attrs = {"policy": policy}
    http_cls = type("CheckedHTTPConnection", (_CheckedConnectionMixin, HTTPConnection), attrs)
    https_cls = type("CheckedHTTPSConnection", (_CheckedConnectionMixin, HTTPSConnection), attrs)
    return http_cls, https_cls


class _NoCookies(http.cookiejar.CookiePolicy):
    """A cookie policy that accepts and returns nothing."""

    netscape = True
    rfc2965 = False
    hide_cookie2 = True

    def set_ok(self, cookie: Any, request: Any) -> bool:
        return False

    def return_ok(self, cookie: Any, request: Any) -> bool:
        return False

    def domain_return_ok(self, domain: str, request: Any) -> bool:
        return False

    def path_return_ok(self, path: str, request: Any) -> bool:
        return False
