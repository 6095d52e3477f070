"""The one HTTP client every lookup must use.

`HttpClient` owns the transport (a requests Session, limits, per-host concurrency and
intervals). `HttpClient.bind(grant, hosts)` returns a `GatedClient` for one lookup: any request
to a host outside `hosts`, or without a granted consent, raises `ConsentViolation` (a bug, not a
result). Every transport problem raises `FetchError` with a plain-words `reason`; lookups catch
it and return a couldn't-check observation. `blocked_reason(response)` says when an answer is
really a wall (403, rate limit, challenge or login page), which is never "not found".

Hostile pages are normal: every fetch has a connect limit and a total deadline (enforced even
against a server that drips one byte at a time), a size cap on the decoded body, a redirect cap
with every hop re-checked, a content-type check, http/https only, and refuses private, loopback
and link-local addresses after resolving the name (see `footprint.net.safety`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from footprint.errors import FootprintError
from footprint.model.consent import ConsentRecord
from footprint.net.block import blocked_reason
from footprint.net.fetch import Fetch
from footprint.net.response import (
    USER_AGENT,
    FetchError,
    FetchLimits,
    Response,
)
from footprint.net.safety import AddressPolicy, make_session
from footprint.util.domains import host_of, normalise_host

T = TypeVar("T")

#: In a host list: any public host. For lookups whose destinations are only known after they
#: start (the pages a search returned); their consent sentence must say so. Address checks
#: (no private, loopback or link-local addresses unless allowed) still apply to every fetch.
ANY_HOST = "*"

__all__ = [
    "ANY_HOST",
    "USER_AGENT",
    "ConsentViolation",
    "FetchError",
    "FetchLimits",
    "GatedClient",
    "HttpClient",
    "OffListRedirect",
    "Response",
    "blocked_reason",
    "host_of",
    "normalise_host",
]


class ConsentViolation(FootprintError):
    """A lookup tried to contact a host it was not granted. Always a bug."""


class OffListRedirect(FetchError, ConsentViolation):
    """A site redirected to a host the doctor did not agree to contact.

    Not followed (nothing is sent there). It is a `ConsentViolation` because the gate refused
    it, and a `FetchError` because it is the site's doing, not the lookup's: lookups that catch
    `FetchError` turn it into couldn't-check.
    """


#: Most worker threads one scan or lookup run starts, however many hosts it reaches.
MAX_WORKERS = 32


def pool_size(tasks: int, hosts: int, per_host: int, ceiling: int = MAX_WORKERS) -> int:
    """Workers that keep every host's polite slots busy: hosts x per-host limit.

    More would only queue on the per-host limit; fewer leaves hosts idle (60 pages on 15 slow
    hosts with 4 workers took 8.7x the ideal time). Never more than one per task or `ceiling`.
    """
    return max(1, min(tasks, max(hosts, 1) * max(per_host, 1), ceiling))


def interleaved(items: Sequence[T], host: Callable[[T], str]) -> list[int]:
    """Indexes of `items` taking one per host in turn (round robin), first-seen order kept.

    A pool sized to hosts x per-host limit is only fully used when the first tasks spread
    over every host; six pages from one site at the front would hold workers that can only
    queue for that site's two slots.
    """
    queues: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        queues.setdefault(host(item), []).append(index)
    order: list[int] = []
    while queues:
        for key in list(queues):
            order.append(queues[key].pop(0))
            if not queues[key]:
                del queues[key]
    return order


class GatedClient:
    """An `HttpClient` bound to one lookup's consent grant and host list."""

    def __init__(
        self,
        client: HttpClient,
        grant: ConsentRecord,
        hosts: frozenset[str],
        min_interval: float = 0.0,
    ) -> None:
        self._client = client
        self.grant = grant
        self.hosts = frozenset(normalise_host(h) for h in hosts)
        self._granted_hosts = frozenset(normalise_host(h) for h in grant.destinations)
        self.min_interval = min_interval

    def allows(self, host: str) -> bool:
        """Whether this lookup may contact `host` (listed AND shown in the consent sentence)."""
        h = normalise_host(host)
        listed = h in self.hosts or ANY_HOST in self.hosts
        return listed and (h in self._granted_hosts or ANY_HOST in self._granted_hosts)

    def _check_first(self, host: str) -> None:
        if not self.grant.granted:
            raise ConsentViolation(f"lookup {self.grant.lookup_id!r} ran without consent")
        if not self.allows(host):
            raise ConsentViolation(
                f"lookup {self.grant.lookup_id!r} tried to contact {normalise_host(host)!r}, "
                "which is not in its consented host list"
            )

    def _check_hop(self, host: str) -> None:
        if not self.grant.granted:  # consent cannot change mid-fetch, but never assume
            raise ConsentViolation(f"lookup {self.grant.lookup_id!r} ran without consent")
        if not self.allows(host):
            raise OffListRedirect(
                f"the site redirected to another site ({normalise_host(host)}) "
                "that you did not agree to contact"
            )

    def get(
        self,
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        accept: tuple[str, ...] = ("text/html", "application/xhtml+xml"),
    ) -> Response:
        """GET `url`; returns any HTTP status (lookups decide what 404 means).

        Raises `ConsentViolation` for an ungranted lookup or an unlisted host (a bug), and
        `FetchError` for everything the network or the site did wrong.
        """
        if not self.grant.granted:
            raise ConsentViolation(f"lookup {self.grant.lookup_id!r} ran without consent")
        fetch = Fetch(
            self._client,
            url,
            params=params,
            headers=headers,
            auth=auth,
            accept=accept,
            check_first=self._check_first,
            check_hop=self._check_hop,
            min_interval=max(self.min_interval, self._client.limits.min_interval),
        )
        return fetch.run()

    def post(
        self, url: str, data: bytes, *, content_type: str, accept: tuple[str, ...]
    ) -> Response:
        """POST `data` to `url` (with the same gate and limits as `get`)."""
        if not self.grant.granted:
            raise ConsentViolation(f"lookup {self.grant.lookup_id!r} ran without consent")
        fetch = Fetch(
            self._client,
            url,
            params=None,
            headers={"Content-Type": content_type},
            auth=None,
            accept=accept,
            check_first=self._check_first,
            check_hop=self._check_hop,
            min_interval=max(self.min_interval, self._client.limits.min_interval),
            data=data,
        )
        return fetch.run()


class HttpClient:
    """Shared transport; create one per audit and `bind` it per lookup."""

    def __init__(
        self,
        limits: FetchLimits | None = None,
        *,
        allow_private: bool = False,
        allow_loopback: bool = False,
    ) -> None:
        self.limits = limits or FetchLimits()
        self.policy = AddressPolicy(allow_private=allow_private, allow_loopback=allow_loopback)
        self.session = make_session(self.policy, pool_size=32)
        self.cancelled = threading.Event()
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._last_start: dict[str, float] = {}
        self._active: set[Any] = set()  # watchdogs of fetches in flight, fired on cancel

    def bind(
        self, grant: ConsentRecord, hosts: frozenset[str], *, min_interval: float = 0.0
    ) -> GatedClient:
        """A client for one lookup; refuses hosts not in `hosts` and ungranted consent."""
        return GatedClient(self, grant, hosts, min_interval)

    def cancel(self) -> None:
        """Stop: fetches in flight end at once with FetchError('stopped'), new ones refuse."""
        self.cancelled.set()
        with self._lock:
            active = list(self._active)
        for watchdog in active:
            watchdog.fire()

    def close(self) -> None:
        """Cancel and release the connection pool."""
        self.cancel()
        self.session.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Per-host politeness, used by `footprint.net.fetch.Fetch`.

    def acquire_turn(self, host: str, min_interval: float) -> None:
        """Wait for a free per-host slot and the host's minimum interval (cancellable)."""
        host = normalise_host(host)  # one slot per host however it is spelt
        with self._lock:
            slot = self._slots.setdefault(
                host, threading.BoundedSemaphore(self.limits.per_host_concurrency)
            )
        while not slot.acquire(timeout=0.05):
            if self.cancelled.is_set():
                raise FetchError("stopped before the request was sent")
        with self._lock:
            now = time.monotonic()
            start = max(now, self._last_start.get(host, -1e9) + min_interval)
            self._last_start[host] = start
        if start > now and self.cancelled.wait(start - now):
            slot.release()
            raise FetchError("stopped before the request was sent")

    def release_turn(self, host: str) -> None:
        with self._lock:
            slot = self._slots[normalise_host(host)]
        slot.release()

    def track(self, watchdog: Any, active: bool) -> None:
        with self._lock:
            if active:
                self._active.add(watchdog)
            else:
                self._active.discard(watchdog)
