"""What a fetch gives back and the limits it runs under: `Response`, `FetchError`, `FetchLimits`.

The parts of `footprint.net.client` that the fetch itself (`footprint.net.fetch`) and the
blocked-page reasons (`footprint.net.block`) also need, kept here so those modules sit below
the client instead of importing it back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from footprint import __version__
from footprint.errors import FootprintError
from footprint.util import jsonsafe

USER_AGENT = (
    f"footprint/{__version__} (+https://github.com/footprint-audit/footprint; privacy self-audit)"
)


class FetchError(FootprintError):
    """A request could not give a usable answer. `reason` is plain words, no personal data."""

    def __init__(self, reason: str, *, url: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.url = url


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
    retry_backoff: float = 1.0  # first wait when a 429/503 gives no Retry-After; doubles


@dataclass(frozen=True)
class Response:
    """A fetched response, already size-capped and decoded."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    headers: Mapping[str, str]  # case-insensitive (a requests CaseInsensitiveDict)
    content_type: str
    body: bytes = field(repr=False)
    text: str = field(repr=False)
    elapsed: float = 0.0

    def json(self) -> Any:
        """Parse the body as JSON; raises FetchError('unexpected format') if it is not."""
        try:
            # Nesting is bounded: a hostile body must not raise RecursionError in a lookup.
            return jsonsafe.loads(self.text.lstrip("\ufeff"))  # some APIs start with a BOM
        except ValueError:
            raise FetchError("unexpected format: not JSON", url=self.url) from None

    @property
    def ok(self) -> bool:
        """2xx."""
        return 200 <= self.status < 300
