"""The one HTTP client every lookup must use.  (API fixed here; implementation: see issue 3.)

`HttpClient` owns the transport (a requests Session, limits, per-host concurrency and
intervals). `HttpClient.bind(grant, hosts)` returns a `GatedClient` for one lookup: any request
to a host outside `hosts`, or without a granted consent, raises `ConsentViolation` (a bug, not a
result). Every transport problem raises `FetchError` with a plain-words `reason`; lookups catch
it and return a couldn't-check observation.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from footprint.consent import ConsentRecord
from footprint.errors import FootprintError


class FetchError(FootprintError):
    """A request could not give a usable answer. `reason` is plain words, no personal data."""

    def __init__(self, reason: str, *, url: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.url = url


class ConsentViolation(FootprintError):
    """A lookup tried to contact a host it was not granted. Always a bug."""


@dataclass(frozen=True)
class FetchLimits:
    """Limits on every fetch. Hostile pages are normal."""

    connect_timeout: float = 5.0
    total_timeout: float = 20.0
    max_bytes: int = 3_000_000
    max_redirects: int = 5
    max_retries: int = 2
    max_retry_after: float = 10.0
    per_host_concurrency: int = 2
    min_interval: float = 0.0  # seconds between two requests to the same host


@dataclass(frozen=True)
class Response:
    """A fetched response, already size-capped and decoded."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    headers: Mapping[str, str]
    content_type: str
    body: bytes = field(repr=False)
    text: str = field(repr=False)
    elapsed: float = 0.0

    def json(self) -> Any:
        """Parse the body as JSON; raises FetchError('unexpected format') if it is not."""
        raise NotImplementedError


class GatedClient:
    """An `HttpClient` bound to one lookup's consent grant and host list."""

    def get(
        self,
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        accept: tuple[str, ...] = ("text/html", "application/xhtml+xml"),
    ) -> Response:
        """GET `url`; returns any HTTP status (lookups decide what 404 means)."""
        raise NotImplementedError


class HttpClient:
    """Shared transport; create one per audit and `bind` it per lookup."""

    def __init__(
        self,
        limits: FetchLimits | None = None,
        *,
        allow_private: bool = False,
        allow_loopback: bool = False,
    ) -> None:
        raise NotImplementedError

    def bind(
        self, grant: ConsentRecord, hosts: frozenset[str], *, min_interval: float = 0.0
    ) -> GatedClient:
        """A client for one lookup; refuses hosts not in `hosts` and ungranted consent."""
        raise NotImplementedError
