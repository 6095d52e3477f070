"""One lookup's time limit: the words for it, and a client that stops sending once it is up.

The runner (`footprint.lookups.runner`) closes a lookup that runs past its limit at once, so
the audit does not wait for it; the lookup's own thread may still be inside a request, which
ends by the fetch limits. From then on its client refuses to send anything, so a web search
working down its chain of engines does not go on to the next one.
"""

from __future__ import annotations

import threading

from footprint.net.client import FetchError, GatedClient

STOPPED_REASON = "stopped: the lookup ran out of time"


def timed_out_after(seconds: float) -> str:
    """The couldn't-check reason of a lookup stopped at its own time limit."""
    return f"timed out (no answer within {seconds:g} s)"


class StoppableClient(GatedClient):
    """A lookup's gated client that sends nothing more once `stopped` is set."""

    def __init__(self, gated: GatedClient, stopped: threading.Event) -> None:
        super().__init__(gated._client, gated.grant, gated.hosts, gated.min_interval)
        self._stopped = stopped

    def _check_first(self, host: str) -> None:
        # The gate every request passes (GET and POST alike) before anything is sent.
        if self._stopped.is_set():
            raise FetchError(STOPPED_REASON)
        super()._check_first(host)
